import { StoreError } from "../store-error.js";
import type { StoredColumn } from "./fact-columns.js";

/**
 * A big dataset is saved in pieces: each column's bytes go to dataset_column_pieces in slices of at most
 * `pieceBytes`, a few slices per transaction, so no single write holds the app for long: a better-sqlite3
 * write blocks the event loop, and one COMMIT of a whole 200 MB table held it for seconds. The default is
 * small enough that a piece stays far under /healthz's budget on a busy machine too
 * (`npm run bench -- upload-responsiveness` shows how long a save holds the app).
 *
 * A column's bytes are its dataset_columns blob followed by its pieces in order. A column that fits in
 * one piece keeps all its bytes in its dataset_columns row (as every column did before pieces); a bigger
 * one keeps an empty blob there and everything in pieces. Reading the same way serves both, and datasets
 * stored before pieces existed read unchanged.
 */
export const DEFAULT_PIECE_BYTES = 2 * 1024 * 1024;

export const PIECE_FIELDS = ["data", "text_bytes", "text_offsets"] as const;
export type PieceField = (typeof PIECE_FIELDS)[number];

/** One insert of a save: a column's dataset_columns row, or one piece of one of its blobs. */
export type SaveStep =
  | { kind: "column"; position: number; column: StoredColumn }
  | { kind: "piece"; position: number; field: PieceField; piece: number; bytes: Uint8Array };

const EMPTY = new Uint8Array(0);

const blobBytes = (column: StoredColumn) =>
  PIECE_FIELDS.reduce((sum, field) => sum + (column[field]?.byteLength ?? 0), 0);

/**
 * The inserts of a save, grouped into transactions of at most `pieceBytes` each (one step may exceed it
 * alone), as the columns are taken one at a time from `columns`.
 */
export function* planSave(columns: Iterable<StoredColumn>, pieceBytes: number): Generator<SaveStep[]> {
  if (!(pieceBytes >= 1))
    throw new StoreError(`a dataset piece must hold at least one byte, not ${pieceBytes}`);
  let batch: SaveStep[] = [];
  let held = 0;
  let position = 0;
  for (const column of columns) {
    for (const step of stepsOf(column, position++, pieceBytes)) {
      const weight =
        step.kind === "piece"
          ? step.bytes.byteLength
          : blobBytes(step.column) + (step.column.dictionary?.length ?? 0);
      if (batch.length > 0 && held + weight > pieceBytes) {
        yield batch;
        batch = [];
        held = 0;
      }
      batch.push(step);
      held += weight;
    }
  }
  if (batch.length > 0) yield batch;
}

function* stepsOf(column: StoredColumn, position: number, pieceBytes: number): Generator<SaveStep> {
  if (blobBytes(column) <= pieceBytes) {
    yield { kind: "column", position, column };
    return;
  }
  // The row keeps which blobs exist (text ones may be NULL); their bytes all go to pieces.
  const head = { ...column, data: EMPTY };
  for (const field of ["text_bytes", "text_offsets"] as const) head[field] = column[field] && EMPTY;
  yield { kind: "column", position, column: head };
  for (const field of PIECE_FIELDS) {
    const bytes = column[field];
    if (!bytes) continue;
    for (let at = 0, piece = 0; at < bytes.byteLength; at += pieceBytes, piece++) {
      yield { kind: "piece", position, field, piece, bytes: bytes.subarray(at, at + pieceBytes) };
    }
  }
}

/** A stored piece, as listed before its bytes are read. */
export interface PieceHead {
  position: number;
  field: PieceField;
  length: number;
}

/**
 * Puts a dataset's columns back together: each blob that has pieces gets one buffer of its whole size, its
 * dataset_columns bytes first, then each piece as it is read (in the order of `pieces`). Reading piece by
 * piece into one buffer keeps a load at about the dataset's own size.
 */
export function columnAssembly(
  columns: ReadonlyArray<StoredColumn & { position: number }>,
  pieces: readonly PieceHead[],
) {
  const sizes = new Map<string, number>();
  const key = (position: number, field: PieceField) => `${position}:${field}`;
  for (const piece of pieces) {
    const at = key(piece.position, piece.field);
    sizes.set(at, (sizes.get(at) ?? 0) + piece.length);
  }
  const filled = new Map<string, { bytes: Uint8Array; at: number }>();
  const assembled = columns.map((column) => {
    const whole = { ...column };
    for (const field of PIECE_FIELDS) {
      const size = sizes.get(key(column.position, field));
      if (size === undefined) continue;
      const head = column[field] ?? EMPTY;
      const bytes = new Uint8Array(head.byteLength + size);
      bytes.set(head);
      whole[field] = bytes;
      filled.set(key(column.position, field), { bytes, at: head.byteLength });
    }
    return whole;
  });
  if (filled.size !== sizes.size) throw new StoreError("a stored dataset has pieces of a column it lacks");

  return {
    /** The next piece of one blob. */
    put(position: number, field: PieceField, piece: Uint8Array): void {
      const blob = filled.get(key(position, field));
      if (!blob || blob.at + piece.byteLength > blob.bytes.byteLength) {
        throw new StoreError(`column ${position} of a stored dataset changed while it was read`);
      }
      blob.bytes.set(piece, blob.at);
      blob.at += piece.byteLength;
    },
    /** The columns, once every piece is in. */
    columns(): StoredColumn[] {
      for (const blob of filled.values()) {
        if (blob.at !== blob.bytes.byteLength) {
          throw new StoreError("a stored dataset lost a piece of a column while it was read");
        }
      }
      return assembled;
    },
  };
}
