import { describe, expect, it } from "vitest";
import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { summarizePerformance } from "../../src/report/performance-summary.js";
import { summaryBlocks } from "../../src/slack/views/summary-blocks.js";

function campaigns(rows: [string, number, number, number][]): FactRecord[] {
  return rows.map(([campaign, spend, conversions, revenue]) => ({
    campaign,
    spend,
    clicks: spend * 2,
    impressions: spend * 100,
    conversions,
    revenue,
  }));
}

describe("best and weakest", () => {
  it("ranks nothing with three campaigns: the best of three is a third of the list", () => {
    const facts = factTableFromRecords(
      campaigns([
        ["A", 1000, 20, 4000],
        ["B", 800, 10, 1600],
        ["C", 600, 5, 300],
      ]),
    );
    expect(summarizePerformance(facts).leaders).toBeNull();
  });

  it("puts half at most on each side, so no campaign is both best and weakest", () => {
    const facts = factTableFromRecords(
      campaigns([
        ["A", 1000, 20, 4000],
        ["B", 800, 10, 1600],
        ["C", 600, 5, 300],
        ["D", 700, 8, 2100],
        ["E", 900, 9, 900],
      ]),
    );
    const leaders = summarizePerformance(facts).leaders;
    expect(leaders?.metric).toBe("roas");
    expect(leaders?.best.map((row) => row.key)).toEqual(["A", "D"]);
    expect(leaders?.worst.map((row) => row.key)).toEqual(["C", "E"]);
    expect(leaders?.minSpend).toBeNull();
  });

  it("leaves a campaign under the spend floor out of both sides and says so only then", () => {
    const facts = factTableFromRecords(
      campaigns([
        ["A", 1000, 20, 4000],
        ["B", 800, 10, 1600],
        ["C", 600, 5, 300],
        ["D", 700, 8, 2100],
        ["Tiny", 3, 1, 90],
      ]),
    );
    const leaders = summarizePerformance(facts).leaders;
    expect([...(leaders?.best ?? []), ...(leaders?.worst ?? [])].map((row) => row.key)).not.toContain("Tiny");
    expect(leaders?.minSpend).toBeGreaterThan(3);
  });

  it("never ranks by spend, and judges an account without revenue by a KPI it has", () => {
    const spendOnly = factTableFromRecords(
      ["A", "B", "C", "D", "E"].map((campaign, index) => ({ campaign, spend: 100 * (index + 1) })),
    );
    expect(summarizePerformance(spendOnly).leaders).toBeNull();
    const noRevenue = factTableFromRecords(
      campaigns([
        ["A", 1000, 0, 0],
        ["B", 800, 0, 0],
        ["C", 600, 0, 0],
        ["D", 700, 0, 0],
      ]).map((row, index) => ({ ...row, clicks: 100 * (index + 1) })),
    );
    expect(summarizePerformance(noRevenue).leaders?.metric).toBe("cpc");
  });

  it("leads the weakest with a campaign that spent with no conversions, which has no CPA to rank", () => {
    const facts = factTableFromRecords(
      campaigns([
        ["A", 1000, 50, 0],
        ["B", 800, 20, 0],
        ["C", 600, 10, 0],
        ["D", 700, 5, 0],
        ["Burner", 900, 0, 0],
      ]),
    );
    const leaders = summarizePerformance(facts).leaders;
    expect(leaders?.metric).toBe("cpa");
    expect(leaders?.best.map((row) => row.key)).toEqual(["A", "B"]);
    expect(leaders?.worst.map((row) => [row.key, row.withoutResults ?? false])).toEqual([
      ["Burner", true],
      ["D", false],
    ]);
    const text = JSON.stringify(summaryBlocks(summarizePerformance(facts), "USD"));
    expect(text).toContain("1. Burner — no conversions (spend $900.00)");
    expect(text).not.toMatch(/Burner — CPA/);
  });
});
