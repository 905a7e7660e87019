/**
 * Rows a long loop handles per call. A loop over millions of rows in one call runs unoptimised, boxing every
 * float, until V8's on-stack replacement catches up (and again after each deoptimisation); a function called
 * once per block is optimised after a few calls. Measured on the analysis of 5M rows: about 40% less time.
 */
export const BLOCK_ROWS = 1 << 14;

/** Calls `loop` over [0, rows) a block at a time, in order: state carried between blocks stays in row order. */
export function inBlocks(rows: number, loop: (from: number, to: number) => void): void {
  for (let from = 0; from < rows; from += BLOCK_ROWS) loop(from, Math.min(from + BLOCK_ROWS, rows));
}
