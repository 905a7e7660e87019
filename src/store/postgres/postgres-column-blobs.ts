import { columnAssembly, type PieceHead } from "../rows/column-pieces.js";
import { COLUMN_FIELDS, type StoredColumn } from "../rows/fact-columns.js";
import { StoreError } from "../store-error.js";
import type { Sql } from "./sql.js";

/**
 * pg reads bytea as hex text: a blob arrives as a message and a string of twice its size before it is
 * bytes. A blob up to this size comes with its column's row; a bigger one (a column of millions of rows)
 * is read in pieces of this size into one buffer, so loading a big dataset needs little beyond its bytes
 * (6.2M rows with three identifier columns, 560 MB of blobs: 797 MB peak instead of 1,756 MB).
 */
const PIECE_BYTES = 8 * 1024 * 1024;

const BLOBS = ["data", "text_bytes", "text_offsets"] as const;
type Blob = (typeof BLOBS)[number];

type ColumnHead = Omit<StoredColumn, Blob> & { position: number } & {
  [K in Blob]: Uint8Array | null;
} & { [K in Blob as `${K}_length`]: number | null };

/**
 * A dataset's stored columns in order, big blobs read piece by piece: a blob kept whole in dataset_columns
 * (datasets saved before pieces) in slices of it, then the pieces a save wrote (see column-pieces.ts).
 */
export async function readColumnBlobs(sql: Sql, datasetId: string): Promise<StoredColumn[]> {
  const { rows } = await sql.query<ColumnHead>(
    `SELECT position, ${COLUMN_FIELDS.filter((field) => !(BLOBS as readonly string[]).includes(field)).join(", ")},
       ${BLOBS.map(
         (blob) =>
           `CASE WHEN octet_length(${blob}) <= $2 THEN ${blob} END AS ${blob}, octet_length(${blob})::int AS ${blob}_length`,
       ).join(", ")}
     FROM dataset_columns WHERE dataset_id = $1 ORDER BY position`,
    [datasetId, PIECE_BYTES],
  );
  const columns: Array<StoredColumn & { position: number }> = [];
  for (const row of rows) {
    const read = async (blob: Blob) => {
      const length = row[`${blob}_length`];
      if (row[blob] || length === null) return row[blob];
      return readInPieces(sql, datasetId, row.position, blob, length);
    };
    columns.push({
      position: row.position,
      role: row.role,
      name: row.name,
      dictionary: row.dictionary,
      data: (await read("data")) as Uint8Array,
      text_bytes: await read("text_bytes"),
      text_offsets: await read("text_offsets"),
    });
  }
  return withPieces(sql, datasetId, columns);
}

/** Each piece is a query of its own, so no message holds more than one piece (as hex text, twice its size). */
async function withPieces(
  sql: Sql,
  datasetId: string,
  columns: ReadonlyArray<StoredColumn & { position: number }>,
): Promise<StoredColumn[]> {
  const { rows: pieces } = await sql.query<PieceHead & { piece: number }>(
    `SELECT position, field, piece, octet_length(bytes)::int AS length FROM dataset_column_pieces
     WHERE dataset_id = $1 ORDER BY position, field, piece`,
    [datasetId],
  );
  const assembly = columnAssembly(columns, pieces);
  for (const { position, field, piece } of pieces) {
    const { rows } = await sql.query<{ bytes: Buffer }>(
      `SELECT bytes FROM dataset_column_pieces
       WHERE dataset_id = $1 AND position = $2 AND field = $3 AND piece = $4`,
      [datasetId, position, field, piece],
    );
    const bytes = rows[0]?.bytes;
    if (!bytes)
      throw new StoreError(`column ${position} of dataset ${datasetId} went missing while it was read`);
    assembly.put(position, field, bytes);
  }
  return assembly.columns();
}

async function readInPieces(
  sql: Sql,
  datasetId: string,
  position: number,
  blob: Blob,
  length: number,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at += PIECE_BYTES) {
    const { rows } = await sql.query<{ piece: Buffer }>(
      `SELECT substring(${blob} FROM $3 FOR $4) AS piece FROM dataset_columns WHERE dataset_id = $1 AND position = $2`,
      [datasetId, position, at + 1, PIECE_BYTES],
    );
    const piece = rows[0]?.piece;
    if (!piece)
      throw new StoreError(`column ${position} of dataset ${datasetId} went missing while it was read`);
    bytes.set(piece, at);
  }
  return bytes;
}
