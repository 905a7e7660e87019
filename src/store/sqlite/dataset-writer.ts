import type { Database } from "better-sqlite3";
import { DATASET_COLUMNS, type DatasetRow } from "../rows/dataset-rows.js";
import { COLUMN_FIELDS } from "../rows/fact-columns.js";
import type { DatasetWriter } from "../rows/save-in-pieces.js";
import { StoreError } from "../store-error.js";

/** SQLite's part of a save in pieces (see save-in-pieces.ts): each call is one transaction, answered at once. */
export function sqliteDatasetWriter(db: Database): DatasetWriter {
  const insert = db.prepare(
    `INSERT INTO datasets (${DATASET_COLUMNS.join(", ")}, saving_at)
     VALUES (${DATASET_COLUMNS.map((column) => `@${column}`).join(", ")}, @saving_at)`,
  );
  const insertColumn = db.prepare(
    `INSERT INTO dataset_columns (dataset_id, position, ${COLUMN_FIELDS.join(", ")})
     VALUES (?, ?, ${COLUMN_FIELDS.map(() => "?").join(", ")})`,
  );
  const insertPiece = db.prepare(
    "INSERT INTO dataset_column_pieces (dataset_id, position, field, piece, bytes) VALUES (?, ?, ?, ?, ?)",
  );
  const touch = db.prepare("UPDATE datasets SET saving_at = ? WHERE id = ? AND saving_at IS NOT NULL");
  const complete = db.prepare(
    "UPDATE datasets SET saving_at = NULL, file_id = ? WHERE id = ? AND saving_at IS NOT NULL",
  );
  // A dataset is given its file id only once complete, so any row with one is complete.
  const byFile = db.prepare<[string], DatasetRow>("SELECT * FROM datasets WHERE file_id = ?");
  const remove = db.prepare("DELETE FROM datasets WHERE id = ? AND saving_at IS NOT NULL");

  const stillSaving = (changes: number, datasetId: string) => {
    if (changes === 0) {
      throw new StoreError(`dataset ${datasetId} was removed while it was being saved: save it again`);
    }
  };

  return {
    storedFrom: (fileId) => byFile.get(fileId),
    begin: (row) => {
      insert.run({ ...row, file_id: null, saving_at: Date.now() });
    },
    write: db.transaction((datasetId: string, steps: Parameters<DatasetWriter["write"]>[1]) => {
      stillSaving(touch.run(Date.now(), datasetId).changes, datasetId);
      for (const step of steps) {
        if (step.kind === "column") {
          insertColumn.run(datasetId, step.position, ...COLUMN_FIELDS.map((field) => step.column[field]));
        } else insertPiece.run(datasetId, step.position, step.field, step.piece, step.bytes);
      }
    }),
    finish: db.transaction((row: DatasetRow): DatasetRow => {
      const earlier = row.file_id ? byFile.get(row.file_id) : undefined;
      if (earlier) {
        remove.run(row.id);
        return earlier;
      }
      stillSaving(complete.run(row.file_id, row.id).changes, row.id);
      return row;
    }),
    discard: (datasetId) => {
      remove.run(datasetId);
    },
  };
}

/**
 * Removes datasets whose save stopped more than `idleMs` ago (the process died mid-save), pieces and all.
 * One process owns a SQLite file, so on open every unfinished save is over: `idleMs` 0.
 */
export function removeUnfinishedSaves(db: Database, idleMs: number): number {
  return db
    .prepare("DELETE FROM datasets WHERE saving_at IS NOT NULL AND saving_at <= ?")
    .run(Date.now() - idleMs).changes;
}
