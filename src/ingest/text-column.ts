import type { LentTail } from "./column-storage.js";
import { FIELD_ESCAPED } from "./csv-syntax.js";
import { NO_VALUE } from "./fact-table.js";
import { IngestError } from "./ingest-error.js";
import { inBlocks } from "./row-blocks.js";
import { mayStartSummaryLabel, summaryLabel } from "./summary-rows.js";
import { decodeValue, keepUsedValues, type TextDictionary } from "./text-dictionary.js";

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const BRACKET = 0x5b;
/** "-", "--" and " --" are how platforms print an empty value, and "[]" an empty list. */
const EMPTY_MARKER = /^(-+|\[\])$/;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Offsets are 32-bit, as in Arrow's plain string layout. */
const MAX_TEXT_BYTES = 2 ** 31 - 1;
/** Shorter values are copied byte by byte: a native copy costs more than it saves for a campaign name. */
const SHORT_VALUE = 32;

/**
 * Distinct values a text column keeps for grouping. Search-term and keyword reports legitimately reach
 * hundreds of thousands; beyond this a column is a list of identifiers (click ids, URLs with parameters)
 * that no breakdown can usefully rank, and it is kept as one.
 */
export const GROUPING_CAP = 1_000_000;

/** A text column as read: codes per row over a dictionary of the values rows use. */
export interface ReadText {
  codes: Int32Array;
  text: TextDictionary;
  /** More distinct values than the cap: the dictionary stopped merging repeats and is an identifier list. */
  overCap: boolean;
  cap: number;
}

/**
 * A text column (a dimension), dictionary-encoded as it is read, with the dictionary kept as bytes: a cell's
 * bytes are looked up in a hash table over one UTF-8 buffer, so no cell becomes a string. What we need to
 * know about a value (is it a "Total:" label?) is worked out once per distinct value. Past the cap the hash
 * table is dropped and each value is appended as it comes: an identifier column costs its bytes and two
 * integers per row.
 */
export class TextColumn {
  private codes: Int32Array;
  private pool = Buffer.allocUnsafe(64 * 1024);
  private poolUsed = 0;
  /** Entry k's bytes are pool[offsets[k], offsets[k + 1]). */
  private offsets = new Int32Array(1025);
  private count = 0;
  /** Per entry: 1 when the value marks a summary row. */
  private summary = new Uint8Array(1024);
  /** Per entry: its hash, so growing the table never rereads the bytes. */
  private hashes = new Int32Array(1024);
  /** Open addressing over entry numbers (-1 free); null once the column passed the cap. */
  private slots: Int32Array | null = new Int32Array(2048).fill(-1);

  /** Set while this column's tail is lent to the reader of a later piece (see NumberColumn.lendTail). */
  private lentTail: LentTail<Int32Array> | null = null;

  /** `codes` is not filled: every row read sets its code, so spare capacity is never touched. */
  constructor(
    codes: Int32Array,
    private readonly cap = GROUPING_CAP,
  ) {
    this.codes = codes;
  }

  lendTail(from: number): Int32Array {
    this.lentTail = { whole: this.codes, from };
    this.codes = this.codes.subarray(0, from);
    return this.lentTail.whole.subarray(from);
  }

  /** Code of the value found by the last `scan`. */
  scanned = NO_VALUE;

  /**
   * Reads an unquoted cell starting at `i` up to the next delimiter or line end, sets its code as `row`'s and
   * leaves it in `scanned`; returns where the cell ends, or -1 when it runs into the end of a buffer that is
   * not the last. A row the reader then rolls back keeps the code until the next row overwrites it: rows past
   * the count read are never used.
   */
  scan(bytes: Buffer, i: number, delimiter: number, row: number, final: boolean): number {
    const start = i;
    const length = bytes.length;
    const repeated = this.repeatEnd(bytes, start, delimiter);
    if (repeated >= 0) {
      if (row >= this.codes.length) this.growCodes(row + 1);
      this.codes[row] = this.scanned;
      return repeated;
    }
    let hash = FNV_OFFSET;
    while (i < length) {
      const byte = bytes[i] as number;
      if (byte === delimiter || byte === LF || byte === CR) break;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
      i++;
    }
    if (i >= length && !final) return -1;
    const code = i === start ? NO_VALUE : this.codeOfCell(bytes, start, i, hash);
    this.scanned = code;
    if (row >= this.codes.length) this.growCodes(row + 1);
    this.codes[row] = code;
    return i;
  }

