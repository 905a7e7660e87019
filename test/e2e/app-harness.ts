import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { signWebhookBody } from "../../src/http/index.js";
import { silentLogger } from "../../src/log/logger.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { BOT_TOKEN, SIGNING_SECRET, startEmulator } from "../sandbox/helpers.js";

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../../manifest.json"), "utf8")) as {
  settings: { event_subscriptions: { bot_events: string[] } };
};

export const WEBHOOK_SECRET = "e2e-webhook-secret-0123456789";

export interface Harness {
  emulator: SlackEmulator;
  app: RunningApp;
  databasePath: string;
  /** Stops the app (not Slack) and starts it again on the same database, as a deploy would. */
  restart(): Promise<RunningApp>;
  close(): Promise<void>;
}

/**
 * The real app, unmodified, against the Slack emulator: only SLACK_API_URL points at loopback. The
 * emulator plays Slack and outlives app restarts, as Slack does.
 */
export async function startHarness(extraEnv: Record<string, string> = {}): Promise<Harness> {
  // Only the events the manifest subscribes to are delivered: the tests prove the manifest is enough.
  const emulator = await startEmulator({
    retryDelaysMs: [0, 0, 0],
    events: manifest.settings.event_subscriptions.bot_events,
  });
  const databasePath = join(mkdtempSync(join(tmpdir(), "mpo-e2e-")), "mpo.db");
  const env = {
    PORT: "0",
    DATABASE_URL: `sqlite:${databasePath}`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: emulator.apiUrl,
    WEBHOOK_SECRET,
    ...extraEnv,
  };
  const start = async () => {
    const app = await startApp({ env, logger: silentLogger });
    emulator.setRequestUrl(`http://127.0.0.1:${app.port}/slack/events`);
    return app;
  };
  const harness: Harness = {
    emulator,
    app: await start(),
    databasePath,
    restart: async () => {
      await harness.app.close();
      harness.app = await start();
      return harness.app;
    },
    close: async () => {
      await harness.app.close();
      await emulator.close();
    },
  };
  return harness;
}

/** A person shares a file; resolves with its message and the bot's reply in its thread (analysis or refusal). */
export async function shareExport(
  emulator: SlackEmulator,
  input: { user: string; channel: string; filename: string; content: Buffer | string },
) {
  const shared = emulator.uploadFile(input);
  const analysis = await emulator.waitForMessage(
    { channel: input.channel, threadTs: shared.ts, fromBot: true, text: /Analysis of|couldn't read/ },
    { timeoutMs: 30_000 },
  );
  return { shared, analysis };
}

/** Live rows pushed to the app's webhook, signed as an automation tool signs them. */
export function postWebhook(harness: Harness, body: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`http://127.0.0.1:${harness.app.port}/webhooks/ingest`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-mpo-timestamp": timestamp,
      "x-mpo-signature": signWebhookBody(WEBHOOK_SECRET, timestamp, body),
    },
  });
}

/** Every text in a message's blocks, joined: what a person reads. */
export function blockText(blocks: unknown[] | undefined): string {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text" && typeof value === "string") texts.push(value);
        else visit(value);
      }
    }
  };
  visit(blocks ?? []);
  return texts.join("\n");
}

/**
 * What a person reads in a message: a streamed answer's Markdown with the blocks its stop added under it,
 * else the blocks' text (or the plain text when there are none).
 */
export function shownText(message: { text: string; blocks?: unknown[]; stream?: unknown }): string {
  const blocks = blockText(message.blocks);
  if (message.stream) return blocks === "" ? message.text : `${message.text}\n${blocks}`;
  return blocks === "" ? message.text : blocks;
}

/** Opens a person's App Home and resolves with the text of the view published for that opening. */
export async function appHomeText(emulator: SlackEmulator, user: string): Promise<string> {
  const before = emulator.transcript().homeViews.find((view) => view.user === user)?.hash;
  emulator.openAppHome(user);
  const view = await emulator.waitFor(
    () =>
      emulator
        .transcript()
        .homeViews.find((candidate) => candidate.user === user && candidate.hash !== before),
    { timeoutMs: 10_000 },
  );
  return blockText(view.blocks);
}
