import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { MetricsError, rank } from "../../src/metrics/index.js";

// cpa: A 20, B 40, C 15, D 3, E none. roas: A 3, B 5, C 2, D 30, E 0.
const adSets = () =>
  factTableFromRecords([
    { ad_set: "A", spend: 1000, conversions: 50, revenue: 3000 },
    { ad_set: "B", spend: 800, conversions: 20, revenue: 4000 },
    { ad_set: "C", spend: 600, conversions: 40, revenue: 1200 },
    { ad_set: "D", spend: 3, conversions: 1, revenue: 90 },
    { ad_set: "E", spend: 500, conversions: 0, revenue: 0 },
  ]);

const keysOf = (ranking: { rows: { key: string }[] }) => ranking.rows.map((row) => row.key);

describe("rank", () => {
  it("keeps a $3 ad set with one lucky sale off the top of ROAS: the floor is 10% of the median spend", () => {
    const ranking = rank(adSets(), { dimension: "ad_set", metric: "roas", order: "top" });
    expect(ranking.minSpend).toBe(60);
    expect(keysOf(ranking)).toEqual(["B", "A", "C", "E"]);
    expect(ranking.excluded).toEqual({ belowMinSpend: 1, noValue: 0, spentWithoutResults: 0 });
    expect(ranking.rows[0]).toMatchObject({ rank: 1, key: "B", roas: 5, spend: 800 });
  });

  it("ranks the worst first for bottom", () => {
    const ranking = rank(adSets(), { dimension: "ad_set", metric: "roas", order: "bottom", n: 2 });
    expect(keysOf(ranking)).toEqual(["E", "C"]);
    expect(ranking.rows.map((row) => row.rank)).toEqual([1, 2]);
  });

  it("treats the lowest cost per acquisition as the best, counting apart a row that spent with no conversions", () => {
    const top = rank(adSets(), { dimension: "ad_set", metric: "cpa", order: "top" });
    expect(keysOf(top)).toEqual(["C", "A", "B"]);
    expect(top.resultMeasure).toBe("conversions");
    expect(top.excluded).toEqual({ belowMinSpend: 1, noValue: 0, spentWithoutResults: 1 });
  });

  it("puts rows that spent with no conversions first among the worst CPAs, biggest spender first", () => {
    const facts = factTableFromRecords([
      { ad_set: "A", spend: 1000, conversions: 50 },
      { ad_set: "B", spend: 800, conversions: 20 },
      { ad_set: "E", spend: 500, conversions: 0 },
      { ad_set: "F", spend: 900, conversions: 0 },
      { ad_set: "G", spend: 0, conversions: 0 },
    ]);
    const worst = rank(facts, { dimension: "ad_set", metric: "cpa", order: "bottom" });
    expect(keysOf(worst)).toEqual(["F", "E", "B", "A"]);
    expect(worst.rows[0]).toMatchObject({ rank: 1, key: "F", cpa: null, spend: 900, withoutResults: true });
    expect(worst.rows[2]).toMatchObject({ rank: 3, key: "B", cpa: 40 });
    expect(worst.rows[2]?.withoutResults).toBeUndefined();
    expect(worst.excluded).toEqual({ belowMinSpend: 1, noValue: 0, spentWithoutResults: 0 });
    expect(keysOf(rank(facts, { dimension: "ad_set", metric: "cpa", order: "bottom", n: 1 }))).toEqual(["F"]);
  });

  it("does the same for CPC with no clicks, and ranks a ROAS of zero as a real zero", () => {
    const facts = factTableFromRecords([
      { ad: "x", spend: 100, clicks: 50, revenue: 300 },
      { ad: "y", spend: 100, clicks: 0, revenue: 0 },
    ]);
    expect(keysOf(rank(facts, { dimension: "ad", metric: "cpc", order: "bottom" }))).toEqual(["y", "x"]);
    expect(rank(facts, { dimension: "ad", metric: "cpc", order: "top" }).excluded.spentWithoutResults).toBe(
      1,
    );
    const roas = rank(facts, { dimension: "ad", metric: "roas", order: "bottom" });
    expect(roas.rows.map((row) => [row.key, row.roas])).toEqual([
      ["y", 0],
      ["x", 3],
    ]);
    expect(roas.resultMeasure).toBeNull();
  });

  it("uses an explicit floor, zero included", () => {
    const ranking = rank(adSets(), { dimension: "ad_set", metric: "roas", order: "top", minSpend: 0, n: 1 });
    expect(ranking.minSpend).toBe(0);
    expect(keysOf(ranking)).toEqual(["D"]);
    expect(
      keysOf(rank(adSets(), { dimension: "ad_set", metric: "roas", order: "top", minSpend: 700 })),
    ).toEqual(["B", "A"]);
  });

  it("ranks a measure without a floor, biggest first for top", () => {
    const ranking = rank(adSets(), { dimension: "ad_set", metric: "spend", order: "top" });
    expect(ranking.minSpend).toBeNull();
    expect(keysOf(ranking)).toEqual(["A", "B", "C", "E", "D"]);
  });

  it("breaks ties by spend, then key", () => {
    const facts = factTableFromRecords([
      { ad: "x", spend: 100, revenue: 200 },
      { ad: "y", spend: 300, revenue: 600 },
      { ad: "w", spend: 100, revenue: 200 },
    ]);
    expect(keysOf(rank(facts, { dimension: "ad", metric: "roas", order: "top" }))).toEqual(["y", "w", "x"]);
  });

  it("has no floor without spend, and refuses one", () => {
    const facts = factTableFromRecords([
      { ad: "x", impressions: 100, clicks: 5 },
      { ad: "y", impressions: 100, clicks: 1 },
    ]);
    const ranking = rank(facts, { dimension: "ad", metric: "ctr", order: "top" });
    expect(ranking.minSpend).toBeNull();
    expect(keysOf(ranking)).toEqual(["x", "y"]);
    expect(() => rank(facts, { dimension: "ad", metric: "ctr", order: "top", minSpend: 5 })).toThrow(
      /no spend/,
    );
  });

  it("rejects an unknown metric and a bad count", () => {
    const bad = { dimension: "ad_set", metric: "profit", order: "top" } as unknown as Parameters<
      typeof rank
    >[1];
    expect(() => rank(adSets(), bad)).toThrow(MetricsError);
    expect(() => rank(adSets(), { dimension: "ad_set", metric: "roas", order: "top", n: 0 })).toThrow(
      /at least 1/,
    );
  });

  it("never ranks a row that spent nothing as the best cost per conversion, even with no spend floor", () => {
    const facts = factTableFromRecords([
      { ad_set: "Paid", spend: 400, conversions: 20 },
      { ad_set: "Free", spend: 0, conversions: 3 },
    ]);
    const top = rank(facts, { dimension: "ad_set", metric: "cpa", order: "top", minSpend: 0 });
    expect(keysOf(top)).toEqual(["Paid"]);
    expect(top.excluded.noValue).toBe(1);
  });
});
