import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayToIso } from "../../src/ingest/fact-table.js";
import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { readExport } from "../../src/ingest/index.js";
import { describeDays, describeFinding } from "../../src/report/findings/describe-finding.js";
import { findings } from "../../src/report/findings/findings.js";
import { unusualRuns } from "../../src/report/findings/unusual-runs.js";
import { summarizePerformance } from "../../src/report/performance-summary.js";

const samples = join(import.meta.dirname, "../../samples");

function sample(name: string) {
  return readExport({ bytes: readFileSync(join(samples, name)), name });
}

/** A deterministic wobble in [-1, 1): the same series on every run. */
function wobble(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 2 ** 32) * 2 - 1;
  };
}

const START = 20_332; // 2025-09-01

/** Daily rows of campaigns; `shape` gives a campaign's spend and conversions on day i (0-based). */
function dailyRows(
  days: number,
  campaigns: Record<string, (day: number, noise: () => number) => { spend: number; conversions: number }>,
): FactRecord[] {
  const noise = wobble(7);
  return Object.entries(campaigns).flatMap(([campaign, shape]) =>
    Array.from({ length: days }, (_, day) => {
      const { spend, conversions } = shape(day, noise);
      return {
        date: dayToIso(START + day),
        campaign,
        spend,
        impressions: Math.round(spend * 100),
        clicks: Math.round(spend * 2),
        conversions,
      };
    }),
  );
}

describe("what stands out", () => {
  it("finds the Google Ads sample's Performance Max tracking outage and says what to check", () => {
    const dataset = sample("google-ads-campaign-report.csv");
    const summary = summarizePerformance(dataset.facts);
    expect(summary.findings).toHaveLength(1);
    const [outage] = summary.findings;
    expect(outage).toMatchObject({
      scope: { dimension: "campaign", value: "Performance Max - Catalog" },
      metric: "conversions",
      from: "2025-09-18",
      to: "2025-09-21",
    });
    expect(describeFinding(outage as never, "USD")).toMatch(
      /^Performance Max - Catalog conversions fell (5\d|6\d)% Sep 18–21 while spend held: check conversion tracking$/,
    );
  });

  it("finds the Meta sample's retargeting promotion", () => {
    const [first] = summarizePerformance(sample("meta-ads-daily-export.csv").facts).findings;
    expect(first?.scope?.value).toBe("Retargeting - Cart abandoners");
    expect(first && first.from >= "2025-09-12" && first.to <= "2025-09-15").toBe(true);
    expect(first?.change).toBeGreaterThan(0.5);
  });

  it("judges a campaign only against its days with delivery, not weeks of rows of zeros", () => {
    // Meta lists paused days as rows of zeros; counted as days, the pause would read as spend falling 100%.
    const rows = dailyRows(100, {
      Seasonal: (day, noise) =>
        day < 40
          ? { spend: 0, conversions: 0 }
          : { spend: 200 + 20 * noise(), conversions: Math.round(10 + 2 * noise()) },
    });
    expect(findings(factTableFromRecords(rows), { limit: 5 })).toEqual([]);
    const broken = rows.map((row, index) => (index >= 70 && index < 74 ? { ...row, conversions: 1 } : row));
    expect(findings(factTableFromRecords(broken), { limit: 5 })).toMatchObject([
      { metric: "conversions", from: "2025-11-10", to: "2025-11-13" },
    ]);
  });

  it("ranks findings by money at stake: the larger campaign's outage comes first", () => {
    const outage = (from: number, to: number, size: number) => (day: number, noise: () => number) => ({
      spend: size * (1 + 0.05 * noise()),
      conversions: Math.round((size / 20) * (day >= from && day <= to ? 0.2 : 1) * (1 + 0.1 * noise())),
    });
    const rows = dailyRows(30, {
      Small: outage(5, 7, 300),
      Large: outage(20, 23, 1000),
      Steady: outage(-1, -1, 300),
    });
    const found = findings(factTableFromRecords(rows), { limit: 5 });
    expect(found.map((finding) => finding.scope?.value)).toEqual(["Large", "Small"]);
    expect(found[0]).toMatchObject({ from: "2025-09-21", to: "2025-09-24" });
    const small = found[1];
    expect(small && small.from >= "2025-09-06" && small.to <= "2025-09-08").toBe(true);
    // A campaign's conversions and its CPA breaking together are one story, told once.
    expect(found.map((finding) => finding.metric)).toEqual([
      "conversions",
      expect.stringMatching(/conversions|cpa/),
    ]);
    expect((found[0]?.stake ?? 0) > (found[1]?.stake ?? 0)).toBe(true);
  });
});

describe("weekly exports", () => {
  it("names the week, not a day, when the rows are a week apart", () => {
    const noise = wobble(3);
    const rows: FactRecord[] = Array.from({ length: 30 }, (_, week) => ({
      date: dayToIso(START + 7 * week),
      channel: "Email",
      sessions: week === 20 ? 9000 : Math.round(1000 + 100 * noise()),
    }));
    const [spike] = findings(factTableFromRecords(rows));
    expect(spike).toMatchObject({ weekly: true, from: "2026-01-19" });
    expect(describeFinding(spike as never, null)).toMatch(/^Sessions rose \d[\d,]*% the week of Jan 19$/);
  });
});

describe("unusual runs", () => {
  it("sees four low days in a row that no single day would show", () => {
    const values = [
      11, 8, 6, 8, 6, 9, 16, 13, 11, 7, 8, 9, 17, 9, 17, 8, 8, 3, 3, 5, 5, 7, 15, 7, 15, 16, 11,
    ];
    const runs = unusualRuns(values.map((value, day) => ({ day, value })));
    expect(runs.map(({ first, last }) => [first, last])).toEqual([[17, 20]]);
  });

  it("finds nothing in steady noise, whatever the seed", () => {
    let flagged = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const noise = wobble(seed);
      const series = Array.from({ length: 30 }, (_, day) => ({ day, value: 100 + 15 * noise() }));
      if (unusualRuns(series).length > 0) flagged++;
    }
    expect(flagged).toBe(0);
  });

  it("does not join days across a gap in delivery", () => {
    const series = Array.from({ length: 30 }, (_, index) => ({
      day: index < 15 ? index : index + 3,
      value: index === 14 || index === 15 ? 10 : 100 + (index % 3),
    }));
    const runs = unusualRuns(series);
    expect(runs.every((run) => run.first === run.last)).toBe(true);
  });
});

describe("days as people read them", () => {
  it("writes one day, a range in a month, across months and across years", () => {
    expect(describeDays("2025-09-18", "2025-09-18")).toBe("Sep 18");
    expect(describeDays("2025-09-18", "2025-09-21")).toBe("Sep 18–21");
    expect(describeDays("2025-09-30", "2025-10-02")).toBe("Sep 30–Oct 2");
    expect(describeDays("2025-12-30", "2026-01-02")).toBe("2025-12-30–2026-01-02");
  });
});
