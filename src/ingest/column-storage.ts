/**
 * Where a reader's columns live. A file read in two pieces at once (parallel-read.ts) keeps the first
 * reader's columns in shared memory and lends their tails to the thread reading the second piece, so both
 * halves land in one array per column: there is no second set of columns, and merging is moving the second
 * half down to where the first ended, inside the same memory.
 */
export interface ColumnStorage {
  float64(rows: number): Float64Array;
  float32(rows: number): Float32Array;
  int32(rows: number): Int32Array;
  uint8(rows: number): Uint8Array;
}

export const PRIVATE_STORAGE: ColumnStorage = {
  float64: (rows) => new Float64Array(rows),
  float32: (rows) => new Float32Array(rows),
  int32: (rows) => new Int32Array(rows),
  uint8: (rows) => new Uint8Array(rows),
};

/** Zero-filled by the system page by page as it is first written, like private memory. */
export const SHARED_STORAGE: ColumnStorage = {
  float64: (rows) => new Float64Array(new SharedArrayBuffer(rows * 8)),
  float32: (rows) => new Float32Array(new SharedArrayBuffer(rows * 4)),
  int32: (rows) => new Int32Array(new SharedArrayBuffer(rows * 4)),
  uint8: (rows) => new Uint8Array(new SharedArrayBuffer(rows)),
};

/** A number column's values: 32-bit while every value read fits one exactly (see NumberColumn). */
export type NumberValues = Float64Array | Float32Array;

/** A date column's two arrays (see DateColumn). */
export interface DateParts {
  packed: Int32Array;
  kinds: Uint8Array;
}

/** The tails one reader lends another: row `from` of the lender's columns is row 0 of the borrower's. */
export interface LentColumns {
  from: number;
  /** Per column, as its sink stores it: numbers, date parts or text codes; null for ignored columns. */
  sinks: Array<NumberValues | DateParts | Int32Array | null>;
}

/**
 * An array's head and its whole while its tail is lent: the owner writes the head; when the borrower's rows
 * come back they are moved down within `whole`, unless the owner outgrew its head (then it copies).
 */
export interface LentTail<T> {
  whole: T;
  from: number;
}

export function isShared(array: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== "undefined" && array.buffer instanceof SharedArrayBuffer;
}
