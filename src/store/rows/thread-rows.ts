import type { HistoryEntry, ThreadRecord } from "../store.js";

export interface ThreadRow {
  channel: string;
  thread_ts: string;
  dataset_id: string | null;
  history: string;
  updated_at: number;
}

export const THREAD_COLUMNS = "channel, thread_ts, dataset_id, history, updated_at";

export function threadOf(row: ThreadRow): ThreadRecord {
  return {
    channel: row.channel,
    threadTs: row.thread_ts,
    datasetId: row.dataset_id,
    history: historyOf(row),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function historyOf(row: ThreadRow | undefined): HistoryEntry[] {
  return row ? (JSON.parse(row.history) as HistoryEntry[]) : [];
}

/**
 * The newest `limit` entries: a thread's history is cut on every write, so a long thread never grows the
 * prompt (or the row) without bound.
 */
export function boundedHistory(entries: readonly HistoryEntry[], limit: number): HistoryEntry[] {
  return entries.slice(Math.max(0, entries.length - limit));
}
