import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { anomalies } from "../../src/metrics/index.js";
import { dailyFacts } from "./sample-facts.js";

// Median 100, MAD 2 (robust sigma 2.9652): the band at 3.5 is 100 +/- 10.3782.
const SPEND = [
  100, 104, 98, 101, 97, 103, 99, 102, 100, 96, 105, 101, 99, 100, 100, 98, 102, 100, 103, 97, 101,
];
const withDay = (day: number, value: number) =>
  SPEND.map((spend, index) => (index === day - 1 ? value : spend));

describe("anomalies", () => {
  it("finds an injected spike with its date and the expected range", () => {
    const series = withDay(15, 300);
    const found = anomalies(
      dailyFacts(21, (day) => ({ spend: series[day - 1] })),
      { metric: "spend" },
    );
    expect(found).toHaveLength(1);
    const [spike] = found;
    expect(spike?.date).toBe("2025-03-15");
    expect(spike?.metric).toBe("spend");
    expect(spike?.actual).toBe(300);
    expect(spike?.direction).toBe("above");
    expect(spike?.expected.median).toBe(100);
    expect(spike?.expected.low).toBeCloseTo(89.6218, 9);
    expect(spike?.expected.high).toBeCloseTo(110.3782, 9);
    expect(spike?.score).toBeCloseTo(200 / 2.9652, 9);
  });

  it("finds a drop below the range", () => {
    const series = withDay(3, 80);
    const found = anomalies(
      dailyFacts(21, (day) => ({ spend: series[day - 1] })),
      { metric: "spend" },
    );
    expect(found.map((anomaly) => [anomaly.date, anomaly.direction])).toEqual([["2025-03-03", "below"]]);
  });

  it("finds nothing in an ordinary noisy series, nor in a budget-capped one", () => {
    expect(
      anomalies(
        dailyFacts(21, (day) => ({ spend: SPEND[day - 1] })),
        { metric: "spend" },
      ),
    ).toEqual([]);
    const capped = dailyFacts(28, (day) => ({ spend: day === 10 ? 995 : 1000 }));
    expect(anomalies(capped, { metric: "spend" })).toEqual([]);
  });

  it("flags a clear break in an otherwise constant series", () => {
    const found = anomalies(
      dailyFacts(14, (day) => ({ spend: day === 9 ? 150 : 100 })),
      { metric: "spend" },
    );
    expect(found.map((anomaly) => anomaly.date)).toEqual(["2025-03-09"]);
  });

  it("judges a KPI day by day, skipping days without a denominator", () => {
    // cpc is 1 every day except 2025-03-05 (5); 2025-03-06 has no clicks and must not count as anything.
    const facts = dailyFacts(14, (day) => ({
      spend: day === 5 ? 50 : day === 6 ? 8 : 10 + (day % 3),
      clicks: day === 6 ? 0 : day === 5 ? 10 : 10 + (day % 3),
    }));
    const found = anomalies(facts, { metric: "cpc" });
    expect(found.map((anomaly) => [anomaly.date, anomaly.actual])).toEqual([["2025-03-05", 5]]);
  });

  it("counts a day without rows inside the series as zero for a measure", () => {
    const rows = SPEND.map((spend, index) => ({
      date: `2025-03-${String(index + 1).padStart(2, "0")}`,
      spend,
    }));
    const facts = factTableFromRecords(rows.filter((row) => row.date !== "2025-03-10"));
    const found = anomalies(facts, { metric: "spend" });
    expect(found.map((anomaly) => [anomaly.date, anomaly.actual, anomaly.direction])).toEqual([
      ["2025-03-10", 0, "below"],
    ]);
  });

  it("leaves a long pause in delivery out of the baseline instead of making every active day unusual", () => {
    // Twelve active days, then two months without rows, then nine more: "any weird days?" of a paused account.
    const active = [
      ...SPEND.slice(0, 12).map((spend, index) => ({
        date: `2025-01-${String(index + 1).padStart(2, "0")}`,
        spend,
      })),
      ...SPEND.slice(12).map((spend, index) => ({
        date: `2025-04-${String(index + 1).padStart(2, "0")}`,
        spend,
      })),
    ];
    const facts = factTableFromRecords(active);
    expect(anomalies(facts, { metric: "spend" })).toEqual([]);
    const spiked = factTableFromRecords(
      active.map((row) => (row.date === "2025-04-05" ? { ...row, spend: 300 } : row)),
    );
    expect(anomalies(spiked, { metric: "spend" }).map((anomaly) => anomaly.date)).toEqual(["2025-04-05"]);
  });

  it("returns nothing for too few days or an absent measure", () => {
    const week = dailyFacts(6, (day) => ({ spend: day === 3 ? 500 : 100 }));
    expect(anomalies(week, { metric: "spend" })).toEqual([]);
    expect(anomalies(week, { metric: "spend", minPoints: 5 })).toHaveLength(1);
    expect(anomalies(week, { metric: "revenue" })).toEqual([]);
  });

  it("honours a custom threshold", () => {
    const series = withDay(15, 112);
    const facts = dailyFacts(21, (day) => ({ spend: series[day - 1] }));
    expect(anomalies(facts, { metric: "spend" })).toHaveLength(1);
    expect(anomalies(facts, { metric: "spend", threshold: 5 })).toEqual([]);
  });
});
