import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { ensureBigCsv } from "../../bench/big-csv.js";
import { seedChannel, startEmulator } from "../sandbox/helpers.js";
import { type AppProcess, freePort, SUBSCRIBED_EVENTS, startAppProcess } from "./app-process.js";
import { postgresDatabase } from "./temp-postgres.js";

/**
 * Issue 17, item 2: what Slack was told is accepted survives the process. The app runs as a real process
 * (tsx src/main.ts) against the Slack emulator with real signatures; it is killed with SIGKILL or stopped
 * with SIGTERM under load, started again on the same database, and every question must then have
 * exactly one answer. It runs on both engines: the SQLite file's queue, and pg-boss on PostgreSQL. Waits
 * are on outcomes, with generous timeouts, never on elapsed time.
 */
type Engine = "sqlite" | "postgres";
const SAMPLE = readFileSync(join(import.meta.dirname, "../../samples/google-ads-campaign-totals.csv"));

const running: AppProcess[] = [];
const emulators: SlackEmulator[] = [];
const databases: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const app of running.splice(0)) {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
    await app.exited;
  }
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
  for (const remove of databases.splice(0)) await remove();
});

/** A fresh database of the engine: a SQLite file, or a PostgreSQL database on the suite's server. */
async function freshDatabase(engine: Engine): Promise<string> {
  if (engine === "sqlite") return `sqlite:${join(mkdtempSync(join(tmpdir(), "mpo-crash-")), "mpo.db")}`;
  const database = await postgresDatabase();
  databases.push(database.remove);
  return database.url;
}

async function setUp(engine: Engine, retryDelaysMs: number[]) {
  // Durability is under test here, not ack speed (bench/slack-ack measures that): on a machine shared by
  // many processes an ack may take longer than Slack's 3 s, and Slack would then retry. The retries are
  // harmless (the job is keyed by the message) but would only slow the test down.
  const emulator = await startEmulator({ retryDelaysMs, events: SUBSCRIBED_EVENTS, ackTimeoutMs: 30_000 });
  emulators.push(emulator);
  const options = {
    port: await freePort(),
    databaseUrl: await freshDatabase(engine),
  };
  const start = async () => {
    const app = await startAppProcess(emulator, options);
    running.push(app);
    return app;
  };
  return { emulator, start };
}

/** A channel whose latest dataset is the sample export, analysed. */
async function channelWithData(emulator: SlackEmulator) {
  const { user, channel } = seedChannel(emulator);
  const shared = emulator.uploadFile({
    user: user.id,
    channel: channel.id,
    filename: "google-ads.csv",
    content: SAMPLE,
  });
  await emulator.waitForMessage(
    { channel: channel.id, threadTs: shared.ts, fromBot: true, text: /Analysis of/ },
    { timeoutMs: 120_000 },
  );
  return { user: user.id, channel: channel.id };
}

/** People mention the bot with a question each, every one in its own thread. */
function ask(emulator: SlackEmulator, place: { user: string; channel: string }, count: number): string[] {
  return Array.from(
    { length: count },
    () =>
      emulator.postMessage({
        user: place.user,
        channel: place.channel,
        text: `${emulator.botMention} what was the total spend?`,
      }).ts,
  );
}

/** Event ids of app_mention deliveries the app answered 200 to. */
function acknowledgedMentions(emulator: SlackEmulator): Set<string> {
  return new Set(
    emulator
      .transcript()
      .deliveries.filter((delivery) => delivery.label === "app_mention" && delivery.outcome === "acked")
      .map((delivery) => delivery.id),
  );
}

function botReplies(emulator: SlackEmulator, channel: string, threadTs: string) {
  return emulator.messages({ channel, threadTs, fromBot: true });
}

function answered(emulator: SlackEmulator, channel: string, threadTs: string): boolean {
  return botReplies(emulator, channel, threadTs).some(
    (reply) => /Spend/.test(reply.text) && !unfinished(reply),
  );
}

/** Every question has one reply from the bot, and it is the answer (not a placeholder left behind). */
function expectOneAnswerEach(emulator: SlackEmulator, channel: string, questions: readonly string[]): void {
  const counts = questions.map((ts) => botReplies(emulator, channel, ts).length);
  expect(counts.filter((count) => count !== 1)).toEqual([]);
  const replies = questions.map((ts) => botReplies(emulator, channel, ts)[0]);
  expect(replies.filter((reply) => !reply || unfinished(reply) || !/Spend/.test(reply.text))).toEqual([]);
}

