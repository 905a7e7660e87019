import { describe, expect, it } from "vitest";
import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { query } from "../../src/metrics/index.js";

/** Two weeks of January 2025 and one April day: 2025-01-06 was a Monday. */
const DAYS: FactRecord[] = [
  { date: "2025-01-06", campaign: "Brand", spend: 10, conversions: 2, revenue: 40 },
  { date: "2025-01-07", campaign: "Brand", spend: 20, conversions: 1, revenue: 30 },
  { date: "2025-01-13", campaign: "Sale", spend: 30, conversions: 3, revenue: 150 },
  { date: "2025-01-13", campaign: "Brand", spend: 5, conversions: 0, revenue: 0 },
  { date: "2025-04-02", campaign: "Sale", spend: 100, conversions: 4, revenue: 120 },
];

describe("query", () => {
  it("groups by weekday, summing every Monday of the period, in calendar order", () => {
    const result = query(factTableFromRecords(DAYS), { by: ["weekday"] });
    expect(result.rows.map((row) => [row.key, row.spend, row.roas])).toEqual([
      ["Monday", 45, 190 / 45],
      ["Tuesday", 20, 1.5],
      ["Wednesday", 100, 1.2],
    ]);
  });

  it("groups by quarter and sorts by any metric either way, leaving out rows without it", () => {
    const facts = factTableFromRecords(DAYS);
    expect(query(facts, { by: ["quarter"] }).rows.map((row) => [row.key, row.spend])).toEqual([
      ["2025 Q1", 65],
      ["2025 Q2", 100],
    ]);
    const cheapest = query(facts, { by: ["campaign"], sort: { metric: "cpa", direction: "asc" } });
    expect(cheapest.rows.map((row) => [row.key, row.cpa])).toEqual([
      ["Brand", 35 / 3],
      ["Sale", 130 / 7],
    ]);
    const costliest = query(facts, { by: ["campaign", "day"], sort: { metric: "cpa", direction: "desc" } });
    // Brand on 2025-01-13 spent 5 and converted nothing: no CPA, and the costliest of all, so it leads.
    expect(costliest.rows.map((row) => row.key)).toEqual([
      "Brand × 2025-01-13",
      "Sale × 2025-04-02",
      "Brand × 2025-01-07",
      "Sale × 2025-01-13",
      "Brand × 2025-01-06",
    ]);
    expect(costliest.leftOut).toMatchObject({ withoutSortMetric: 0, spentWithoutResults: 0 });
    // Lowest CPA first, it is no cheapest: left out, and counted apart.
    const cheapestDays = query(facts, { by: ["campaign", "day"], sort: { metric: "cpa", direction: "asc" } });
    expect(cheapestDays.rows.map((row) => row.key)).not.toContain("Brand × 2025-01-13");
    expect(cheapestDays.leftOut).toMatchObject({ withoutSortMetric: 0, spentWithoutResults: 1 });
  });

  it("splits by a pair, one row per pair that has rows, largest spend first", () => {
    const facts = factTableFromRecords([
      { campaign: "Brand", device: "Mobile phones", spend: 30, conversions: 3 },
      { campaign: "Brand", device: "Computers", spend: 10, conversions: 1 },
      { campaign: "Brand", device: "Mobile phones", spend: 20, conversions: 2 },
      { campaign: "Sale", device: "Computers", spend: 40, conversions: 8 },
    ]);
    const { rows } = query(facts, { by: ["campaign", "device"] });
    expect(rows.map((row) => [row.key, row.spend, row.cpa])).toEqual([
      ["Brand × Mobile phones", 50, 10],
      ["Sale × Computers", 40, 5],
      ["Brand × Computers", 10, 10],
    ]);
  });

  it("applies a minimum spend and metric limits, and counts what each left out", () => {
    const facts = factTableFromRecords(DAYS);
    const result = query(facts, {
      by: ["campaign", "week"],
      minSpend: 10,
      limits: [{ metric: "roas", above: 1.3 }],
      limit: 1,
    });
    // Brand's week of Jan 13 spent 5; Sale's April week has ROAS 1.2; two rows remain, one is shown.
    expect(result.rows.map((row) => row.key)).toEqual(["Brand × week of 2025-01-06"]);
    expect(result.rowsTotal).toBe(2);
    expect(result.leftOut).toEqual({
      belowMinSpend: 1,
      outsideLimits: 1,
      withoutSortMetric: 0,
      spentWithoutResults: 0,
    });
  });

  it("refuses time parts on undated data and more than two groupings", () => {
    const undated = factTableFromRecords([{ campaign: "Brand", spend: 1 }]);
    expect(() => query(undated, { by: ["weekday"] })).toThrow(/no dates/);
    expect(() => query(factTableFromRecords(DAYS), { by: ["campaign", "day", "weekday"] })).toThrow(
      /two dimensions or time parts at most/,
    );
  });

  it("keeps a row that spent with no conversions above any CPA limit, and below none", () => {
    const facts = factTableFromRecords(DAYS);
    const over = query(facts, { by: ["campaign", "day"], limits: [{ metric: "cpa", above: 12 }] });
    // CPAs: Brand 01-06 5, Brand 01-07 20, Sale 01-13 10, Brand 01-13 none on 5 spend, Sale 04-02 25.
    expect(over.rows.map((row) => row.key).sort()).toEqual([
      "Brand × 2025-01-07",
      "Brand × 2025-01-13",
      "Sale × 2025-04-02",
    ]);
    const under = query(facts, { by: ["campaign", "day"], limits: [{ metric: "cpa", below: 12 }] });
    expect(under.rows.map((row) => row.key).sort()).toEqual(["Brand × 2025-01-06", "Sale × 2025-01-13"]);
  });

  it("never sorts a row that spent nothing as the cheapest cost per conversion", () => {
    const facts = factTableFromRecords([
      { campaign: "Paid", spend: 100, conversions: 4 },
      { campaign: "Organic", spend: 0, conversions: 9 },
    ]);
    const cheapest = query(facts, { by: ["campaign"], sort: { metric: "cpa", direction: "asc" } });
    expect(cheapest.rows.map((row) => row.key)).toEqual(["Paid"]);
    expect(cheapest.leftOut.withoutSortMetric).toBe(1);
  });
});
