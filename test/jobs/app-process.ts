import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { BOT_TOKEN, SIGNING_SECRET } from "../sandbox/helpers.js";

const ROOT = join(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as {
  settings: { event_subscriptions: { bot_events: string[] } };
};

/** The events a Slack app with our manifest gets: what the emulator should deliver. */
export const SUBSCRIBED_EVENTS = manifest.settings.event_subscriptions.bot_events;

export interface AppProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** What the process wrote to stderr (its log), for a failure's message. */
  log(): string;
}

/**
 * The real app as its own process (`src/main.ts` under tsx, as `npm start` runs the build), against the
 * emulator: only SLACK_API_URL points at loopback, and events are signed with the app's secret. The same
 * port and database (a SQLite file or a PostgreSQL database) on every start, so a restart is what a deploy
 * or a crash-restart is; several processes on one PostgreSQL database are several instances.
 */
export async function startAppProcess(
  emulator: SlackEmulator,
  options: { port: number; databaseUrl: string; env?: Record<string, string> },
): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: emulator.apiUrl,
      WEBHOOK_SECRET: "crash-test-webhook-secret-0123456789",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const listening = new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line.startsWith("Listening on")) resolve();
    });
    exited.then((code) => reject(new Error(`the app exited with ${code} before listening:\n${stderr}`)));
  });
  await listening;
  emulator.setRequestUrl(`http://127.0.0.1:${options.port}/slack/events`);
  return { child, exited, log: () => stderr };
}

/** A port free now, kept for every start of the app so Slack's retries reach the restarted process. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
