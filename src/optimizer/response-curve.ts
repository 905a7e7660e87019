/**
 * A diminishing-returns response of daily results to daily spend: results = β · spend / (spend + κ), the
 * Hill curve with shape 1 that Robyn and Meridian use (they also fit the shape; a month or three of one
 * campaign's days cannot pin down a third parameter, so it stays 1). κ is the spend at which half of the
 * ceiling β is reached; κ = null is the straight line (no saturation seen in the data).
 */
export interface ResponseCurve {
  beta: number;
  kappa: number | null;
}

/** κ is searched on a grid around the campaign's typical spend; β then has a closed form. */
const KAPPA_STEPS = 41;
const KAPPA_LOWEST = 1 / 16;
const KAPPA_RATIO = 2 ** 0.25;

export function predictResults(curve: ResponseCurve, spend: number): number {
  if (spend <= 0) return 0;
  return curve.kappa === null ? curve.beta * spend : (curve.beta * spend) / (spend + curve.kappa);
}

/** Extra results per extra unit of spend at this spend: the slope of the curve. */
export function marginalResults(curve: ResponseCurve, spend: number): number {
  if (curve.kappa === null) return curve.beta;
  return (curve.beta * curve.kappa) / (Math.max(0, spend) + curve.kappa) ** 2;
}

/**
 * Weighted least squares over days with spend, each day weighted by the inverse of its expected results:
 * results are counts whose spread grows with their mean (a Poisson-like variance, as in a quasi-Poisson
 * fit), so a big day is not trusted more than a small one. For each κ on the grid the best β is then
 * Σ y / Σ g with g = x / (x + κ), and for the straight line that is results per dollar over the days, the
 * same figure "ROAS stays constant" uses. The line (one parameter fewer) is kept unless the curve beats it
 * by Schwarz's (Bayesian information) criterion, so noise is not read as saturation: with Akaike's milder
 * penalty the curves chose saturation on real weeks where spend explained little, and predicted held-out
 * weeks worse than the line. Deterministic and without a solver, so the
 * bootstrap can refit hundreds of times in milliseconds. Days without spend are left out: every curve
 * predicts nothing for them.
 */
export function fitResponseCurve(spend: readonly number[], results: readonly number[]): ResponseCurve {
  const days: number[] = [];
  for (let i = 0; i < spend.length; i++) if ((spend[i] as number) > 0) days.push(i);
  const active = days.map((i) => spend[i] as number).sort((a, b) => a - b);
  const typical = active[Math.floor(active.length / 2)] ?? 1;
  const fitAt = (kappa: number | null) => {
    const shape = (x: number) => (kappa === null ? x : x / (x + kappa));
    let totalResults = 0;
    let totalShape = 0;
    for (const i of days) {
      totalResults += results[i] as number;
      totalShape += shape(spend[i] as number);
    }
    const curve = { beta: totalShape > 0 ? Math.max(0, totalResults / totalShape) : 0, kappa };
    let error = 0;
    for (const i of days) {
      // Pearson's χ²: each squared miss over the results expected that day, so fits with different κ
      // are compared on one scale.
      const expected = Math.max(curve.beta * shape(spend[i] as number), 1e-9);
      error += ((results[i] as number) - expected) ** 2 / expected;
    }
    return { error, curve };
  };
  const linear = fitAt(null);
  let best = { error: Number.POSITIVE_INFINITY, curve: linear.curve };
  for (let step = 0; step < KAPPA_STEPS; step++) {
    const candidate = fitAt(typical * KAPPA_LOWEST * KAPPA_RATIO ** step);
    if (candidate.error < best.error - 1e-12) best = candidate;
  }
  const n = Math.max(1, days.length);
  const criterion = (error: number, parameters: number) =>
    n * Math.log(Math.max(error, 1e-12) / n) + Math.log(n) * parameters;
  return criterion(best.error, 2) < criterion(linear.error, 1) ? best.curve : linear.curve;
}
