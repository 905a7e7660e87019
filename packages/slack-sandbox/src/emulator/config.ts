import type { IdFactory } from "./ids.js";

/** Bot events the emulator can deliver; `message.*` follow Slack's subscription names. */
export const SUPPORTED_EVENTS = [
  "app_home_opened",
  "app_mention",
  "app_uninstalled",
  "assistant_thread_context_changed",
  "assistant_thread_started",
  "file_shared",
  "member_joined_channel",
  "message.channels",
  "message.groups",
  "message.im",
  "tokens_revoked",
] as const;

export interface SlackEmulatorOptions {
  signingSecret: string;
  /** The bot token (`xoxb-...`) the app must present on every call. */
  botToken: string;
  /** Where events, slash commands and interactions are POSTed; settable later. */
  requestUrl?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long the app has to answer 200 before Slack gives up on an attempt (3 s on Slack). */
  ackTimeoutMs?: number;
  /**
   * Delay before each retry of an event. Slack retries three times: nearly immediately, after
   * about a minute, then after about five minutes.
   */
  retryDelaysMs?: number[];
  /** `trigger_id`s expire after 3 s on Slack. */
  triggerTtlMs?: number;
  /** Bot events the app subscribes to (as in its manifest); all supported ones by default. */
  events?: readonly string[];
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  appId?: string;
  botId?: string;
  botUserId?: string;
  botName?: string;
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken?: string;
  /** The app's OAuth credentials, checked by `/oauth/v2/authorize` and `oauth.v2.access`. */
  clientId?: string;
  clientSecret?: string;
}

export interface EmulatorConfig {
  signingSecret: string;
  botToken: string;
  requestUrl: string | undefined;
  ackTimeoutMs: number;
  retryDelaysMs: number[];
  triggerTtlMs: number;
  events: ReadonlySet<string>;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
  verificationToken: string;
  clientId: string;
  clientSecret: string;
  /**
   * Whether the app is installed in this config's workspace: only then is its bot token accepted and
   * are events delivered.
   */
  installed: boolean;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  baseUrl: string;
}

export function resolveConfig(options: SlackEmulatorOptions, ids: IdFactory): EmulatorConfig {
  return {
    signingSecret: options.signingSecret,
    botToken: options.botToken,
    requestUrl: options.requestUrl,
    ackTimeoutMs: options.ackTimeoutMs ?? 3000,
    retryDelaysMs: options.retryDelaysMs ?? [0, 60_000, 300_000],
    triggerTtlMs: options.triggerTtlMs ?? 3000,
    events: new Set(options.events ?? SUPPORTED_EVENTS),
    appId: options.appId ?? ids.app(),
    botId: options.botId ?? ids.bot(),
    botUserId: options.botUserId ?? ids.user(),
    botName: options.botName ?? "analyst",
    verificationToken: options.verificationToken ?? ids.secret(24),
    clientId: options.clientId ?? `${Date.now()}.${ids.secret(12)}`,
    clientSecret: options.clientSecret ?? ids.secret(32),
    installed: true,
    baseUrl: "",
  };
}
