import type { FactTable } from "../ingest/index.js";
import type { Store, Workspace } from "./store.js";

/**
 * Days of live data an answer, a report or an alert's analyst reads, up to the newest row: a year, and a
 * month more so that a month can be compared with the same month a year before. Unbounded reads let old
 * rows slow every answer.
 */
export const LIVE_WINDOW_DAYS = 400;

/** A workspace's recent live figures (none given: the unknown workspace's, see `Workspace`). */
export function recentLiveFacts(store: Store, workspace?: Workspace): Promise<FactTable> {
  return store.liveFacts({ lastDays: LIVE_WINDOW_DAYS, workspace });
}