  /**
   * Where the cell at `start` ends when its bytes are exactly the last scanned value's, else -1. Exports are
   * often sorted by campaign or date, so a dimension repeats row after row: the repeat is found by one
   * comparison, without hashing or probing. A cell that differs mostly differs in length or in its last
   * byte, which are checked first. Equal bytes always meant the same code (a dictionary value is its own
   * trimmed, valid UTF-8 text), except past the cap, where every cell is appended and this is off.
   */
  private repeatEnd(bytes: Buffer, start: number, delimiter: number): number {
    const code = this.scanned;
    if (code < 0 || this.slots === null) return -1;
    const offsets = this.offsets;
    const at = offsets[code] as number;
    const end = start + (offsets[code + 1] as number) - at;
    // The byte after the cell must be in this buffer: a cell that may go on in the next chunk is not judged.
    if (end >= bytes.length) return -1;
    const after = bytes[end] as number;
    if (after !== delimiter && after !== LF && after !== CR) return -1;
    const pool = this.pool;
    for (let k = end - start - 1; k >= 0; k--) if (pool[at + k] !== bytes[start + k]) return -1;
    return end;
  }

  /** The code of a cell's value (NO_VALUE when blank), adding the value to the dictionary when new. */
  lookup(bytes: Buffer, start: number, end: number, flag: number): number {
    if (start === end) return NO_VALUE;
    if (flag === FIELD_ESCAPED)
      return this.codeOfText(bytes.toString("utf8", start, end).replaceAll('""', '"'));
    return this.codeOfCell(bytes, start, end, hashOf(bytes, start, end));
  }

  setCode(row: number, code: number): void {
    if (row >= this.codes.length) this.growCodes(row + 1);
    this.codes[row] = code;
  }

  private growCodes(minimum: number): void {
    const codes = new Int32Array(Math.max(minimum, this.codes.length * 2));
    codes.set(this.codes);
    this.codes = codes;
  }

  isSummary(code: number): boolean {
    return code !== NO_VALUE && this.summary[code] === 1;
  }

  value(code: number): string {
    return decodeValue(this.dictionary(), code);
  }

  /** The finished column, its dictionary reduced to the values rows use (summary labels are not among them). */
  finish(rowCount: number): ReadText {
    // A view, not a copy, as for numbers: the spare capacity is a few percent of a column.
    const codes = this.codes.length === rowCount ? this.codes : this.codes.subarray(0, rowCount);
    return {
      codes,
      text: keepUsedValues(codes, this.dictionary()),
      overCap: this.slots === null,
      cap: this.cap,
    };
  }

  /**
   * Appends a column read from a later piece of the same file: each of the piece's values is looked up in
   * this dictionary once, then its rows take the codes found. Values only the piece's dropped rows used are
   * left out at `finish`, as in a read on one thread.
   */
  absorb(piece: TextColumn, rowCount: number, pieceRows: number): void {
    const lent = this.lentTail;
    this.lentTail = null;
    // Rows are recoded in order, each written at or before where it is read: in place when both halves share
    // one array.
    if (lent && this.codes.buffer === lent.whole.buffer) this.codes = lent.whole;
    const pool = Buffer.from(piece.pool.buffer, piece.pool.byteOffset, piece.poolUsed);
    const codes = new Int32Array(piece.count);
    let entry = 0;
    for (; entry < piece.count && this.slots !== null; entry++) {
      const start = piece.offsets[entry] as number;
      const end = piece.offsets[entry + 1] as number;
      codes[entry] = this.codeOfBytes(pool, start, end, hashOf(pool, start, end));
    }
    if (entry < piece.count) this.appendAll(piece, entry, codes);
    if (rowCount + pieceRows > this.codes.length) this.growCodes(rowCount + pieceRows);
    const target = this.codes;
    inBlocks(pieceRows, (from, to) => recodeRows(piece.codes, codes, target, rowCount, from, to));
  }

  /** Past the cap nothing is merged: the piece's remaining values are appended as one copy of bytes. */
  private appendAll(piece: TextColumn, from: number, codes: Int32Array): void {
    const start = piece.offsets[from] as number;
    const length = piece.poolUsed - start;
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    this.pool.set(piece.pool.subarray(start, piece.poolUsed), this.poolUsed);
    const shift = this.poolUsed - start;
    while (this.count + (piece.count - from) + 1 >= this.offsets.length) this.growEntries();
    for (let entry = from; entry < piece.count; entry++) {
      const code = this.count++;
      codes[entry] = code;
      this.offsets[code + 1] = (piece.offsets[entry + 1] as number) + shift;
      this.summary[code] = piece.summary[entry] as number;
    }
    this.poolUsed += length;
  }

