import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, shareExport, shownText, startHarness } from "./app-harness.js";

/**
 * Issue 18, items 1 and 3 through the Slack emulator: `/target` sets, lists and removes a channel's
 * targets, `/report` paces them, and `/report all` blends the channel's exports (a totals download of a
 * report already shared counted once).
 */
const samples = join(import.meta.dirname, "../../samples");
const GOOGLE = "google-ads-campaign-report.csv";
const GOOGLE_TOTALS = "google-ads-campaign-totals.csv";
const META = "meta-ads-daily-export.csv";

let harness: Harness;
let user: string;
let channel: string;
/** The thread of the first export shared: questions are asked there. */
let firstShare: string | undefined;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  user = seeded.user.id;
  channel = seeded.channel.id;
  for (const filename of [GOOGLE, GOOGLE_TOTALS, META]) {
    const content = readFileSync(join(samples, filename));
    const { shared } = await shareExport(harness.emulator, { user, channel, filename, content });
    firstShare ??= shared.ts;
  }
}, 90_000);
afterAll(async () => harness?.close());

async function target(text: string, where = channel): Promise<string> {
  const result = await harness.emulator.runSlashCommand({ user, channel: where, command: "/target", text });
  return (JSON.parse(result.responseBody ?? "{}") as { text: string }).text;
}

async function report(text: string): Promise<string> {
  const seen = harness.emulator.transcript().messages.length;
  await harness.emulator.runSlashCommand({ user, channel, command: "/report", text });
  const posted = await harness.emulator.waitFor(
    (transcript) =>
      transcript.messages.slice(seen).find((m) => m.channel === channel && /Performance report/.test(m.text)),
    { timeoutMs: 30_000 },
  );
  return blockText(posted.blocks);
}

describe("/target and pacing", () => {
  it("sets a monthly budget and says at once how it paces on the channel's data", async () => {
    const reply = await target("set budget 20000 monthly");
    expect(reply).toMatch(/Target \d+ set: budget \$20,000\.00 monthly/);
    // The three exports blended, the totals download counted once: 25,765.68 (Google) + 17,835.15 (Meta).
    expect(reply).toMatch(/Budget \$20K monthly: \$43\.6K of \$20K spent over Sep 1–30 \(118% over\)/);
  });

  it("sets a campaign's CPA, refuses what it cannot read, lists and removes", async () => {
    expect(await target("set cpa 40 for campaign Brand - Search")).toMatch(
      /CPA for campaign Brand - Search \$9\.83 for Sep 1–30 against a target of \$40\.00: on target/,
    );
    expect(await target("set budget 20000")).toMatch(/a budget needs its period/);
    const listed = await target("list");
    expect(listed).toMatch(/Targets of this channel/);
    expect(listed).toMatch(/budget \$20,000\.00 monthly/);
    expect(listed).toMatch(/CPA \$40\.00 for campaign Brand - Search/);
    const id = /\*(\d+)\.\* CPA/.exec(listed)?.[1];
    expect(await target(`remove ${id}`)).toBe(`Target ${id} removed.`);
    expect(await target("list")).not.toMatch(/CPA \$40/);
    expect(await target(`remove ${id}`)).toMatch(/has no target/);
  });

  it("an alert rule can compare with the channel's target", async () => {
    expect(await target("set roas 3")).toMatch(/Target \d+ set: ROAS 3\.00x/);
    const result = await harness.emulator.runSlashCommand({
      user,
      channel,
      command: "/alert",
      text: "add roas < target",
    });
    const added = (JSON.parse(result.responseBody ?? "{}") as { text: string }).text;
    expect(added).toMatch(
      /Added rule \d+: ROAS below 3\.00x .*\(the channel's ROAS target, 3\.00x, as set now\)/,
    );
    const missing = await harness.emulator.runSlashCommand({
      user,
      channel,
      command: "/alert",
      text: "add cpc > target",
    });
    expect((JSON.parse(missing.responseBody ?? "{}") as { text: string }).text).toMatch(/no CPC target/);
  });

  it("keeps targets to their channel", async () => {
    const other = harness.emulator.createChannel({ name: "other-team", members: [user], withBot: true });
    expect(await target("list", other.id)).toMatch(/no targets yet/);
  });

  it("answers a pacing question in a thread from the channel's targets, and from a budget it names", async () => {
    const { emulator } = harness;
    const ask = async (text: string) => {
      const question = emulator.postMessage({ user, channel, text, threadTs: firstShare });
      return emulator.waitForMessage(
        { channel, threadTs: firstShare, fromBot: true, after: question.ts, text: /Read as|no target/ },
        { timeoutMs: 20_000 },
      );
    };
    const stored = await ask("are we on pace with our targets?");
    expect(stored.text).toMatch(/Budget \$20K monthly: \$43\.6K of \$20K spent over Sep 1–30 \(118% over\)/);
    expect(stored.text).toMatch(/ROAS 2\.69x for Sep 1–30 against a target of 3\.00x: 10% below target/);
    expect(stored.text).toMatch(
      /Read as: pacing of budget \$20,000\.00 monthly; ROAS 3\.00x \(the channel's targets\)/,
    );
    const named = await ask("are we on pace for a $50k monthly budget?");
    expect(named.text).toMatch(/Budget \$50K monthly: \$43\.6K of \$50K spent over Sep 1–30 \(13% under\)/);
    expect(named.text).toContain(META);
  });

  it("answers 'blended ROAS across google and meta' in an export's thread from all the channel's exports", async () => {
    const { emulator } = harness;
    const question = emulator.postMessage({
      user,
      channel,
      text: "blended ROAS across google and meta",
      threadTs: firstShare,
    });
    const answer = await emulator.waitForMessage(
      { channel, threadTs: firstShare, fromBot: true, after: question.ts, text: /ROAS/, finished: true },
      { timeoutMs: 20_000 },
    );
    // (72,908.89 + 44,592.73) / (25,765.68 + 17,835.15): the totals download is not counted again.
    expect(answer.text).toMatch(/ROAS: 2\.69x/);
    expect(answer.text).toContain(META);
    expect(answer.text).toContain(GOOGLE);
    expect(shownText(answer)).toMatch(
      /About this blend: google-ads-campaign-totals\.csv repeats google-ads-campaign-report\.csv .*counted once/,
    );
  });

  it("/report shows each target's pacing", async () => {
    const text = await report("");
    expect(text).toMatch(/Targets/);
    expect(text).toMatch(/budget \$20,000\.00 monthly.*Budget \$20K monthly: \$\d/s);
  });

  it("/report all blends the channel's exports and counts a repeated report once", async () => {
    const text = await report("all");
    expect(text).toContain(GOOGLE);
    expect(text).toContain(META);
    // 25,765.68 (Google) + 17,835.15 (Meta); the totals download again would make it 69,366.51.
    expect(text).toMatch(/\*Spend\*\n\$43,600\.83/);
    expect(text).toMatch(
      /\*About this blend\*\n• google-ads-campaign-totals\.csv repeats google-ads-campaign-report\.csv .*counted once/,
    );
  });
});
