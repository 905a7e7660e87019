/**
 * Metrics engine timings on a 1,000,000-row FactTable built in memory (200 campaigns, 6 channels, 365
 * days), so the figures measure the engine and not the CSV parser. Prints the median of several runs.
 */
import { civilToDay, type FactTable } from "../src/ingest/fact-table.js";
import {
  anomalies,
  breakdown,
  comparePeriods,
  explainChange,
  rank,
  totals,
  trend,
} from "../src/metrics/index.js";

const ROWS = 1_000_000;
const RUNS = 21;
const WARM_UP_RUNS = 3;

export async function run(): Promise<void> {
  const facts = buildFacts(ROWS);
  const cases: [string, () => unknown][] = [
    ["totals", () => totals(facts)],
    ["breakdown by campaign", () => breakdown(facts, "campaign")],
    ["totals + breakdown", () => [totals(facts), breakdown(facts, "campaign")]],
    [
      "breakdown, filtered by channel and date",
      () =>
        breakdown(facts, "campaign", {
          filter: {
            where: { channel: ["Meta_Ads", "email"] },
            dateRange: { from: "2025-03-01", to: "2025-06-30" },
          },
        }),
    ],
    ["trend by week", () => trend(facts, "week")],
    ["anomalies (roas, daily)", () => anomalies(facts, { metric: "roas" })],
    ["period compare (default)", () => comparePeriods(facts)],
    [
      "rank top 5 campaigns by cpa",
      () => rank(facts, { dimension: "campaign", metric: "cpa", order: "top" }),
    ],
    [
      "explain roas change by channel",
      () =>
        explainChange(facts, {
          metric: "roas",
          dimension: "channel",
          current: { from: "2025-12-25", to: "2025-12-31" },
          previous: { from: "2025-12-18", to: "2025-12-24" },
        }),
    ],
  ];
  console.log(`${ROWS.toLocaleString("en")} rows, median of ${RUNS} runs`);
  for (const [name, work] of cases)
    console.log(`${name.padEnd(42)} ${medianMs(work).toFixed(1).padStart(7)} ms`);
}

function medianMs(work: () => unknown): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] as number;
}

/** Same shape as bench/big-csv.ts, generated straight into columns with a fixed seed. */
function buildFacts(rows: number): FactTable {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const campaigns = Array.from({ length: 200 }, (_, i) => `Campaign ${String(i + 1).padStart(3, "0")}`);
  const channels = ["google_ads", "meta_ads", "tiktok_ads", "linkedin_ads", "microsoft_ads", "email"];
  const firstDay = civilToDay(2025, 1, 1);
  const days = new Int32Array(rows);
  const campaign = new Int32Array(rows);
  const channel = new Int32Array(rows);
  const spend = new Float64Array(rows);
  const impressions = new Float64Array(rows);
  const clicks = new Float64Array(rows);
  const conversions = new Float64Array(rows);
  const revenue = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    days[i] = firstDay + Math.floor((i / rows) * 365);
    campaign[i] = i % 200;
    channel[i] = i % 6;
    impressions[i] = 100 + Math.floor(random() * 5000);
    clicks[i] = Math.floor((impressions[i] as number) * random() * 0.05);
    spend[i] = Math.round((clicks[i] as number) * (0.2 + random() * 2) * 100) / 100;
    conversions[i] = Math.floor((clicks[i] as number) * random() * 0.1);
    revenue[i] = Math.round((conversions[i] as number) * (20 + random() * 80) * 100) / 100;
  }
  return {
    rowCount: rows,
    days,
    measures: { spend, impressions, clicks, conversions, revenue },
    dimensions: {
      campaign: { codes: campaign, values: campaigns },
      channel: { codes: channel, values: channels },
    },
    extraMeasures: {},
  };
}