/** A streamed answer whose stream was never stopped: what a crash between start and stop would leave. */
function unfinished(reply: { stream?: { state: string } }): boolean {
  return reply.stream?.state === "in_progress";
}

/** The app's latest status under a thread ("is reading big200.csv…"), "" once cleared. */
function threadStatus(emulator: SlackEmulator, channel: string, threadTs: string): string {
  const statuses = emulator.transcript().statuses;
  return (
    statuses.findLast((status) => status.channel === channel && status.threadTs === threadTs)?.status ?? ""
  );
}

describe.each(["sqlite", "postgres"] as const)(
  "durable jobs across a crash on %s (issue 17, item 2)",
  (engine) => {
    it("answers all 200 acknowledged questions, none twice, after a kill -9 and a restart", async () => {
      const { emulator, start } = await setUp(engine, [0, 500, 1_000]);
      const first = await start();
      const place = await channelWithData(emulator);
      const questions = ask(emulator, place, 200);
      await emulator.waitFor(() => acknowledgedMentions(emulator).size >= 200, { timeoutMs: 120_000 });
      first.child.kill("SIGKILL");
      await first.exited;
      const answeredBeforeTheKill = questions.filter((ts) => answered(emulator, place.channel, ts)).length;
      // The kill must have cut work short, or this test proves nothing.
      expect(answeredBeforeTheKill).toBeLessThan(200);

      const second = await start();
      await emulator.waitFor(() => questions.every((ts) => answered(emulator, place.channel, ts)), {
        timeoutMs: 240_000,
      });
      expectOneAnswerEach(emulator, place.channel, questions);
      // A rerun whose reply the killed run had posted still clears the status it set: no thread is left
      // showing the app at work.
      await emulator.waitFor(
        () => questions.every((ts) => threadStatus(emulator, place.channel, ts) === ""),
        { timeoutMs: 60_000 },
      );
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }, 420_000);

    it("loses nothing to a SIGTERM under load: running answers finish, the rest wait for the next start", async () => {
      // Slack retries what it could not deliver while the app was down, as it does (here within a minute).
      const { emulator, start } = await setUp(engine, [2_000, 10_000, 30_000]);
      const first = await start();
      const place = await channelWithData(emulator);
      const before = ask(emulator, place, 60);
      await emulator.waitFor(
        () =>
          acknowledgedMentions(emulator).size >= 60 &&
          before.some((ts) => answered(emulator, place.channel, ts)),
        { timeoutMs: 120_000 },
      );
      first.child.kill("SIGTERM");
      const during = ask(emulator, place, 20);
      expect(await first.exited).toBe(0);
      expect(first.log()).not.toMatch(/database connection is not open/);
      // Drained: whatever had started was finished before the process left, so no answer is left streaming.
      const stranded = before.filter((ts) => botReplies(emulator, place.channel, ts).some(unfinished));
      expect(stranded).toEqual([]);

      await start();
      const questions = [...before, ...during];
      await emulator.waitFor(() => questions.every((ts) => answered(emulator, place.channel, ts)), {
        timeoutMs: 240_000,
      });
      expectOneAnswerEach(emulator, place.channel, questions);
    }, 420_000);

    it("posts an upload's reply once after a kill mid-analysis and a restart, with no progress message left", async () => {
      const { emulator, start } = await setUp(engine, [0, 500, 1_000]);
      const first = await start();
      const { user, channel } = seedChannel(emulator);
      const big = await ensureBigCsv(join(tmpdir(), "mpo-crash-fixtures", "big200.csv"), 200_000);
      const shared = emulator.uploadFile({
        user: user.id,
        channel: channel.id,
        filename: "big200.csv",
        content: readFileSync(big.path),
      });
      // Progress is the thread's status, never a message that the reply would later edit.
      await emulator.waitFor(
        () => threadStatus(emulator, channel.id, shared.ts).includes("reading big200.csv"),
        {
          timeoutMs: 120_000,
        },
      );
      first.child.kill("SIGKILL");
      await first.exited;
      expect(botReplies(emulator, channel.id, shared.ts)).toEqual([]);

      await start();
      await emulator.waitForMessage(
        { channel: channel.id, threadTs: shared.ts, fromBot: true, text: /Analysis of big200\.csv/ },
        { timeoutMs: 240_000 },
      );
      const replies = botReplies(emulator, channel.id, shared.ts).filter((reply) => reply.files.length === 0);
      expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/^Analysis of big200\.csv/)]);
      expect(replies[0]?.edited).toBeUndefined();
      // The reply cleared the status the killed run had left.
      expect(threadStatus(emulator, channel.id, shared.ts)).toBe("");
    }, 420_000);
  },
);
