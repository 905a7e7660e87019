import { describe, expect, it } from "vitest";
import { writeChangeVerdict, writeVerdict } from "../../src/agent/offline/answer-verdict.js";
import type { JsonObject } from "../../src/agent/tools/tool.js";

const weekOf = (index: number) => `2025-09-${String(index + 1).padStart(2, "0")}`;

/** A trend tool result of weekly CPA; the last week is partial and left out of the verdict. */
function weekly(values: number[]) {
  return {
    totals: { cpa: 20 },
    partial_periods: [weekOf(values.length)],
    points: [...values, 1].map((cpa, index) => ({ period: weekOf(index), cpa })),
  };
}

describe("the direction verdict", () => {
  it("speaks in months over a monthly series, and names a partial month", () => {
    const months = ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01"];
    const roas = [5, 4.5, 4, 3.6, 3.2, 1];
    const points = months.map((period, index) => ({ period, roas: roas[index] ?? 0 }));
    const result = { grain: "month", totals: { roas: 4 }, partial_periods: ["2025-06-01"], points };
    expect(writeVerdict(result, "down")).toBe(
      "**Yes: ROAS is going down over the last 5 complete months (from January 2025; June 2025 is partial and left out), down every month; that is worse.**",
    );
    expect(writeVerdict({ ...result, points: points.slice(4) }, "down")).toBe(
      "**Too few complete months to say which way it is heading.**",
    );
  });

  it("speaks in days over a daily series", () => {
    const points = [10, 12, 14, 16].map((spend, index) => ({ period: `2025-03-0${index + 1}`, spend }));
    expect(writeVerdict({ grain: "day", totals: { spend: 52 }, partial_periods: [], points }, "up")).toBe(
      "**Yes: Spend is going up over the last 4 days (from 2025-03-01), up every day.**",
    );
  });

  it("says yes when the metric climbs week after week, and that a rising CPA is worse", () => {
    expect(writeVerdict(weekly([20, 21, 22, 23, 24, 25]), "up")).toMatch(
      /^\*\*Yes: CPA is going up over the last 6 complete weeks .*up every week; that is worse\.\*\*$/,
    );
  });

  it("answers the direction asked: 'is it going down?' of a rising metric is no", () => {
    expect(writeVerdict(weekly([20, 21, 22, 23, 24, 25]), "down")).toMatch(/^\*\*No: CPA is going up/);
  });

  it("calls one odd week flat rather than a trend", () => {
    expect(writeVerdict(weekly([20, 20.2, 19.9, 33, 20.1, 19.8]), "up")).toMatch(
      /^\*\*Flat: CPA has no steady direction/,
    );
  });

  it("leaves a partial first week out of the complete weeks and names the partial last one", () => {
    const points = [1, 20, 21, 22, 23, 1].map((cpa, index) => ({ period: weekOf(index), cpa }));
    const result = { totals: { cpa: 20 }, partial_periods: [weekOf(0), weekOf(5)], points };
    expect(writeVerdict(result, "up")).toBe(
      "**Yes: CPA is going up over the last 4 complete weeks (from the week of 2025-09-02; the week of 2025-09-06 is partial and left out), up every week; that is worse.**",
    );
  });

  it("counts the last week when the data covers all of it", () => {
    const points = [20, 21, 22, 23].map((cpa, index) => ({ period: weekOf(index), cpa }));
    expect(writeVerdict({ totals: { cpa: 20 }, partial_periods: [], points }, "up")).toBe(
      "**Yes: CPA is going up over the last 4 complete weeks (from the week of 2025-09-01), up every week; that is worse.**",
    );
  });

  it("declines to judge with too few complete weeks", () => {
    expect(writeVerdict(weekly([20, 25]), "up")).toMatch(/Too few complete weeks/);
  });
});

/** A compare_periods result for one metric. */
function compared(metric: string, previous: number, current: number, notes?: string[]): JsonObject {
  const absolute = current - previous;
  return {
    scope: notes ? { notes } : {},
    current: { from: "2025-09-08", to: "2025-09-14", figures: { [metric]: current } },
    previous: { from: "2025-09-01", to: "2025-09-07", figures: { [metric]: previous } },
    changes: { [metric]: { absolute, relative: previous === 0 ? null : absolute / previous } },
  };
}

const dollars = { currency: "USD" };

describe("the change verdict", () => {
  it("answers the direction asked, with both figures and the change", () => {
    expect(writeChangeVerdict(compared("spend", 1000, 1200), "up", dollars)).toBe(
      "**Yes: spend went up from $1,000.00 to $1,200.00 (+20.0%).**",
    );
    expect(writeChangeVerdict(compared("spend", 1000, 1200), "down", dollars)).toMatch(
      /^\*\*No: spend went up/,
    );
  });

  it("says whether a rate's move is better or worse", () => {
    expect(writeChangeVerdict(compared("cpa", 40, 30), "up", dollars)).toMatch(
      /^\*\*No: CPA went down .*; that is better\.\*\*$/,
    );
  });

  it("calls a move under 2% about flat", () => {
    expect(writeChangeVerdict(compared("spend", 1000, 1015), "up", dollars)).toMatch(
      /^\*\*About flat: spend/,
    );
  });

  it("counts any move from nothing as a move", () => {
    expect(writeChangeVerdict(compared("spend", 0, 50), "up", dollars)).toMatch(/^\*\*Yes: spend went up/);
  });

  it("gives no yes or no when a period reaches outside the data", () => {
    const partial = compared("spend", 500, 1200, [
      "the previous period reaches outside the data (2025-09-04 to 2025-09-14), so it covers fewer days",
    ]);
    expect(writeChangeVerdict(partial, "up", dollars)).toMatch(/^\*\*No plain yes or no/);
  });
});
