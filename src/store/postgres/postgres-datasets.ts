import {
  DATASET_COLUMNS,
  type DatasetRow,
  DEFAULT_LIST_LIMIT,
  datasetRow,
  recordOf,
} from "../rows/dataset-rows.js";
import { COLUMN_FIELDS, columnsOfFacts, factsOfColumns } from "../rows/fact-columns.js";
import type { DatasetQuery, NewDataset, SavedDataset, StoredDataset, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";
import { readColumnBlobs } from "./postgres-column-blobs.js";
import { placeholders, type Sql } from "./sql.js";

const COLUMNS = DATASET_COLUMNS.join(", ");

/** Datasets and their column blobs, as in SQLite (see ../sqlite/dataset-table.ts). */
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
         ORDER BY created_at DESC, seq DESC LIMIT $5`,
        [
          query.channel ?? null,
          ...workspaceKey(query.workspace),
          query.channels ? [...query.channels] : null,
          query.limit ?? DEFAULT_LIST_LIMIT,
        ],
      )
    ).rows;
  const byFile = async (fileId: string) =>
    (await sql.query<DatasetRow>(`SELECT ${COLUMNS} FROM datasets WHERE file_id = $1`, [fileId])).rows[0];

  return {
    /** Called inside a transaction: the dataset and its columns commit together. */
    save: async (input: NewDataset): Promise<SavedDataset> => {
      const row = datasetRow(input);
      // ON CONFLICT: two instances saving the same file at once store it once.
      const inserted = await sql.query(
        `INSERT INTO datasets (${COLUMNS}) VALUES (${placeholders(DATASET_COLUMNS.length)})
         ON CONFLICT (file_id) DO NOTHING`,
        DATASET_COLUMNS.map((column) => row[column]),
      );
      if (inserted.rowCount === 0 && input.fileId) {
        const existing = await byFile(input.fileId);
        if (existing) return { record: recordOf(existing), created: false };
      }
      const columns = columnsOfFacts(input.facts);
      for (const [position, column] of columns.entries()) {
        await sql.query(
          `INSERT INTO dataset_columns (dataset_id, position, ${COLUMN_FIELDS.join(", ")})
           VALUES (${placeholders(COLUMN_FIELDS.length + 2)})`,
          [row.id, position, ...COLUMN_FIELDS.map((field) => bytea(column[field]))],
        );
      }
      return { record: recordOf(row), created: true };
    },
    get: async (id: string, workspace?: Workspace) => {
      const row = (await sql.query<DatasetRow>(`SELECT ${COLUMNS} FROM datasets WHERE id = $1`, [id]))
        .rows[0];
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
           AND ${inWorkspace("$3", "$4", "datasets")}`,
        [channel, threadTs, ...workspaceKey(workspace)],
      );
      const row =
        bound.rows[0] ??
        (
          await sql.query<DatasetRow>(
            `SELECT ${COLUMNS} FROM datasets WHERE ${inWorkspace("$3", "$4")} AND channel = $1 AND thread_ts = $2
             ORDER BY created_at DESC, seq DESC LIMIT 1`,
            [channel, threadTs, ...workspaceKey(workspace)],
          )
        ).rows[0];
      return withFacts(row);
    },
  };
}

/** Bytes as a Buffer, which is how pg sends bytea: a view, so millions of rows are not copied. */
function bytea<T>(value: T): T | Buffer {
  return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}
