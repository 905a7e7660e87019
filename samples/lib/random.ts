/**
 * A seeded pseudo-random source (mulberry32), so `npx tsx samples/generate.ts` writes byte-identical files
 * on every machine: the samples are fixtures people compare against, not fresh noise.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Roughly normal around 1 with the given relative spread, never below 0.05. */
  wobble(spread: number): number;
  /** A whole number of successes in `trials` tries at probability `p` (normal approximation). */
  binomial(trials: number, p: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Irwin–Hall: the sum of three uniforms is close enough to normal for daily ad figures.
  const standardNormal = (): number => (next() + next() + next() - 1.5) * 2;
  return {
    next,
    wobble: (spread) => Math.max(0.05, 1 + standardNormal() * spread),
    binomial: (trials, p) => {
      const mean = trials * p;
      const sd = Math.sqrt(trials * p * (1 - p));
      return Math.max(0, Math.round(mean + standardNormal() * sd));
    },
  };
}
