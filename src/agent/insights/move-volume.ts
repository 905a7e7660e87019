/**
 * Budget moves only between segments with at least this many conversions each: a cheap CPA on one or two
 * conversions is luck as often as skill. The narrative, the cut-or-scale answer and Gemini's prompt share it.
 */
export const MIN_CONVERSIONS_TO_MOVE = 10;

/** Without a conversions figure the volume is unknown, and the spend floor is the only test. */
export function enoughToMove(row: { readonly [field: string]: unknown }): boolean {
  return typeof row.conversions !== "number" || row.conversions >= MIN_CONVERSIONS_TO_MOVE;
}
