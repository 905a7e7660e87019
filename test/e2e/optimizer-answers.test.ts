import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/format/format-figures.js";
import { BUDGET_CAMPAIGNS, dailyCampaignCsv } from "../optimizer/daily-fixtures.js";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

/** Issue 18: budget moves and forecasts answered in Slack, through the emulator, by the offline analyst. */
const csv = dailyCampaignCsv(BUDGET_CAMPAIGNS, 84);
const rows = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))
  .map(([day, campaign, spend, , clicks, conversions, revenue]) => ({
    day: day as string,
    campaign: campaign as string,
    spend: Number(spend),
    clicks: Number(clicks),
    conversions: Number(conversions),
    revenue: Number(revenue),
  }));

let harness: Harness;
let channel: string;
let user: string;
let thread: string;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  channel = seeded.channel.id;
  user = seeded.user.id;
  const { shared } = await shareExport(harness.emulator, {
    user,
    channel,
    filename: "daily-campaigns.csv",
    content: csv,
  });
  thread = shared.ts;
});
afterAll(async () => harness?.close());

/** The answer once written (the placeholder is updated in place), and the charts posted after the question. */
async function ask(text: string, expected: RegExp) {
  const { emulator } = harness;
  const question = emulator.postMessage({ user, channel, text, threadTs: thread });
  const answer = await emulator.waitForMessage(
    { channel, threadTs: thread, fromBot: true, after: question.ts, text: expected },
    { timeoutMs: 30_000 },
  );
  const files = emulator
    .messages({ channel, threadTs: thread, fromBot: true })
    .filter((message) => Number(message.ts) > Number(question.ts))
    .flatMap((message) => message.files);
  return { files, asked: question.ts, text: `${answer.text}\n${blockText(answer.blocks)}` };
}

describe("optimizer questions in Slack", () => {
  it("'where should I move budget?' names the move, its gain with a range, and attaches the response curves", async () => {
    const { asked, text } = await ask("where should I move budget?", /Move \$|No budget move|can't/);
    // The move is capped where Retargeting's spend has been seen: its highest day less its last-14-day
    // mean, a week of it, read straight from the CSV rows.
    const retargeting = rows.filter((row) => row.campaign === "Retargeting");
    const highest = Math.max(...retargeting.map((row) => row.spend));
    const recent = retargeting.slice(-14).reduce((total, row) => total + row.spend, 0) / 14;
    expect(text).toContain(
      `Move ${formatMoney(7 * (highest - recent), "USD")}/week from Prospecting - Broad to Retargeting`,
    );
    expect(text).toMatch(/Expected: \+\$[\d,.]+ revenue a week \(likely \$[\d,.]+ to \$[\d,.]+\)/);
    expect(text).toMatch(/holdout test/);
    // The analysis of the upload posts its own charts too; the answer's chart is the one named for it.
    const chart = await harness.emulator.waitFor(
      () =>
        harness.emulator
          .messages({ channel, threadTs: thread, fromBot: true })
          .filter((message) => Number(message.ts) > Number(asked))
          .flatMap((message) => message.files)
          .map((id) => harness.emulator.file(id))
          .find((file) => /response to spend/i.test(`${file?.title ?? ""} ${file?.name ?? ""}`)),
      { timeoutMs: 30_000 },
    );
    const png = chart;
    expect((await sharp(png?.bytes).metadata()).format).toBe("png");
  });

  it("'where will spend land by month end?' adds the forecast to August's spend so far", async () => {
    const { text } = await ask("where will spend land by month end?", /Forecast|can't/);
    const soFar = rows
      .filter((row) => row.day.startsWith("2024-08"))
      .reduce((total, row) => total + row.spend, 0);
    expect(text).toContain("Forecast for August 2024");
    expect(text).toContain(`${formatMoney(soFar, "USD")} so far`);
    expect(text).toMatch(/likely \$[\d,.]+–\$[\d,.]+/);
    expect(text).toMatch(/seasonal|repeating last week/);
  });

  it("'forecast next month's spend' forecasts September, not last month's figures", async () => {
    const { text } = await ask("forecast next month's spend", /Forecast|can't/);
    expect(text).toContain("Forecast for September 2024 (2024-09-01 to 2024-09-30)");
    expect(text).not.toMatch(/can't answer/);
  });

  it("'is the CVR difference between Prospecting - Broad and Retargeting significant?' tests it, with both rates from the CSV", async () => {
    const { text } = await ask(
      "is the CVR difference between Prospecting - Broad and Retargeting significant?",
      /CVR|can't/,
    );
    const cvr = (campaign: string) => {
      const own = rows.filter((row) => row.campaign === campaign);
      const sum = (pick: (row: (typeof rows)[number]) => number) =>
        own.reduce((total, row) => total + pick(row), 0);
      return `${((sum((row) => row.conversions) / sum((row) => row.clicks)) * 100).toFixed(2)}%`;
    };
    expect(text).toContain(
      `CVR: Prospecting - Broad ${cvr("Prospecting - Broad")} vs Retargeting ${cvr("Retargeting")}`,
    );
    expect(text).toMatch(/(?:Not significant|Significant) \(p = \d\.\d{3}\)/);
    expect(text).toMatch(/95% interval/);
    expect(text).not.toMatch(/winner/i);
  });

  it("'which day of the week has the best ROAS?' lists all seven days with intervals and a shuffle test", async () => {
    const { text } = await ask("which day of the week has the best ROAS?", /day|can't/);
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    for (const day of days) expect(text).toMatch(new RegExp(`${day}: [\\d.]+x \\(95%: `));
    expect(text).toMatch(/Shuffle test over \d+ full weeks: p = \d\.\d{3}/);
    expect(text).not.toMatch(/winner/i);
  });
});
