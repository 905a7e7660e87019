import { DATASET_COLUMNS, type DatasetRow } from "../rows/dataset-rows.js";
import { COLUMN_FIELDS } from "../rows/fact-columns.js";
import type { DatasetWriter } from "../rows/save-in-pieces.js";
import { StoreError } from "../store-error.js";
import { placeholders, type Sql } from "./sql.js";

const COLUMNS = DATASET_COLUMNS.join(", ");

/**
 * PostgreSQL's part of a save in pieces (see save-in-pieces.ts), as SQLite's (../sqlite/dataset-writer.ts).
 * `together` runs statements in one transaction: a connection of the pool's for just that long, or a
 * savepoint when the save runs inside the caller's transaction.
 */
export function postgresDatasetWriter(
  sql: Sql,
  together: <T>(work: (inner: Sql) => Promise<T>) => Promise<T>,
): DatasetWriter {
  // A dataset is given its file id only once complete, so any row with one is complete.
  const byFile = async (on: Sql, fileId: string) =>
    (await on.query<DatasetRow>(`SELECT ${COLUMNS} FROM datasets WHERE file_id = $1`, [fileId])).rows[0];
  const stillSaving = (changed: number | null, datasetId: string) => {
    if (!changed) {
      throw new StoreError(`dataset ${datasetId} was removed while it was being saved: save it again`);
    }
  };
  const remove = (on: Sql, datasetId: string) =>
    on.query("DELETE FROM datasets WHERE id = $1 AND saving_at IS NOT NULL", [datasetId]);

  return {
    storedFrom: (fileId) => byFile(sql, fileId),
    begin: async (row) => {
      await sql.query(
        `INSERT INTO datasets (${COLUMNS}, saving_at) VALUES (${placeholders(DATASET_COLUMNS.length + 1)})`,
        [...DATASET_COLUMNS.map((column) => (column === "file_id" ? null : row[column])), Date.now()],
      );
    },
    write: (datasetId, steps) =>
      together(async (inner) => {
        const touched = await inner.query(
          "UPDATE datasets SET saving_at = $2 WHERE id = $1 AND saving_at IS NOT NULL",
          [datasetId, Date.now()],
        );
        stillSaving(touched.rowCount, datasetId);
        for (const step of steps) {
          if (step.kind === "column") {
            await inner.query(
              `INSERT INTO dataset_columns (dataset_id, position, ${COLUMN_FIELDS.join(", ")})
               VALUES (${placeholders(COLUMN_FIELDS.length + 2)})`,
              [datasetId, step.position, ...COLUMN_FIELDS.map((field) => bytea(step.column[field]))],
            );
          } else {
            await inner.query(
              "INSERT INTO dataset_column_pieces (dataset_id, position, field, piece, bytes) VALUES ($1, $2, $3, $4, $5)",
              [datasetId, step.position, step.field, step.piece, bytea(step.bytes)],
            );
          }
        }
      }),
    // Two instances finishing the same file at once: the file id is unique, so the second one's update
    // fails, and saveInPieces then removes its dataset and returns the first.
    finish: (row) =>
      together(async (inner) => {
        const earlier = row.file_id ? await byFile(inner, row.file_id) : undefined;
        if (earlier) {
          await remove(inner, row.id);
          return earlier;
        }
        const completed = await inner.query(
          "UPDATE datasets SET saving_at = NULL, file_id = $2 WHERE id = $1 AND saving_at IS NOT NULL",
          [row.id, row.file_id],
        );
        stillSaving(completed.rowCount, row.id);
        return row;
      }),
    discard: async (datasetId) => {
      await remove(sql, datasetId);
    },
  };
}

/** Removes datasets whose save has written nothing for `idleMs` (its process died), pieces and all. */
export async function removeUnfinishedPostgresSaves(sql: Sql, idleMs: number): Promise<number> {
  const removed = await sql.query("DELETE FROM datasets WHERE saving_at IS NOT NULL AND saving_at <= $1", [
    Date.now() - idleMs,
  ]);
  return removed.rowCount ?? 0;
}

/** Bytes as a Buffer, which is how pg sends bytea: a view, so millions of rows are not copied. */
function bytea<T>(value: T): T | Buffer {
  return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}
