import { existsSync } from "node:fs";
import { z } from "zod";
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
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl: string };
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
  const hasSlack = Boolean(values.SLACK_BOT_TOKEN && values.SLACK_SIGNING_SECRET);
  if (Boolean(values.SLACK_BOT_TOKEN) !== Boolean(values.SLACK_SIGNING_SECRET)) {
    throw new ConfigError(
      "invalid configuration: set both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or neither, to run the local sandbox)",
    );
  }
  return {
    port: values.PORT,
    slack: {
      botToken: values.SLACK_BOT_TOKEN,
      signingSecret: values.SLACK_SIGNING_SECRET,
      appToken: values.SLACK_APP_TOKEN,
      apiUrl: values.SLACK_API_URL,
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
      : `Slack: ${config.slack.appToken ? "Socket Mode" : "HTTP events"}`,
    config.gemini.apiKey ? `analyst: Gemini (${config.gemini.model})` : "analyst: offline",
    POSTGRES_URL.test(config.databaseUrl) ? "storage: postgres" : `storage: sqlite ${config.databasePath}`,
    config.webhookSecret ? "webhooks: signed" : "webhooks: sandbox only",
    config.liveReadToken ? "live feed: read token" : "live feed: sandbox only",
  ].join(" · ");
}