  private dictionary(): TextDictionary {
    const bytes = new Uint8Array(this.pool.buffer, this.pool.byteOffset, this.poolUsed);
    return { bytes, offsets: this.offsets.subarray(0, this.count + 1) };
  }

  /** A cell whose bytes are its value (nothing to trim, no placeholder) is looked up as bytes. */
  private codeOfCell(bytes: Buffer, start: number, end: number, hash: number): number {
    const first = bytes[start] as number;
    const last = bytes[end - 1] as number;
    if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f && first !== DASH && first !== BRACKET) {
      return this.codeOfBytes(bytes, start, end, hash);
    }
    return this.codeOfText(bytes.toString("utf8", start, end));
  }

  private codeOfText(text: string): number {
    const value = text.trim();
    if (value === "" || EMPTY_MARKER.test(value)) return NO_VALUE;
    const bytes = Buffer.from(value, "utf8");
    return this.codeOfBytes(bytes, 0, bytes.length, hashOf(bytes, 0, bytes.length));
  }

  private codeOfBytes(bytes: Buffer, start: number, end: number, hash: number): number {
    const slots = this.slots;
    if (slots === null) return this.append(bytes, start, end);
    const mask = slots.length - 1;
    const length = end - start;
    let slot = spread(hash) & mask;
    while (true) {
      const entry = slots[slot] as number;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.sameBytes(entry, bytes, start, length)) return entry;
      slot = (slot + 1) & mask;
    }
    if (this.count >= this.cap) {
      this.slots = null;
      this.hashes = new Int32Array(0);
      return this.append(bytes, start, end);
    }
    const code = this.append(bytes, start, end);
    this.hashes[code] = hash;
    slots[slot] = code;
    if (this.count * 2 > slots.length) this.rehash();
    return code;
  }

  private append(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) this.growPool(length);
    const pool = this.pool;
    const at = this.poolUsed;
    if (length < SHORT_VALUE) for (let i = 0; i < length; i++) pool[at + i] = bytes[start + i] as number;
    else bytes.copy(pool, at, start, end);
    const code = this.count++;
    if (code + 1 >= this.offsets.length) this.growEntries();
    this.poolUsed = at + length;
    this.offsets[code + 1] = this.poolUsed;
    if (mayStartSummaryLabel(bytes, start, end) && summaryLabel(bytes.toString("utf8", start, end))) {
      this.summary[code] = 1;
    }
    return code;
  }

  private sameBytes(entry: number, bytes: Buffer, start: number, length: number): boolean {
    const at = this.offsets[entry] as number;
    if ((this.offsets[entry + 1] as number) - at !== length) return false;
    const pool = this.pool;
    for (let i = 0; i < length; i++) if (pool[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private growPool(needed: number): void {
    const size = Math.min(MAX_TEXT_BYTES, Math.max(this.pool.length * 2, this.poolUsed + needed));
    if (this.poolUsed + needed > size) {
      throw new IngestError(
        "a text column holds more than 2 GB of text: export fewer columns or a shorter period, or split the file",
      );
    }
    const pool = Buffer.allocUnsafe(size);
    this.pool.copy(pool, 0, 0, this.poolUsed);
    this.pool = pool;
  }

  private growEntries(): void {
    const size = this.offsets.length * 2;
    const offsets = new Int32Array(size);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const summary = new Uint8Array(size);
    summary.set(this.summary);
    this.summary = summary;
    if (this.slots !== null) {
      const hashes = new Int32Array(size);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
  }

  private rehash(): void {
    const slots = new Int32Array((this.slots as Int32Array).length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = spread(this.hashes[entry] as number) & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

/** Piece rows [from, to) into `target` from row `shift` on, each code looked up in `codes` (blanks kept). */
function recodeRows(
  pieceCodes: Int32Array,
  codes: Int32Array,
  target: Int32Array,
  shift: number,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const code = pieceCodes[row] as number;
    target[shift + row] = code < 0 ? code : (codes[code] as number);
  }
}

/** Mixes FNV's high bits into the low ones the table uses: ids that differ in one character spread out. */
function spread(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return mixed ^ (mixed >>> 13);
}

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), FNV_PRIME);
  return hash;
}
