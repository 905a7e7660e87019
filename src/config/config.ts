import { existsSync } from "node:fs";
import { z } from "zod";
import { EncryptionKeyError, readEncryptionKey } from "../slack/installs/token-cipher.js";
import { ConfigError } from "./config-error.js";

/**
 * Every setting comes from the environment (DESIGN.md, "Configuration"); a `.env` file in the working
 * directory is read first when present. Secrets are kept out of `describeConfig`, which is what logs see.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A PostgreSQL connection URL, as libpq and the pg driver read it. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\//;

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().default("https://slack.com/api/"),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  ENCRYPTION_KEY: optionalText,
  GEMINI_API_KEY: optionalText,
  GEMINI_MODEL: z.string().trim().min(1).default("gemini-2.5-flash"),
  GEMINI_BASE_URL: optionalText.pipe(z.url().optional()),
  DATABASE_URL: z
    .string()
    .trim()
    .default("sqlite:data/mpo.db")
    .refine(
      (value) => value.startsWith("sqlite:") || POSTGRES_URL.test(value),
      "expected sqlite:<file>, e.g. sqlite:data/mpo.db, or postgres://user:password@host:5432/database",
    ),
  WEBHOOK_SECRET: optionalText,
  LIVE_READ_TOKEN: optionalText,
  SLACK_FILE_HOSTS: optionalText,
  ALERT_CHANNEL: optionalText,
  CORS_ORIGINS: optionalText,
  SANDBOX: optionalText,
});

export type Env = z.infer<typeof ConfigSchema>;

export interface Config {
  port: number;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    /** Installing in several workspaces through Slack's OAuth flow, instead of one SLACK_BOT_TOKEN. */
    oauth?: SlackOAuthConfig;
  };
  gemini: { apiKey?: string; model: string; baseUrl?: string };
  /** DATABASE_URL: `sqlite:<file>` or `postgres://…`, where the store keeps everything it owns. */
  databaseUrl: string;
  /**
   * Path of the SQLite file (":memory:" allowed). With a PostgreSQL DATABASE_URL nothing is opened there:
   * the store, jobs, targets and schedules all live in PostgreSQL.
   */
  databasePath: string;
  webhookSecret?: string;
  /** What a reader of `GET /live` must send as a bearer token; without it the feed is off but in the sandbox. */
  liveReadToken?: string;
  /**
   * Hosts the bot token may be sent to when downloading a shared file: Slack's file hosts, or the
   * emulator's loopback host:port (SLACK_FILE_HOSTS, comma-separated).
   */
  slackFileHosts: string[];
  alertChannel?: string;
  /** Origins allowed to call the REST API from a browser; empty means closed. */
  corsOrigins: string[];
  /** Run the local Slack sandbox: forced by SANDBOX=1, the default when no Slack credentials are set. */
  sandbox: boolean;
}

export { ConfigError };

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state`, so a callback is only accepted for an install this app started. */
  stateSecret: string;
  /** ENCRYPTION_KEY's 32 bytes: installations' tokens are sealed with it in the store. */
  encryptionKey: Buffer;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: { readDotEnv?: boolean } = {},
): Config {
  if ((options.readDotEnv ?? env === process.env) && existsSync(".env")) process.loadEnvFile(".env");
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const values = parsed.data;
  const oauth = readOAuth(values);
  const credentials = Boolean(values.SLACK_BOT_TOKEN || oauth);
  const hasSlack = credentials && Boolean(values.SLACK_SIGNING_SECRET);
  if (credentials !== Boolean(values.SLACK_SIGNING_SECRET)) {
    throw new ConfigError(
      oauth
        ? "invalid configuration: installing in several workspaces needs SLACK_SIGNING_SECRET too"
        : "invalid configuration: set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or neither, to run the local sandbox)",
    );
  }
  return {
    port: values.PORT,
    slack: {
      botToken: values.SLACK_BOT_TOKEN,
      signingSecret: values.SLACK_SIGNING_SECRET,
      appToken: values.SLACK_APP_TOKEN,
      apiUrl: values.SLACK_API_URL,
      ...(oauth ? { oauth } : {}),
    },
    gemini: { apiKey: values.GEMINI_API_KEY, model: values.GEMINI_MODEL, baseUrl: values.GEMINI_BASE_URL },
    databaseUrl: values.DATABASE_URL,
    databasePath: POSTGRES_URL.test(values.DATABASE_URL)
      ? "data/mpo.db"
      : values.DATABASE_URL.slice("sqlite:".length),
    webhookSecret: values.WEBHOOK_SECRET,
    liveReadToken: values.LIVE_READ_TOKEN,
    slackFileHosts: listOf(values.SLACK_FILE_HOSTS),
    alertChannel: values.ALERT_CHANNEL,
    corsOrigins: listOf(values.CORS_ORIGINS),
    sandbox: values.SANDBOX === "1" || values.SANDBOX === "true" || !hasSlack,
  };
}

const OAUTH_VARIABLES = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/** The OAuth install's settings: all three or none, with a usable ENCRYPTION_KEY, and not beside a bot token. */
function readOAuth(values: Env): SlackOAuthConfig | undefined {
  const missing = OAUTH_VARIABLES.filter((name) => !values[name]);
  if (missing.length === OAUTH_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      `invalid configuration: installing in several workspaces needs ${OAUTH_VARIABLES.join(", ")}; ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set`,
    );
  }
  if (values.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      "invalid configuration: SLACK_BOT_TOKEN is for one workspace and SLACK_CLIENT_ID/SECRET/STATE_SECRET for installing in several: set one or the other (with OAuth, add the app to your first workspace at /slack/install too)",
    );
  }
  try {
    return {
      clientId: values.SLACK_CLIENT_ID as string,
      clientSecret: values.SLACK_CLIENT_SECRET as string,
      stateSecret: values.SLACK_STATE_SECRET as string,
      encryptionKey: readEncryptionKey(values.ENCRYPTION_KEY),
    };
  } catch (error) {
    if (error instanceof EncryptionKeyError) throw new ConfigError(`invalid configuration: ${error.message}`);
    throw error;
  }
}

function listOf(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The configuration as it may be logged: which features are on, never a secret. */
export function describeConfig(config: Config): string {
  return [
    `port ${config.port}`,
    config.sandbox
      ? "Slack: local sandbox"
      : `Slack: ${config.slack.appToken ? "Socket Mode" : "HTTP events"}${config.slack.oauth ? ", installed through OAuth" : ""}`,
    config.gemini.apiKey ? `analyst: Gemini (${config.gemini.model})` : "analyst: offline",
    POSTGRES_URL.test(config.databaseUrl) ? "storage: postgres" : `storage: sqlite ${config.databasePath}`,
    config.webhookSecret ? "webhooks: signed" : "webhooks: sandbox only",
    config.liveReadToken ? "live feed: read token" : "live feed: sandbox only",
  ].join(" · ");
}
