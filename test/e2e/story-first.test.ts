import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

const samples = join(import.meta.dirname, "../../samples");
const OUTAGE =
  /Performance Max - Catalog conversions fell \d+% Sep 18–21 while spend held: check conversion tracking/;

let harness: Harness;
let channel: string;
let user: string;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  channel = seeded.channel.id;
  user = seeded.user.id;
});
afterAll(async () => harness?.close());

/** The first section a person reads under the header, and the rest. */
function opening(blocks: unknown[] | undefined) {
  const list = (blocks ?? []) as { type: string }[];
  const firstSection = list.find((block) => block.type === "section");
  return { first: blockText([firstSection]), all: blockText(list) };
}

describe("the story first, through Slack", () => {
  it("opens the Google Ads sample's upload reply and its /report with the tracking outage", async () => {
    const name = "google-ads-campaign-report.csv";
    const { analysis } = await shareExport(harness.emulator, {
      user,
      channel,
      filename: name,
      content: readFileSync(join(samples, name)),
    });
    const reply = opening(analysis.blocks);
    expect(reply.first).toMatch(/^\*What stands out\*\n• /);
    expect(reply.first).toMatch(OUTAGE);
    // The month's figures carry no week-on-week arrows; the last 7 days have their own stated line.
    expect(reply.all).not.toMatch(/[▲▼]/);
    expect(reply.all).toMatch(/\*Sep 24–30\* against Sep 17–23: /);

    await harness.emulator.runSlashCommand({ user, channel, command: "/report", text: "" });
    const posted = await harness.emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 20_000 },
    );
    const report = opening(posted.blocks);
    expect(report.first).toMatch(OUTAGE);
    // The narrative adds next actions; the figures, best and weakest are said once, above it.
    expect(report.all).not.toMatch(/Headline/);
    expect(report.all.match(/Best campaigns/g)).toHaveLength(1);
    expect(report.all).toMatch(/Next actions/);
  });
});
