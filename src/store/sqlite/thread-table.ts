import type { Database } from "better-sqlite3";
import { boundedHistory, historyOf, THREAD_COLUMNS, type ThreadRow, threadOf } from "../rows/thread-rows.js";
import type { HistoryEntry, ThreadRecord, Workspace } from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";

/** The conflict target of the threads' unique key (see the migration that keys threads by workspace). */
const THREAD_KEY = "(coalesce(team, ''), coalesce(enterprise, ''), channel, thread_ts)";

/**
 * Threads of conversation: which dataset a thread is about, and the agent's history in it, cut to the
 * newest `historyLimit` entries on every write; the agent may also replace it with its own summary. A
 * thread is its workspace's.
 */
export function threadTable(db: Database, historyLimit: number) {
  const byKey = db.prepare<[string, string, string, string], ThreadRow>(
    `SELECT ${THREAD_COLUMNS} FROM threads WHERE ${inWorkspace("?", "?")} AND channel = ? AND thread_ts = ?`,
  );
  const bind = db.prepare(`
    INSERT INTO threads (team, enterprise, channel, thread_ts, dataset_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT ${THREAD_KEY} DO UPDATE SET dataset_id = excluded.dataset_id, updated_at = excluded.updated_at`);
  const writeHistory = db.prepare(`
    INSERT INTO threads (team, enterprise, channel, thread_ts, history, updated_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT ${THREAD_KEY} DO UPDATE SET history = excluded.history, updated_at = excluded.updated_at`);

  const bounded = (entries: readonly HistoryEntry[]) => boundedHistory(entries, historyLimit);
  const find = (channel: string, threadTs: string, workspace?: Workspace) =>
    byKey.get(...workspaceKey(workspace), channel, threadTs);
  const write = (
    channel: string,
    threadTs: string,
    history: readonly HistoryEntry[],
    workspace?: Workspace,
  ) =>
    writeHistory.run(
      workspace?.team ?? null,
      workspace?.enterprise ?? null,
      channel,
      threadTs,
      JSON.stringify(history),
      Date.now(),
    );

  const append = db.transaction(
    (channel: string, threadTs: string, entries: readonly HistoryEntry[], workspace?: Workspace) => {
      const row = find(channel, threadTs, workspace);
      const history = bounded([...historyOf(row), ...entries]);
      write(channel, threadTs, history, workspace);
      return history;
    },
  );

  return {
    get: (channel: string, threadTs: string, workspace?: Workspace): ThreadRecord | null => {
      const row = find(channel, threadTs, workspace);
      return row ? threadOf(row) : null;
    },
    bind: (channel: string, threadTs: string, datasetId: string, workspace?: Workspace) => {
      bind.run(
        workspace?.team ?? null,
        workspace?.enterprise ?? null,
        channel,
        threadTs,
        datasetId,
        Date.now(),
      );
    },
    append: (channel: string, threadTs: string, entries: readonly HistoryEntry[], workspace?: Workspace) =>
      append(channel, threadTs, entries, workspace),
    replace: (channel: string, threadTs: string, entries: readonly HistoryEntry[], workspace?: Workspace) => {
      write(channel, threadTs, bounded(entries), workspace);
    },
  };
}
