import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/log/logger.js";
import { type RunningApp, startApp } from "../../src/main.js";
import { BOT_TOKEN, SIGNING_SECRET, startEmulator } from "../sandbox/helpers.js";
import { blockText, shareExport, WEBHOOK_SECRET } from "./app-harness.js";

/**
 * Issue 17, item 4: scheduled reports end to end, the real app against the Slack emulator. Time is the
 * test's: each sweep is told the moment it runs at, so no test waits for a Monday.
 */
const sample = readFileSync(join(import.meta.dirname, "../../samples/google-ads-campaign-report.csv"));

const logged: Array<{ level: string; message: string; context?: Record<string, unknown> }> = [];
const record = (level: string) => (message: string, context?: Record<string, unknown>) => {
  logged.push({ level, message, context });
};
const logger: Logger = {
  debug: () => undefined,
  info: record("info"),
  warn: record("warn"),
  error: record("error"),
};

let emulator: SlackEmulator;
let app: RunningApp;
let user: string;

beforeAll(async () => {
  emulator = await startEmulator({ retryDelaysMs: [0, 0, 0] });
  const databasePath = join(mkdtempSync(join(tmpdir(), "mpo-schedules-e2e-")), "mpo.db");
  app = await startApp({
    logger,
    env: {
      PORT: "0",
      DATABASE_URL: `sqlite:${databasePath}`,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: emulator.apiUrl,
      WEBHOOK_SECRET,
    },
  });
  emulator.setRequestUrl(`http://127.0.0.1:${app.port}/slack/events`);
  user = emulator.createUser({ name: "maria", realName: "Maria Marketer", tz: "Europe/London" }).id;
});
afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

/** A channel with the sample export in it. */
async function channelWithData(name: string): Promise<string> {
  const channel = emulator.createChannel({ name, members: [user], withBot: true }).id;
  await shareExport(emulator, { user, channel, filename: "google-ads.csv", content: sample });
  return channel;
}

/** Runs `/report <text>` and resolves with what the app then says privately (its ack, or its reply). */
async function report(text: string, channel: string): Promise<string> {
  const seen = emulator.transcript().ephemerals.length;
  const result = await emulator.runSlashCommand({ user, channel, command: "/report", text });
  const acked = result.responseBody ? (JSON.parse(result.responseBody) as { text?: string }).text : undefined;
  if (acked) return acked;
  const told = await emulator.waitFor(
    (transcript) =>
      transcript.ephemerals.slice(seen).find((e) => e.user === user && e.channel === channel && !e.deleted),
    { timeoutMs: 20_000 },
  );
  return told.text;
}

/** Schedules made by the running test; ended after it, so each test's sweeps see only its own. */
const made: number[] = [];
afterEach(async () => {
  for (const id of made.splice(0)) await app.schedules.store.end(id, "the test is over", new Date());
});

async function schedule(text: string, channel: string): Promise<number> {
  const told = await report(`schedule ${text}`, channel);
  const id = /Scheduled #(\d+)/.exec(told)?.[1];
  if (!id) throw new Error(`not scheduled: ${told}`);
  made.push(Number(id));
  return Number(id);
}

const deliveries = (channel: string, id: number) =>
  emulator
    .messages({ channel })
    .filter((message) => new RegExp(`scheduled report \\(?#${id}\\b`, "i").test(blockText(message.blocks)));

async function slotOf(id: number): Promise<Date> {
  const stored = await app.schedules.store.get(id);
  if (!stored) throw new Error(`no schedule ${id}`);
  return stored.nextSlotAt;
}

