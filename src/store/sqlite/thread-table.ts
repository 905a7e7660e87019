import type { Database } from "better-sqlite3";
import type { HistoryEntry, ThreadRecord, Workspace } from "../store.js";

interface ThreadRow {
  channel: string;
  thread_ts: string;
  dataset_id: string | null;
  history: string;
  updated_at: number;
}

/**
 * Threads of conversation: which dataset a thread is about, and the agent's history in it. The history is
 * cut to the newest `historyLimit` entries on every write, so a long thread never grows the prompt (or the
 * row) without bound; the agent may also replace it with its own summary.
 */
export function threadTable(db: Database, historyLimit: number) {
  const byKey = db.prepare<[string, string], ThreadRow>(
    "SELECT * FROM threads WHERE channel = ? AND thread_ts = ?",
  );
  const bind = db.prepare(`
    INSERT INTO threads (channel, thread_ts, dataset_id, team, enterprise, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (channel, thread_ts) DO UPDATE SET dataset_id = excluded.dataset_id,
      team = coalesce(excluded.team, threads.team), enterprise = coalesce(excluded.enterprise, threads.enterprise),
      updated_at = excluded.updated_at`);
  const writeHistory = db.prepare(`
    INSERT INTO threads (channel, thread_ts, history, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel, thread_ts) DO UPDATE SET history = excluded.history, updated_at = excluded.updated_at`);

  const bounded = (entries: readonly HistoryEntry[]) =>
    entries.slice(Math.max(0, entries.length - historyLimit));

  const append = db.transaction((channel: string, threadTs: string, entries: readonly HistoryEntry[]) => {
    const row = byKey.get(channel, threadTs);
    const history = bounded([...(row ? (JSON.parse(row.history) as HistoryEntry[]) : []), ...entries]);
    writeHistory.run(channel, threadTs, JSON.stringify(history), Date.now());
    return history;
  });

  return {
    get: (channel: string, threadTs: string): ThreadRecord | null => {
      const row = byKey.get(channel, threadTs);
      if (!row) return null;
      return {
        channel: row.channel,
        threadTs: row.thread_ts,
        datasetId: row.dataset_id,
        history: JSON.parse(row.history) as HistoryEntry[],
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    },
    bind: (channel: string, threadTs: string, datasetId: string, workspace?: Workspace) => {
      bind.run(
        channel,
        threadTs,
        datasetId,
        workspace?.team ?? null,
        workspace?.enterprise ?? null,
        Date.now(),
      );
    },
    append: (channel: string, threadTs: string, entries: readonly HistoryEntry[]) =>
      append(channel, threadTs, entries),
    replace: (channel: string, threadTs: string, entries: readonly HistoryEntry[]) => {
      writeHistory.run(channel, threadTs, JSON.stringify(bounded(entries)), Date.now());
    },
  };
}
