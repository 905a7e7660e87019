import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { InstallationKey, Store, Workspace } from "../../store/index.js";
import { installationId } from "../../store/installation-key.js";
import type { TokenCipher } from "./token-cipher.js";

/** The app is not (or no longer) installed where an event or a job came from. */
export class NotInstalledError extends Error {
  override readonly name = "NotInstalledError";
}

function keyOfQuery(query: InstallationQuery<boolean>): InstallationKey {
  return {
    team: query.teamId ?? null,
    enterprise: query.enterpriseId ?? null,
    enterpriseInstall: query.isEnterpriseInstall === true,
  };
}

function keyOfInstallation(installation: Installation): InstallationKey {
  const enterpriseInstall = installation.isEnterpriseInstall === true;
  return {
    team: enterpriseInstall ? null : (installation.team?.id ?? null),
    enterprise: installation.enterprise?.id ?? null,
    enterpriseInstall,
  };
}

function describeKey(key: InstallationKey): string {
  return key.enterpriseInstall ? `organisation ${key.enterprise}` : `workspace ${key.team}`;
}

/**
 * Slack's installer keeps installations here: in the app's store, each one sealed whole (its tokens
 * included) with ENCRYPTION_KEY, bound to the workspace it belongs to. Errors name the workspace, never a
 * token.
 */
export class SealedInstallations implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOfInstallation(installation);
    await this.store.saveInstallation(
      key,
      this.cipher.seal(JSON.stringify(installation), installationId(key)),
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = keyOfQuery(query);
    const found = await this.find(key);
    if (!found) throw new NotInstalledError(`the app is not installed in ${describeKey(key)}`);
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.removeInstallation(keyOfQuery(query));
  }

  /** Forgets an installation; false when there was none. */
  forget(key: InstallationKey): Promise<boolean> {
    return this.store.removeInstallation(key);
  }

  /** True when Slack's query names an installation this store has. */
  async has(query: InstallationQuery<boolean>): Promise<boolean> {
    return (await this.store.findInstallation(keyOfQuery(query))) !== null;
  }

  /** The bot token a job of this workspace posts with: its own installation's, else its organisation's. */
  async botTokenOf(workspace: Workspace): Promise<string | null> {
    const own = workspace.team
      ? await this.find({ team: workspace.team, enterprise: workspace.enterprise, enterpriseInstall: false })
      : null;
    const installation =
      own ??
      (workspace.enterprise
        ? await this.find({ team: null, enterprise: workspace.enterprise, enterpriseInstall: true })
        : null);
    return installation?.bot?.token ?? null;
  }

  private async find(key: InstallationKey): Promise<Installation | null> {
    const record = await this.store.findInstallation(key);
    return record ? (JSON.parse(this.cipher.open(record.sealed, installationId(key))) as Installation) : null;
  }
}
