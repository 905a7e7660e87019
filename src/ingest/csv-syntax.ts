import { joinChunks } from "./export-source.js";

/**
 * The CSV syntax both readers follow (RFC 4180 with what platforms really write): quoted cells with doubled
 * quotes and line breaks inside, stray bytes after a closing quote ignored (as Excel and csv-parse's relax
 * mode do), CRLF, LF and lone CR line ends, and records cut across chunk boundaries. The row tokenizer and
 * the columnar scanner differ only in what they do with a cell, never in where a cell ends.
 */

export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** A field's bytes are [start, end) of the row buffer; quoted fields exclude their quotes. */
export const FIELD_PLAIN = 0;
export const FIELD_QUOTED = 1;
/** Quoted and containing doubled quotes that must be undone to get the text. */
export const FIELD_ESCAPED = 2;

/** What readQuotedCell found; one object is reused for every cell so the hot path allocates nothing. */
export interface QuotedCell {
  /** End of the quoted content (the closing quote's position). */
  contentEnd: number;
  flag: typeof FIELD_QUOTED | typeof FIELD_ESCAPED;
  /** Line breaks inside the quotes. */
  lines: number;
}

/**
 * Reads the quoted cell whose opening quote is at `i`. Returns where the cell ends (at the delimiter or
 * line end after any stray bytes), or -1 when it may continue in the next chunk. An unclosed quote at the
 * very end of the file keeps what is there rather than lose the row.
 */
export function readQuotedCell(
  data: Buffer,
  i: number,
  delimiter: number,
  final: boolean,
  cell: QuotedCell,
): number {
  const length = data.length;
  let j = i + 1;
  let flag: QuotedCell["flag"] = FIELD_QUOTED;
  let lines = 0;
  while (true) {
    if (j >= length) {
      if (!final) return -1;
      break;
    }
    const byte = data[j] as number;
    if (byte === QUOTE) {
      if (j + 1 < length && data[j + 1] === QUOTE) {
        flag = FIELD_ESCAPED;
        j += 2;
        continue;
      }
      if (j + 1 >= length && !final) return -1;
      break;
    }
    if (byte === LF || (byte === CR && data[j + 1] !== LF)) lines++;
    j++;
  }
  cell.contentEnd = j;
  cell.flag = flag;
  cell.lines = lines;
  let k = Math.min(j + 1, length);
  while (k < length) {
    const byte = data[k] as number;
    if (byte === delimiter || byte === LF || byte === CR) break;
    k++;
  }
  return k;
}

/** Where an unquoted cell at `i` ends, or -1 when it may continue in the next chunk. */
export function plainCellEnd(data: Buffer, i: number, delimiter: number, final: boolean): number {
  const length = data.length;
  while (i < length) {
    const byte = data[i] as number;
    if (byte === delimiter || byte === LF || byte === CR) break;
    i++;
  }
  return i >= length && !final ? -1 : i;
}

/**
 * Feeds a reader whole records from chunks: the bytes after the last complete record wait for the next
 * chunk, and a CR that ends one chunk swallows the LF that may start the next.
 */
export abstract class ChunkedCsv {
  private carry: Buffer | null = null;
  private skipLeadingLf = false;

  push(chunk: Uint8Array): void {
    let data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (data[0] === LF) data = data.subarray(1);
    }
    if (this.carry) {
      data = joinChunks(this.carry, data);
      this.carry = null;
    }
    this.scan(data, false);
  }

  end(): void {
    const rest = this.carry;
    this.carry = null;
    if (rest && rest.length > 0) this.scan(rest, true);
  }

  /** True when every byte pushed so far belongs to a finished record: nothing waits for the next chunk. */
  atRecordBoundary(): boolean {
    return (this.carry === null || this.carry.length === 0) && !this.skipLeadingLf;
  }

  /** Scans whole records of `data`; calls `keep` with where an incomplete last record starts. */
  protected abstract scan(data: Buffer, final: boolean): void;

  protected keep(data: Buffer, recordStart: number): void {
    this.carry = data.subarray(recordStart);
  }

  /** Past the line end at `i`. */
  protected skipLineEnd(data: Buffer, i: number, final: boolean): number {
    if (i >= data.length) return i;
    if (data[i] === CR) {
      i++;
      if (i < data.length) {
        if (data[i] === LF) i++;
      } else if (!final) {
        this.skipLeadingLf = true;
      }
      return i;
    }
    return i + 1;
  }
}
