import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { type Logger, silentLogger } from "../../src/log/logger.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { SIGNING_SECRET, startEmulator } from "../sandbox/helpers.js";

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../../manifest.json"), "utf8")) as {
  settings: { event_subscriptions: { bot_events: string[] } };
};

export interface OAuthHarness {
  emulator: SlackEmulator;
  app: RunningApp;
  databasePath: string;
  /** `http://127.0.0.1:<port>` of the app. */
  origin: string;
  env: Record<string, string>;
  /** Installs the app in a workspace of the emulator through its own `/slack/install`, as a browser would. */
  install(teamId: string): ReturnType<SlackEmulator["installApp"]>;
  close(): Promise<void>;
}

/**
 * The real app installed through Slack's OAuth flow (no SLACK_BOT_TOKEN): client id and secret from the
 * emulator, a state secret and a fresh ENCRYPTION_KEY, events limited to what the manifest subscribes to.
 */
export async function startOAuthHarness(
  extraEnv: Record<string, string> = {},
  logger: Logger = silentLogger,
): Promise<OAuthHarness> {
  const emulator = await startEmulator({
    retryDelaysMs: [0, 0, 0],
    events: manifest.settings.event_subscriptions.bot_events,
  });
  const databasePath = join(mkdtempSync(join(tmpdir(), "mpo-oauth-")), "mpo.db");
  const env = {
    PORT: "0",
    DATABASE_URL: `sqlite:${databasePath}`,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_CLIENT_ID: emulator.clientId,
    SLACK_CLIENT_SECRET: emulator.clientSecret,
    SLACK_STATE_SECRET: randomBytes(16).toString("hex"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SLACK_API_URL: emulator.apiUrl,
    WEBHOOK_SECRET: "oauth-webhook-secret-0123456789",
    ...extraEnv,
  };
  const app = await startApp({ env, logger });
  const origin = `http://127.0.0.1:${app.port}`;
  emulator.setRequestUrl(`${origin}/slack/events`);
  return {
    emulator,
    app,
    databasePath,
    origin,
    env,
    install: (teamId) => emulator.installApp({ installUrl: `${origin}/slack/install`, teamId }),
    close: async () => {
      await app.close();
      await emulator.close();
    },
  };
}