/** Polls until `probe` finds something: the app's log and jobs change without Slack seeing it. */
async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 400; tries++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within 20 s: ${what}`);
}

/** Resolves when the app has no job waiting or running: the upload's last posts are done. */
const settled = () =>
  until(async () => ((await app.jobs.backlog()).waiting === 0 ? true : undefined), "jobs settled");

/** The log line of a schedule that ended. */
const endedLine = (id: number) =>
  until(
    () =>
      logged.find(
        (line) => line.message.startsWith("schedules: a schedule ended") && line.context?.schedule === id,
      ),
    `schedule ${id} ended`,
  );

const later = (date: Date, ms: number) => new Date(date.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

describe("scheduled reports", { timeout: 90_000 }, () => {
  it("bad input says what was wrong and the accepted forms", async () => {
    const channel = emulator.createChannel({ name: "typos", members: [user], withBot: true }).id;
    const told = await report("schedule weekly funday 25:00", channel);
    expect(told).toContain('"funday" is not a day of the week, and "25:00" is not a time of day');
    expect(told).toContain("/report schedule daily 08:30");
    expect(told).toContain("/report unschedule 3");
    expect(await app.schedules.store.list(channel, { team: emulator.teamId, enterprise: null })).toEqual([]);
    const help = await report("help", channel);
    expect(help).toContain("/report [dataset|period] [by dimension]");
    expect(help).toContain("/report schedule weekly mon 09:00");
  });

  it("schedule, list and unschedule, in the person's time zone and only in their channel", async () => {
    const channel = emulator.createChannel({ name: "weekly", members: [user], withBot: true }).id;
    const other = emulator.createChannel({ name: "elsewhere", members: [user], withBot: true }).id;
    const told = await report("schedule weekly mon 09:00 by campaign", channel);
    expect(told).toMatch(
      /Scheduled #\d+: `\/report by campaign` in this channel every Monday at 09:00 \(Europe\/London\)/,
    );
    expect(told).toMatch(/The first one comes Mon \d{1,2} \w{3} \d{4}, 09:00/);
    const id = Number(/Scheduled #(\d+)/.exec(told)?.[1]);
    expect(await report("schedules", channel)).toContain(
      `#${id} \`/report by campaign\` every Monday at 09:00`,
    );
    expect(await report("schedules", other)).toMatch(/no scheduled reports/);
    expect(await report(`unschedule ${id}`, other)).toContain(`has no scheduled report #${id}`);
    expect(await report(`unschedule ${id}`, channel)).toContain(`Unscheduled #${id}`);
    expect(await report("schedules", channel)).toMatch(/no scheduled reports/);
  });

  it("a slot is delivered once, built by /report's builder, however often it is swept", async () => {
    const channel = await channelWithData("daily-digest");
    const id = await schedule("daily 08:30 by campaign", channel);
    const slot = await slotOf(id);
    expect(await app.schedules.sweep(later(slot, 20_000))).toBe(1);
    const delivered = await emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 30_000 },
    );
    const text = blockText(delivered.blocks);
    expect(text).toContain(`Scheduled report #${id}, every day at 08:30 (Europe/London)`);
    expect(text).toMatch(/Best campaigns by ROAS/);
    expect(text).not.toMatch(/Late/);
    expect(await app.schedules.sweep(later(slot, 40_000))).toBe(0);
    await emulator.idle();
    expect(deliveries(channel, id)).toHaveLength(1);
    expect((await slotOf(id)).getTime()).toBeGreaterThan(slot.getTime());
  });

  it("slots missed while the app was down: one delivery afterwards, saying it is late", async () => {
    const channel = await channelWithData("after-downtime");
    const id = await schedule("daily 07:15", channel);
    const slot = await slotOf(id);
    // Three days later: three slots passed, the newest goes out once.
    const back = later(slot, 3 * DAY + 2 * 60 * 60 * 1000);
    expect(await app.schedules.sweep(back)).toBe(1);
    const delivered = await emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 30_000 },
    );
    expect(blockText(delivered.blocks)).toMatch(
      new RegExp(
        `Late: this scheduled report \\(#${id}\\) was due \\w{3} \\d{1,2} \\w{3} \\d{4}, 07:15 \\(Europe/London\\)`,
      ),
    );
    expect(await app.schedules.sweep(later(back, 60_000))).toBe(0);
    await emulator.idle();
    expect(deliveries(channel, id)).toHaveLength(1);
  });

  it("a deleted channel ends the schedule with a log line, and it is never swept again", async () => {
    const channel = await channelWithData("deleted-later");
    const id = await schedule("weekly friday 16:00", channel);
    const slot = await slotOf(id);
    await settled();
    emulator.failNext("chat.postMessage", "channel_not_found");
    await app.schedules.sweep(later(slot, 5_000));
    const ended = await endedLine(id);
    expect(ended.context).toMatchObject({
      channel,
      slack: "channel_not_found",
      reason: "the channel was deleted",
    });
    expect(await app.schedules.store.get(id)).toMatchObject({ endReason: "the channel was deleted" });
    expect(await app.schedules.sweep(later(slot, 30 * DAY))).toBe(0);
    expect(deliveries(channel, id)).toHaveLength(0);
  });

  it("the app removed from the channel ends the schedule too", async () => {
    const channel = await channelWithData("bot-removed");
    const id = await schedule("daily 12:00", channel);
    const slot = await slotOf(id);
    await settled();
    emulator.removeBot(channel);
    await app.schedules.sweep(later(slot, 5_000));
    await endedLine(id);
    expect(await app.schedules.store.get(id)).toMatchObject({
      endReason: "the app was removed from the channel",
    });
  });

  it("'Send this every Monday' under a report schedules that report weekly, Monday 09:00 the clicker's time", async () => {
    const channel = await channelWithData("from-a-button");
    await emulator.runSlashCommand({ user, channel, command: "/report", text: "last 7 days" });
    const posted = await emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 30_000 },
    );
    expect(blockText(posted.blocks)).toContain("Send this every Monday");
    const seen = emulator.transcript().ephemerals.length;
    await emulator.clickButton({ user, channel, ts: posted.ts, actionId: "report_schedule_weekly:0" });
    const told = await emulator.waitFor(
      (transcript) =>
        transcript.ephemerals.slice(seen).find((e) => e.user === user && /Scheduled #/.test(e.text)),
      { timeoutMs: 20_000 },
    );
    expect(told.text).toMatch(
      /`\/report last 7 days` in this channel every Monday at 09:00 \(Europe\/London\)/,
    );
    const [stored] = await app.schedules.store.list(channel, { team: emulator.teamId, enterprise: null });
    if (stored) made.push(stored.id);
    expect(stored).toMatchObject({
      cadence: "weekly",
      weekday: 1,
      time: "09:00",
      report: "last 7 days",
      createdBy: user,
    });
  });

  it("'Send this every Monday' under a recurring answer schedules the question, answered again from the channel's data", async () => {
    const channel = emulator.createChannel({ name: "from-an-answer", members: [user], withBot: true }).id;
    const { shared } = await shareExport(emulator, {
      user,
      channel,
      filename: "google-ads.csv",
      content: sample,
    });
    await settled();
    const offered = async (text: string) => {
      const asked = emulator.postMessage({ user, channel, threadTs: shared.ts, text });
      const answer = await emulator.waitForMessage(
        { channel, threadTs: shared.ts, fromBot: true, after: asked.ts, finished: true, text: /./ },
        { timeoutMs: 30_000 },
      );
      await settled();
      return emulator
        .messages({ channel, threadTs: shared.ts })
        .find(
          (message) => message.ts >= answer.ts && /Send this every Monday/.test(blockText(message.blocks)),
        );
    };
    // All the data, or fixed dates, would say the same each Monday: no button under those.
    expect(await offered("what was the total spend by campaign?")).toBeUndefined();
    expect(await offered("spend by campaign from 2025-09-01 to 2025-09-07")).toBeUndefined();
    const question = "what was the total spend by campaign last week?";
    const answered = await offered(question);
    if (!answered) throw new Error("no 'Send this every Monday' under the answer");
    const seen = emulator.transcript().ephemerals.length;
    await emulator.clickButton({ user, channel, ts: answered.ts, actionId: "report_schedule_weekly:0" });
    const told = await emulator.waitFor(
      (transcript) =>
        transcript.ephemerals.slice(seen).find((e) => e.user === user && /Scheduled #/.test(e.text)),
      { timeoutMs: 20_000 },
    );
    expect(told.text).toContain(
      `the answer to “${question}” in this channel every Monday at 09:00 (Europe/London)`,
    );
    const id = Number(/Scheduled #(\d+)/.exec(told.text)?.[1]);
    made.push(id);
    expect(await app.schedules.store.get(id)).toMatchObject({ question, report: "", weekday: 1 });

    const before = emulator.messages({ channel }).length;
    expect(await app.schedules.sweep(later(await slotOf(id), 10_000))).toBe(1);
    const opening = await emulator.waitForMessage(
      { channel, fromBot: true, text: new RegExp(`Scheduled question #${id}, every Monday`) },
      { timeoutMs: 30_000 },
    );
    expect(opening.text).toContain(`*${question}*`);
    await emulator.waitForMessage(
      { channel, threadTs: opening.ts, fromBot: true, finished: true, text: /./ },
      { timeoutMs: 30_000 },
    );
    await settled();
    const replies = emulator
      .messages({ channel, threadTs: opening.ts })
      .map((message) => `${message.text}\n${blockText(message.blocks)}`);
    expect(replies.join("\n")).toMatch(/Spend by campaign|spend/i);
    expect(replies.join("\n")).toMatch(/\$[\d,]+/);
    expect(emulator.messages({ channel }).length).toBeGreaterThan(before);
  });

  it("a channel without data hears why its scheduled report was not built, and the schedule stays", async () => {
    const channel = emulator.createChannel({ name: "no-data-yet", members: [user], withBot: true }).id;
    const id = await schedule("daily 06:00", channel);
    expect(await app.schedules.sweep(later(await slotOf(id), 5_000))).toBe(1);
    const told = await emulator.waitForMessage(
      { channel, fromBot: true, text: new RegExp(`scheduled report #${id}`) },
      { timeoutMs: 30_000 },
    );
    expect(told.text).toContain("was not built: there is no data in this channel yet");
    expect(await app.schedules.store.get(id)).toMatchObject({ endedAt: null });
  });

  it("when Slack gives no time zone for the person, the schedule is in UTC and the reply says so", async () => {
    const channel = emulator.createChannel({ name: "no-zone", members: [user], withBot: true }).id;
    emulator.failNext("users.info", "user_not_found");
    const told = await report("schedule daily 10:00", channel);
    expect(told).toMatch(/every day at 10:00 \(UTC\)/);
    expect(told).toContain("Slack gave no time zone for you, so the time is in UTC");
    const id = Number(/Scheduled #(\d+)/.exec(told)?.[1]);
    made.push(id);
    expect((await slotOf(id)).toISOString()).toMatch(/T10:00:00\.000Z$/);
  });
});
