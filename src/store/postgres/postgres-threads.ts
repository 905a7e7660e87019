import type { HistoryEntry, ThreadRecord, Workspace } from "../store.js";
import type { Sql } from "./sql.js";

interface ThreadRow {
  channel: string;
  thread_ts: string;
  dataset_id: string | null;
  history: string;
  updated_at: number;
}

/** Threads and the agent's history in them, as in SQLite (see ../sqlite/thread-table.ts). */
export function postgresThreads(sql: Sql, historyLimit: number) {
  const bounded = (entries: readonly HistoryEntry[]) =>
    entries.slice(Math.max(0, entries.length - historyLimit));
  const writeHistory = (channel: string, threadTs: string, history: readonly HistoryEntry[]) =>
    sql.query(
      `INSERT INTO threads (channel, thread_ts, history, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel, thread_ts) DO UPDATE SET history = excluded.history, updated_at = excluded.updated_at`,
      [channel, threadTs, JSON.stringify(history), Date.now()],
    );
  const row = async (channel: string, threadTs: string, lock = false) =>
    (
      await sql.query<ThreadRow>(
        `SELECT channel, thread_ts, dataset_id, history, updated_at FROM threads
         WHERE channel = $1 AND thread_ts = $2${lock ? " FOR UPDATE" : ""}`,
        [channel, threadTs],
      )
    ).rows[0];

  return {
    get: async (channel: string, threadTs: string): Promise<ThreadRecord | null> => {
      const found = await row(channel, threadTs);
      if (!found) return null;
      return {
        channel: found.channel,
        threadTs: found.thread_ts,
        datasetId: found.dataset_id,
        history: JSON.parse(found.history) as HistoryEntry[],
        updatedAt: new Date(found.updated_at).toISOString(),
      };
    },
    bind: async (channel: string, threadTs: string, datasetId: string, workspace?: Workspace) => {
      await sql.query(
        `INSERT INTO threads (channel, thread_ts, dataset_id, team, enterprise, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (channel, thread_ts) DO UPDATE SET dataset_id = excluded.dataset_id,
           team = coalesce(excluded.team, threads.team), enterprise = coalesce(excluded.enterprise, threads.enterprise),
           updated_at = excluded.updated_at`,
        [channel, threadTs, datasetId, workspace?.team ?? null, workspace?.enterprise ?? null, Date.now()],
      );
    },
    /** Called inside a transaction: the row is locked while its history is extended. */
    append: async (channel: string, threadTs: string, entries: readonly HistoryEntry[]) => {
      const found = await row(channel, threadTs, true);
      const history = bounded([...(found ? (JSON.parse(found.history) as HistoryEntry[]) : []), ...entries]);
      await writeHistory(channel, threadTs, history);
      return history;
    },
    replace: async (channel: string, threadTs: string, entries: readonly HistoryEntry[]) => {
      await writeHistory(channel, threadTs, bounded(entries));
    },
  };
}
