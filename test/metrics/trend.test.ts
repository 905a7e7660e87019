import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { partialPeriods, trend } from "../../src/metrics/index.js";
import { account } from "./sample-facts.js";

describe("trend", () => {
  it("buckets by weeks starting on Monday and keeps the empty week in the middle", () => {
    const points = trend(account(), "week");
    expect(points.map((point) => [point.period, point.spend, point.clicks, point.conversions])).toEqual([
      ["2025-01-06", 350, 650, 19],
      ["2025-01-13", 0, 0, 0],
      ["2025-01-20", 150, 150, 0],
    ]);
    expect(points[0]?.roas).toBe(890 / 350);
    expect(points[1]?.ctr).toBeNull();
    expect(points[1]?.roas).toBeNull();
    expect(points[2]?.cvr).toBe(0);
    expect(points[2]?.cpa).toBeNull();
  });

  it("starts a week on the Monday before when the data starts mid-week", () => {
    const facts = factTableFromRecords([
      { date: "2025-01-01", spend: 1 },
      { date: "2025-01-05", spend: 2 },
      { date: "2025-01-06", spend: 4 },
    ]);
    expect(trend(facts, "week").map((point) => [point.period, point.spend])).toEqual([
      ["2024-12-30", 3],
      ["2025-01-06", 4],
    ]);
  });

  it("buckets by calendar month, with an empty month as zero", () => {
    const facts = factTableFromRecords([
      { date: "2024-12-31", spend: 1, revenue: 2 },
      { date: "2025-01-01", spend: 10, revenue: 5 },
      { date: "2025-01-31", spend: 20, revenue: 40 },
      { date: "2025-03-01", spend: 5, revenue: null },
    ]);
    expect(
      trend(facts, "month").map((point) => [point.period, point.spend, point.revenue, point.roas]),
    ).toEqual([
      ["2024-12-01", 1, 2, 2],
      ["2025-01-01", 30, 45, 1.5],
      ["2025-02-01", 0, 0, null],
      ["2025-03-01", 5, null, null],
    ]);
  });

  it("gives every day of the range by day, and follows the filter", () => {
    const points = trend(account(), "day", {
      filter: { where: { channel: ["meta"] }, dateRange: { from: "2025-01-07", to: "2025-01-10" } },
    });
    expect(points.map((point) => [point.period, point.spend])).toEqual([
      ["2025-01-07", 50],
      ["2025-01-08", 200],
      ["2025-01-09", 0],
      ["2025-01-10", 0],
    ]);
  });

  it("does not invent days beyond the data's own dates", () => {
    const points = trend(account(), "day", {
      filter: { dateRange: { from: "2025-01-19", to: "2025-02-28" } },
    });
    expect(points.map((point) => point.period)).toEqual(["2025-01-19", "2025-01-20"]);
  });

  it("says the data has no dates when it has none", () => {
    expect(() => trend(factTableFromRecords([{ spend: 1 }]), "week")).toThrow("this data has no dates");
  });

  it("names the weeks and months the data covers only in part, and no day", () => {
    const facts = factTableFromRecords([
      { date: "2025-01-01", spend: 1 },
      { date: "2025-01-12", spend: 2 },
      { date: "2025-01-15", spend: 4 },
    ]);
    expect(partialPeriods(facts, "week")).toEqual(["2024-12-30", "2025-01-13"]);
    expect(partialPeriods(facts, "month")).toEqual(["2025-01-01"]);
    expect(partialPeriods(facts, "day")).toEqual([]);
    expect(
      partialPeriods(facts, "week", { filter: { dateRange: { from: "2025-01-06", to: "2025-01-12" } } }),
    ).toEqual([]);
  });
});
