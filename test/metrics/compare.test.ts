import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { comparePeriods } from "../../src/metrics/index.js";
import { dailyFacts } from "./sample-facts.js";

// Day n (2025-03-n) spends n with 10 clicks.
const spendRamp = (days: number) => dailyFacts(days, (day) => ({ spend: day, clicks: 10 }));

describe("comparePeriods", () => {
  it("compares the last 7 days with the 7 before when the data spans two weeks or more", () => {
    const comparison = comparePeriods(spendRamp(20));
    expect(comparison.current.range).toEqual({ from: "2025-03-14", to: "2025-03-20" });
    expect(comparison.previous.range).toEqual({ from: "2025-03-07", to: "2025-03-13" });
    expect(comparison.current.figures.spend).toBe(119);
    expect(comparison.previous.figures.spend).toBe(70);
    expect(comparison.deltas.spend).toEqual({ absolute: 49, relative: 0.7 });
    expect(comparison.current.figures.cpc).toBe(1.7);
    expect(comparison.previous.figures.cpc).toBe(1);
    expect(comparison.deltas.cpc.absolute).toBeCloseTo(0.7, 12);
    expect(comparison.deltas.cpc.relative).toBeCloseTo(0.7, 12);
    expect(comparison.deltas.revenue).toEqual({ absolute: null, relative: null });
  });

  it("compares the later half with the earlier half of shorter data", () => {
    const comparison = comparePeriods(spendRamp(5));
    expect(comparison.current.range).toEqual({ from: "2025-03-04", to: "2025-03-05" });
    expect(comparison.previous.range).toEqual({ from: "2025-03-02", to: "2025-03-03" });
    expect(comparison.deltas.spend).toEqual({ absolute: 4, relative: 0.8 });
    expect(comparePeriods(spendRamp(13)).current.range).toEqual({ from: "2025-03-08", to: "2025-03-13" });
  });

  it("takes an explicit current period and gives no relative change against nothing", () => {
    const comparison = comparePeriods(spendRamp(20), { current: { from: "2025-03-01", to: "2025-03-02" } });
    expect(comparison.previous.range).toEqual({ from: "2025-02-27", to: "2025-02-28" });
    expect(comparison.previous.figures.spend).toBe(0);
    expect(comparison.previous.figures.cpc).toBeNull();
    expect(comparison.deltas.spend).toEqual({ absolute: 3, relative: null });
    expect(comparison.deltas.cpc).toEqual({ absolute: null, relative: null });
  });

  it("applies the filter's dimensions to both periods", () => {
    const facts = factTableFromRecords(
      Array.from({ length: 14 }, (_, index) => [
        { date: `2025-03-${String(index + 1).padStart(2, "0")}`, channel: "a", spend: 1 },
        { date: `2025-03-${String(index + 1).padStart(2, "0")}`, channel: "b", spend: index < 7 ? 2 : 5 },
      ]).flat(),
    );
    const comparison = comparePeriods(facts, { filter: { where: { channel: ["B"] } } });
    expect(comparison.previous.figures.spend).toBe(14);
    expect(comparison.current.figures.spend).toBe(35);
    expect(comparison.deltas.spend.relative).toBe(1.5);
  });

  it("explains what it needs when the data cannot be split", () => {
    expect(() => comparePeriods(spendRamp(1))).toThrow(/at least two days/);
    expect(() => comparePeriods(factTableFromRecords([{ spend: 1 }]))).toThrow("this data has no dates");
  });
});
