import type { FactTable } from "../ingest/index.js";
import type { Store } from "./store.js";

/**
 * Days of live data an answer, a report or an alert's analyst reads, up to the newest row: a year, and a
 * month more so that a month can be compared with the same month a year before. Unbounded reads let old
 * rows slow every answer.
 */
export const LIVE_WINDOW_DAYS = 400;

export function recentLiveFacts(store: Store): Promise<FactTable> {
  return store.liveFacts({ lastDays: LIVE_WINDOW_DAYS });
}
