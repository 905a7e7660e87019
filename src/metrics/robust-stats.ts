/** Scales the median absolute deviation to estimate a standard deviation under normal noise. */
export const MAD_TO_SIGMA = 1.4826;
/** Scales the mean absolute deviation the same way; used when more than half the values are identical. */
export const MEAN_AD_TO_SIGMA = 1.2533;

/** Median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[], center: number): number {
  return median(values.map((value) => Math.abs(value - center)));
}

export function meanAbsoluteDeviation(values: readonly number[], center: number): number {
  return values.reduce((sum, value) => sum + Math.abs(value - center), 0) / values.length;
}
