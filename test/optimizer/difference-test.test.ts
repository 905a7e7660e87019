import { describe, expect, it } from "vitest";
import { rateDifference, ratioDifference } from "../../src/optimizer/difference-test.js";

/** Two-sided p of a z by integrating the normal density (Simpson's rule): a path apart from erf. */
function pByIntegration(z: number): number {
  const n = 20_000;
  const to = Math.abs(z);
  const h = to / n;
  const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let area = density(0) + density(to);
  for (let i = 1; i < n; i++) area += (i % 2 === 0 ? 2 : 4) * density(i * h);
  return 1 - 2 * ((area * h) / 3);
}

describe("rate differences", () => {
  it("matches the two-proportion test worked by hand", () => {
    // 200 of 1,000 against 250 of 1,000: SE = √(0.2·0.8/1000 + 0.25·0.75/1000) = 0.018641, z = −2.6822.
    const test = rateDifference(
      [{ numerator: 200, denominator: 1000 }],
      [{ numerator: 250, denominator: 1000 }],
      "clicks",
    );
    const se = Math.sqrt((0.2 * 0.8) / 1000 + (0.25 * 0.75) / 1000);
    expect(test.difference).toBeCloseTo(-0.05, 12);
    expect(test.pValue).toBeCloseTo(pByIntegration(-0.05 / se), 5);
    expect(test.pValue).toBeCloseTo(0.00731, 4);
    expect(test.low).toBeCloseTo(-0.05 - 1.959964 * se, 5);
    expect(test.significant).toBe(true);
    expect(test.neededPerSegment).toBeNull();
  });

  it("says the sample needed when inconclusive", () => {
    // Same rates on 100 each: not significant. Needed per side, by hand:
    // (1.959964 + 0.841621)² × (0.16 + 0.1875) / 0.05² = 7.84888 × 139 = 1,090.99 → 1,091.
    const test = rateDifference(
      [{ numerator: 20, denominator: 100 }],
      [{ numerator: 25, denominator: 100 }],
      "clicks",
    );
    expect(test.significant).toBe(false);
    expect(test.neededPerSegment).toBe(1091);
    expect(test.neededUnit).toBe("clicks");
  });

  it("widens the test when days vary more than chance, so a lumpy difference is not called real", () => {
    const lumpy = (base: number) =>
      [0.1, 0.3, 0.1, 0.3, 0.1, 0.3].map((rate) => ({ numerator: rate * base, denominator: base }));
    const wide = rateDifference(
      lumpy(1000),
      lumpy(1000).map((unit) => ({ ...unit, numerator: unit.numerator * 1.08 })),
      "clicks",
    );
    const pooled = rateDifference(
      [{ numerator: 1200, denominator: 6000 }],
      [{ numerator: 1296, denominator: 6000 }],
      "clicks",
    );
    expect(pooled.significant).toBe(true);
    expect(wide.significant).toBe(false);
    expect(wide.method).toContain("beta-binomial");
  });
});

describe("ratio differences", () => {
  const days = (roas: number, wobble: number) =>
    Array.from({ length: 28 }, (_, i) => ({
      numerator: 100 * (roas + (i % 2 === 0 ? wobble : -wobble)),
      denominator: 100,
    }));

  it("finds a clear ROAS gap significant, with the interval around it", () => {
    const test = ratioDifference(days(3, 0.2), days(2, 0.2), "days");
    expect(test.difference).toBeCloseTo(1, 9);
    expect(test.significant).toBe(true);
    expect(test.low).toBeGreaterThan(0.8);
    expect(test.high).toBeLessThan(1.2);
  });

  it("calls a gap inside the noise not significant and says how many days would settle it", () => {
    const test = ratioDifference(days(2.05, 1), days(2, 1), "days");
    expect(test.significant).toBe(false);
    expect(test.low).toBeLessThan(0);
    expect(test.high).toBeGreaterThan(0);
    expect(test.neededPerSegment).toBeGreaterThan(28);
  });
});
