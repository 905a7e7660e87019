import { describe, expect, it } from "vitest";
import { fitResponseCurve, marginalResults, predictResults } from "../../src/optimizer/response-curve.js";

describe("response curves", () => {
  it("recovers a noise-free saturating curve and its slope", () => {
    // Spends 100…1,000 twice; the grid centres on the upper median, 600, so κ = 600 × √2 is on it.
    const spend = Array.from({ length: 10 }, (_, i) => 100 * (i + 1)).concat(
      Array.from({ length: 10 }, (_, i) => 100 * (i + 1)),
    );
    const kappa = 600 * Math.SQRT2;
    const results = spend.map((x) => (50 * x) / (x + kappa));
    const curve = fitResponseCurve(spend, results);
    expect(curve.kappa).toBeCloseTo(kappa, 6);
    expect(curve.beta).toBeCloseTo(50, 6);
    // The slope by a central difference, a second path to the same number.
    const at = 400;
    const h = 1e-3;
    const numeric = (predictResults(curve, at + h) - predictResults(curve, at - h)) / (2 * h);
    expect(marginalResults(curve, at)).toBeCloseTo(numeric, 6);
    // By hand: 50 κ / (400 + κ)² with κ = 848.53 is 0.02722 more conversions per extra dollar.
    expect(marginalResults(curve, at)).toBeCloseTo(0.02722, 5);
  });

  it("keeps a straight line when the data shows no saturation", () => {
    const spend = [100, 150, 200, 250, 300, 350, 400, 450, 500, 550];
    const results = spend.map((x, i) => 0.05 * x + (i % 2 === 0 ? 0.3 : -0.3));
    const curve = fitResponseCurve(spend, results);
    expect(curve.kappa).toBeNull();
    expect(marginalResults(curve, 300)).toBeCloseTo(0.05, 3);
  });

  it("predicts nothing at zero spend", () => {
    expect(predictResults({ beta: 10, kappa: 5 }, 0)).toBe(0);
  });
});
