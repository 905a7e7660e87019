import type { IdFactory } from "../ids.js";

/** What a person approved on the authorize page, waiting for the app to exchange its code. */
export interface InstallGrant {
  teamId: string;
  /** The person who installed the app (Slack's `authed_user`). */
  userId: string;
  scope: string;
  redirectUri: string;
}

/** Slack's codes live 10 minutes and are good once. */
const CODE_TTL_MS = 10 * 60_000;

export class InstallCodes {
  private readonly grants = new Map<string, InstallGrant & { expires: number }>();

  constructor(private readonly ids: IdFactory) {}

  issue(grant: InstallGrant): string {
    const code = `${grant.teamId}.${Date.now()}.${this.ids.secret(32)}`;
    this.grants.set(code, { ...grant, expires: Date.now() + CODE_TTL_MS });
    return code;
  }

  /** The grant behind a code, once; undefined for an unknown, used or expired code. */
  redeem(code: string): InstallGrant | undefined {
    const grant = this.grants.get(code);
    this.grants.delete(code);
    if (!grant || grant.expires < Date.now()) return undefined;
    const { expires: _expires, ...rest } = grant;
    return rest;
  }
}
