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
 * Least squares over days: for each κ on the grid the best β is Σ g·y / Σ g² with g = x / (x + κ), and
 * the κ with the smallest squared error wins. The straight line (one parameter fewer) is kept unless the
 * curve beats it by Akaike's criterion, so noise is not read as saturation. Deterministic and without a
 * solver, so the bootstrap can refit hundreds of times in milliseconds.
 */
export function fitResponseCurve(spend: readonly number[], results: readonly number[]): ResponseCurve {
  const active = spend.filter((value) => value > 0).sort((a, b) => a - b);
  const typical = active[Math.floor(active.length / 2)] ?? 1;
  let best: { error: number; curve: ResponseCurve } = {
    error: Number.POSITIVE_INFINITY,
    curve: { beta: 0, kappa: null },
  };
  let linear = best;
  const candidates: Array<number | null> = [null];
  for (let step = 0; step < KAPPA_STEPS; step++)
    candidates.push(typical * KAPPA_LOWEST * KAPPA_RATIO ** step);
  for (const kappa of candidates) {
    let gy = 0;
    let gg = 0;
    for (let i = 0; i < spend.length; i++) {
      const x = spend[i] as number;
      const g = kappa === null ? x : x / (x + kappa);
      gy += g * (results[i] as number);
      gg += g * g;
    }
    const beta = gg > 0 ? Math.max(0, gy / gg) : 0;
    const curve = { beta, kappa };
    let error = 0;
    for (let i = 0; i < spend.length; i++) {
      error += ((results[i] as number) - predictResults(curve, spend[i] as number)) ** 2;
    }
    if (kappa === null) linear = { error, curve };
    else if (error < best.error - 1e-12) best = { error, curve };
  }
  const n = spend.length;
  const aic = (error: number, parameters: number) =>
    n * Math.log(Math.max(error, 1e-12) / n) + 2 * parameters;
  return aic(best.error, 2) < aic(linear.error, 1) ? best.curve : linear.curve;
}
