import { boundedHistory, historyOf, THREAD_COLUMNS, type ThreadRow, threadOf } from "../rows/thread-rows.js";
import type { HistoryEntry, ThreadRecord, Workspace } from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";
import type { Sql } from "./sql.js";

/** The conflict target of the threads' unique key (see the migration that keys threads by workspace). */
const THREAD_KEY = "((coalesce(team, '')), (coalesce(enterprise, '')), channel, thread_ts)";

/** Threads and the agent's history in them, as in SQLite (see ../sqlite/thread-table.ts). */
export function postgresThreads(sql: Sql, historyLimit: number) {
  const bounded = (entries: readonly HistoryEntry[]) => boundedHistory(entries, historyLimit);
  const writeHistory = (
    channel: string,
    threadTs: string,
    history: readonly HistoryEntry[],
    workspace?: Workspace,
  ) =>
    sql.query(
      `INSERT INTO threads (team, enterprise, channel, thread_ts, history, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ${THREAD_KEY} DO UPDATE SET history = excluded.history, updated_at = excluded.updated_at`,
      [
        workspace?.team ?? null,
        workspace?.enterprise ?? null,
        channel,
        threadTs,
        JSON.stringify(history),
        Date.now(),
      ],
    );
  const row = async (channel: string, threadTs: string, workspace?: Workspace, lock = false) =>
    (
      await sql.query<ThreadRow>(
        `SELECT ${THREAD_COLUMNS} FROM threads
         WHERE ${inWorkspace("$3", "$4")} AND channel = $1 AND thread_ts = $2${lock ? " FOR UPDATE" : ""}`,
        [channel, threadTs, ...workspaceKey(workspace)],
      )
    ).rows[0];

  return {
    get: async (channel: string, threadTs: string, workspace?: Workspace): Promise<ThreadRecord | null> => {
      const found = await row(channel, threadTs, workspace);
      return found ? threadOf(found) : null;
    },
    bind: async (channel: string, threadTs: string, datasetId: string, workspace?: Workspace) => {
      await sql.query(
        `INSERT INTO threads (channel, thread_ts, dataset_id, team, enterprise, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ${THREAD_KEY} DO UPDATE SET dataset_id = excluded.dataset_id, updated_at = excluded.updated_at`,
        [channel, threadTs, datasetId, workspace?.team ?? null, workspace?.enterprise ?? null, Date.now()],
      );
    },
    /** Called inside a transaction: the row is locked while its history is extended. */
    append: async (
      channel: string,
      threadTs: string,
      entries: readonly HistoryEntry[],
      workspace?: Workspace,
    ) => {
      const found = await row(channel, threadTs, workspace, true);
      const history = bounded([...historyOf(found), ...entries]);
      await writeHistory(channel, threadTs, history, workspace);
      return history;
    },
    replace: async (
      channel: string,
      threadTs: string,
      entries: readonly HistoryEntry[],
      workspace?: Workspace,
    ) => {
      await writeHistory(channel, threadTs, bounded(entries), workspace);
    },
  };
}
