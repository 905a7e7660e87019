import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

/**
 * Issue 14, item 1: every form of `/report` arguments ends in a report or in words saying what was
 * understood and what is accepted, never in a "Building the report…" that stays forever.
 */
const sample = readFileSync(join(import.meta.dirname, "../../samples/google-ads-campaign-report.csv"));
const FILE = "google-ads-campaign-report.csv";

let harness: Harness;
let user: string;
let channel: string;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  user = seeded.user.id;
  channel = seeded.channel.id;
  await shareExport(harness.emulator, { user, channel, filename: FILE, content: sample });
});
afterAll(async () => harness?.close());

/** Runs `/report <text>` and returns what the person then sees: the report, or the bot's last word to them. */
async function report(text: string, where = channel) {
  const { emulator } = harness;
  const before = emulator.transcript();
  const seenMessages = before.messages.length;
  const seenEphemerals = before.ephemerals.length;
  await emulator.runSlashCommand({ user, channel: where, command: "/report", text });
  return emulator.waitFor(
    (transcript) => {
      const posted = transcript.messages
        .slice(seenMessages)
        .find((message) => message.channel === where && /Performance report/.test(message.text));
      if (posted) return { kind: "report" as const, text: blockText(posted.blocks) };
      const told = transcript.ephemerals
        .slice(seenEphemerals)
        .filter((e) => e.user === user && e.channel === where && !e.deleted && !/^Building/.test(e.text));
      const last = told.at(-1);
      return last ? { kind: "told" as const, text: last.text } : undefined;
    },
    { timeoutMs: 20_000 },
  );
}

describe("/report with arguments", () => {
  it("a file, a period and a dimension: the report of that file for that period", async () => {
    const seen = await report(`${FILE} last 7 days by campaign`);
    expect(seen.kind).toBe("report");
    expect(seen.text).toContain(FILE);
    expect(seen.text).toMatch(/2025-09-24.{1,6}2025-09-30|Sep 24.{1,6}30/);
  });

  it("a dimension the data lacks: says what it understood and which dimensions it has", async () => {
    const seen = await report("last 7 days by channel");
    expect(seen.kind).toBe("told");
    expect(seen.text).toMatch(/I read `\/report last 7 days by channel` as .*the last 7 days.* by channel/);
    expect(seen.text).toMatch(/no channel column/i);
    expect(seen.text).toContain("campaign");
    expect(seen.text).toContain("/report [dataset|period] [by dimension]");
  });

  it("words that are neither a period nor a dataset: says so and lists the datasets and periods", async () => {
    const seen = await report("banana purple monkey");
    expect(seen.kind).toBe("told");
    expect(seen.text).toMatch(/"banana purple monkey" is neither a period nor a dataset in this channel/);
    expect(seen.text).toContain(FILE);
    expect(seen.text).toContain("/report last 7 days");
  });

  it("a period outside the data: says which dates the data covers, not a report of zeros", async () => {
    const seen = await report("march");
    expect(seen.kind).toBe("told");
    expect(seen.text).toMatch(
      /as the channel's latest data, March, but 2025-03-01 to 2025-03-31 has no rows/,
    );
    expect(seen.text).toContain("the data covers 2025-09-01 to 2025-09-30");
  });

  it("a channel without data: says what to do first", async () => {
    const empty = harness.emulator.createChannel({ name: "empty", members: [user], withBot: true });
    const seen = await report("last week", empty.id);
    expect(seen.kind).toBe("told");
    expect(seen.text).toMatch(/no data in this channel yet: drop an ad export/);
  });
});
