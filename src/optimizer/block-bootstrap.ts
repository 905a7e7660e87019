import { randomIndex, seededRandom } from "./seeded-random.js";

/** A week: results of neighbouring days move together (weekday, a sale), so days are drawn in weeks. */
export const BLOCK_DAYS = 7;

/**
 * Index samples of a moving-block bootstrap: each sample is `length` day indices made of runs of
 * `BLOCK_DAYS` consecutive days starting at random points. The same samples are applied to every campaign
 * so that their shared ups and downs stay shared.
 */
export function blockBootstrapSamples(length: number, samples: number, seed = 18): number[][] {
  const random = seededRandom(seed);
  const block = Math.min(BLOCK_DAYS, length);
  const starts = length - block + 1;
  const result: number[][] = [];
  for (let s = 0; s < samples; s++) {
    const indices: number[] = [];
    while (indices.length < length) {
      const start = randomIndex(random, starts);
      for (let i = 0; i < block && indices.length < length; i++) indices.push(start + i);
    }
    result.push(indices);
  }
  return result;
}
