import { DATASET_COLUMNS, type DatasetRow, DEFAULT_LIST_LIMIT, recordOf } from "../rows/dataset-rows.js";
import { factsOfColumns } from "../rows/fact-columns.js";
import type { DatasetQuery, StoredDataset, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";
import { readColumnBlobs } from "./postgres-column-blobs.js";
import type { Sql } from "./sql.js";

const COLUMNS = DATASET_COLUMNS.join(", ");

/**
 * The reads of datasets and their column blobs, as in SQLite (see ../sqlite/dataset-table.ts): each skips a
 * dataset still being saved. Saving is postgres-dataset-writer.ts's.
 */
export function postgresDatasets(sql: Sql) {
  const withFacts = async (row: DatasetRow | undefined): Promise<StoredDataset | null> => {
    if (!row) return null;
    return {
      record: recordOf(row),
      facts: factsOfColumns(row.row_count, await readColumnBlobs(sql, row.id)),
    };
  };
  // A null channel or channels parameter leaves its condition out; $2 and $3 are `workspaceKey`'s values.
  const list = async (query: DatasetQuery = {}) =>
    (
      await sql.query<DatasetRow>(
        `SELECT ${COLUMNS} FROM datasets
         WHERE ($1::text IS NULL OR channel = $1)
           AND ${inWorkspace("$2", "$3")}
           AND ($4::text[] IS NULL OR channel = ANY($4))
           AND saving_at IS NULL
         ORDER BY created_at DESC, seq DESC LIMIT $5`,
        [
          query.channel ?? null,
          ...workspaceKey(query.workspace),
          query.channels ? [...query.channels] : null,
          query.limit ?? DEFAULT_LIST_LIMIT,
        ],
      )
    ).rows;
  // A dataset is given its file id only once complete.
  const byFile = async (fileId: string) =>
    (await sql.query<DatasetRow>(`SELECT ${COLUMNS} FROM datasets WHERE file_id = $1`, [fileId])).rows[0];

  return {
    get: async (id: string, workspace?: Workspace) => {
      const row = (
        await sql.query<DatasetRow>(`SELECT ${COLUMNS} FROM datasets WHERE id = $1 AND saving_at IS NULL`, [
          id,
        ])
      ).rows[0];
      return withFacts(row && (!workspace || ofWorkspace(row, workspace)) ? row : undefined);
    },
    findByFile: async (fileId: string) => {
      const row = await byFile(fileId);
      return row ? recordOf(row) : null;
    },
    latest: async (channel: string, workspace?: Workspace) =>
      withFacts((await list({ channel, workspace, limit: 1 }))[0]),
    list: async (query?: DatasetQuery) => (await list(query)).map(recordOf),
    forThread: async (channel: string, threadTs: string, workspace?: Workspace) => {
      const bound = await sql.query<DatasetRow>(
        `SELECT ${COLUMNS.split(", ")
          .map((column) => `datasets.${column}`)
          .join(", ")} FROM threads JOIN datasets ON datasets.id = threads.dataset_id
         WHERE ${inWorkspace("$3", "$4", "threads")} AND threads.channel = $1 AND threads.thread_ts = $2
           AND ${inWorkspace("$3", "$4", "datasets")} AND datasets.saving_at IS NULL`,
        [channel, threadTs, ...workspaceKey(workspace)],
      );
      const row =
        bound.rows[0] ??
        (
          await sql.query<DatasetRow>(
            `SELECT ${COLUMNS} FROM datasets WHERE ${inWorkspace("$3", "$4")} AND channel = $1 AND thread_ts = $2
               AND saving_at IS NULL
             ORDER BY created_at DESC, seq DESC LIMIT 1`,
            [channel, threadTs, ...workspaceKey(workspace)],
          )
        ).rows[0];
      return withFacts(row);
    },
  };
}
