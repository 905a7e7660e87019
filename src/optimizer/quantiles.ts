import { quantileSorted } from "simple-statistics";

/** Quantiles of a sample (any order), interpolated as simple-statistics does. */
export function quantilesOf(values: readonly number[], probabilities: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return probabilities.map((p) => quantileSorted(sorted, p));
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
