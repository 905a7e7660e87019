import { describe, expect, it } from "vitest";
import { writeVerdict } from "../../src/agent/offline/answer-verdict.js";

/** A trend tool result of weekly CPA; the last week is partial and left out of the verdict. */
function weekly(values: number[]) {
  return {
    totals: { cpa: 20 },
    points: [...values, 1].map((cpa, index) => ({
      period: `2025-09-${String(index + 1).padStart(2, "0")}`,
      cpa,
    })),
  };
}

describe("the direction verdict", () => {
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

  it("declines to judge with too few complete weeks", () => {
    expect(writeVerdict(weekly([20, 25]), "up")).toMatch(/Too few complete weeks/);
  });
});
