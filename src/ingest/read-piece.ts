import type { ColumnPlan } from "./column-plan.js";
import { isShared, type LentColumns } from "./column-storage.js";
import { ColumnarScanner } from "./columnar-scanner.js";
import { bytesFrom, type ExportInput } from "./export-source.js";
import { FactBuilder, type PieceRead } from "./fact-builder.js";

/** A later piece of a file to read on its own: from `start` (the first byte of a record) to the end. */
export interface PieceRequest {
  input: ExportInput;
  start: number;
  plan: ColumnPlan;
  delimiter: number;
  /** The first reader's column tails the piece's rows are written into. */
  lent: LentColumns;
  groupingCap?: number;
}

/**
 * Reads a piece of a UTF-8 file that starts at a record boundary, every line a data line, with line numbers
 * counted from the piece's start. The reader of the first piece absorbs it (FactBuilder.absorb).
 */
export function readPiece(request: PieceRequest): PieceRead {
  const builder = new FactBuilder(request.plan, 0, 0, request.groupingCap, request.lent);
  const scanner = new ColumnarScanner(request.delimiter, builder, 0);
  for (const chunk of bytesFrom(request.input, request.start)) scanner.push(chunk);
  scanner.end();
  return builder.pieceRead();
}

/**
 * The private buffers a piece's columns live in, handed to another thread without a copy; columns still in
 * the lent shared tails are seen by both threads already.
 */
export function pieceBuffers(piece: PieceRead): ArrayBuffer[] {
  const views: ArrayBufferView[] = [piece.lines.runRows, piece.lines.runLines];
  for (const sink of piece.sinks) {
    if (!sink) continue;
    for (const field of Object.values(sink)) if (ArrayBuffer.isView(field)) views.push(field);
  }
  return [...new Set(views.filter((view) => !isShared(view)).map((view) => view.buffer as ArrayBuffer))];
}
