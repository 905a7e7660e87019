import { CsvTokenizer } from "./csv-tokenizer.js";
import { DateColumn } from "./date-column.js";
import { joinChunks } from "./export-source.js";
import type { FactBuilder } from "./fact-builder.js";
import { NumberColumn } from "./number-column.js";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The fast path of ingestion: reads records straight into the typed columns, each cell parsed by its
 * column's reader in the same pass that finds where the cell ends, so every byte is looked at once. Rows
 * that need care (the preamble and header, summary rows, rows of the wrong width, blank lines) are rolled
 * back and handed to the plain tokenizer and FactBuilder.onRow, which decide what they are.
 */
export class ColumnarScanner {
  private carry: Buffer | null = null;
  private line = 1;
  private skipLeadingLf = false;
  private readonly width: number;
  private readonly readers: Array<NumberColumn | DateColumn | null>;
  /** The same readers split by kind, so each call site below sees one class and V8 can inline it. */
  private readonly numberReaders: Array<NumberColumn | null>;
  private readonly dateReaders: Array<DateColumn | null>;

  constructor(
    private readonly delimiter: number,
    private readonly builder: FactBuilder,
    private readonly headerLine: number,
  ) {
    this.width = builder.width;
    this.numberReaders = builder.sinks.map((sink) => (sink instanceof NumberColumn ? sink : null));
    this.dateReaders = builder.sinks.map((sink) => (sink instanceof DateColumn ? sink : null));
    this.readers = builder.sinks.map((sink) =>
      sink instanceof NumberColumn || sink instanceof DateColumn ? sink : null,
    );
  }

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

  private scan(data: Buffer, final: boolean): void {
    const length = data.length;
    const delimiter = this.delimiter;
    const width = this.width;
    const builder = this.builder;
    const numberReaders = this.numberReaders;
    const dateReaders = this.dateReaders;
    const textSlot = builder.textSlot;
    const textSinks = builder.textSinks;
    const rowCodes = builder.rowCodes;
    // A row that starts after the last line break may be cut off: it waits for the next chunk, so a
    // number cut in half ("1.23|4,56") never counts as evidence of a decimal style.
    const safeEnd = final ? length : Math.max(data.lastIndexOf(LF), data.lastIndexOf(CR)) + 1;
    let i = 0;
    while (i < length) {
      const rowStart = i;
      if (i >= safeEnd) {
        this.keep(data, rowStart);
        return;
      }
      const line = this.line;
      if (line <= this.headerLine) {
        if (!this.carefulRow(data, rowStart, final)) {
          this.keep(data, rowStart);
          return;
        }
        i = this.nextStart;
        continue;
      }
      const index = builder.rowCount;
      let column = 0;
      let quotedLines = 0;
      let fits = true;
      while (true) {
        if (i < length && data[i] === QUOTE) {
          const quoted = this.readQuoted(data, i, final);
          if (quoted < 0) {
            builder.rollback(index);
            this.keep(data, rowStart);
            return;
          }
          quotedLines += this.quotedLines;
          if (column < width) this.acceptQuoted(data, i, column, index, line);
          i = quoted;
        } else if (column >= width) {
          fits = false;
          break;
        } else {
          const slot = textSlot[column] as number;
          if (slot >= 0) {
            const sink = (textSinks[slot] as FactBuilder["textSinks"][number]).sink;
            i = sink.scan(data, i, delimiter, final);
            rowCodes[slot] = sink.scanned;
          } else {
            const numbers = numberReaders[column];
            if (numbers) i = numbers.scan(data, i, delimiter, index, line, final);
            else {
              const dates = dateReaders[column];
              i = dates
                ? dates.scan(data, i, delimiter, index, line, final)
                : skipCell(data, i, delimiter, final);
            }
          }
          if (i < 0) {
            builder.rollback(index);
            this.keep(data, rowStart);
            return;
          }
        }
        column++;
        if (i < length && data[i] === delimiter) {
          i++;
          continue;
        }
        break;
      }
      if (i >= length && !final) {
        builder.rollback(index);
        this.keep(data, rowStart);
        return;
      }
      if (!fits || column !== width) {
        builder.rollback(index);
        if (!this.carefulRow(data, rowStart, final)) {
          this.keep(data, rowStart);
          return;
        }
        i = this.nextStart;
        continue;
      }
      const afterCells = i;
      i = this.skipLineEnd(data, i, final);
      if (!builder.tryCommit(line)) {
        builder.rollback(index);
        this.feedCareful(data.subarray(rowStart, afterCells), line);
      }
      this.line = line + 1 + quotedLines;
    }
  }

  /** Set by readQuoted: line breaks inside the quoted cell just read. */
  private quotedLines = 0;
  private quotedFlag = 0;
  private quotedEnd = 0;
  /** Set by carefulRow: where the next row starts. */
  private nextStart = 0;

  /** Reads a quoted cell at `i`; returns where the cell ends (after stray bytes), or -1 when more data is needed. */
  private readQuoted(data: Buffer, i: number, final: boolean): number {
    const length = data.length;
    let j = i + 1;
    let flag = 1;
    let lines = 0;
    while (true) {
      if (j >= length) {
        if (!final) return -1;
        break;
      }
      const byte = data[j] as number;
      if (byte === QUOTE) {
        if (j + 1 < length && data[j + 1] === QUOTE) {
          flag = 2;
          j += 2;
          continue;
        }
        if (j + 1 >= length && !final) return -1;
        break;
      }
      if (byte === LF || (byte === CR && data[j + 1] !== LF)) lines++;
      j++;
    }
    this.quotedEnd = j;
    this.quotedFlag = flag;
    this.quotedLines = lines;
    let k = Math.min(j + 1, length);
    while (k < length) {
      const byte = data[k] as number;
      if (byte === this.delimiter || byte === LF || byte === CR) break;
      k++;
    }
    return k;
  }

  private acceptQuoted(data: Buffer, quoteAt: number, column: number, index: number, line: number): void {
    const start = quoteAt + 1;
    const end = this.quotedEnd;
    const slot = this.builder.textSlot[column] as number;
    if (slot >= 0) {
      const sink = (this.builder.textSinks[slot] as FactBuilder["textSinks"][number]).sink;
      this.builder.rowCodes[slot] = sink.lookup(data, start, end, this.quotedFlag);
      return;
    }
    this.readers[column]?.accept(data, start, end, this.quotedFlag, index, line);
  }

  /**
   * Hands the row at `start` to the plain tokenizer; false when the row is not complete in `data`.
   * Sets `nextStart` and advances the line count.
   */
  private carefulRow(data: Buffer, start: number, final: boolean): boolean {
    const length = data.length;
    let i = start;
    let lines = 0;
    let quoted = false;
    while (i < length) {
      const byte = data[i] as number;
      if (byte === QUOTE) quoted = !quoted;
      else if (!quoted && (byte === LF || byte === CR)) break;
      else if (quoted && (byte === LF || (byte === CR && data[i + 1] !== LF))) lines++;
      i++;
    }
    if (i >= length && !final) return false;
    const line = this.line;
    this.feedCareful(data.subarray(start, i), line);
    this.nextStart = this.skipLineEnd(data, i, final);
    this.line = line + 1 + lines;
    return true;
  }

  private feedCareful(row: Buffer, line: number): void {
    const tokenizer = new CsvTokenizer(this.delimiter, this.builder.onRow, line);
    tokenizer.push(row);
    tokenizer.end();
  }

  private skipLineEnd(data: Buffer, i: number, final: boolean): number {
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

  private keep(data: Buffer, rowStart: number): void {
    this.carry = data.subarray(rowStart);
  }
}

function skipCell(data: Buffer, i: number, delimiter: number, final: boolean): number {
  const length = data.length;
  while (i < length) {
    const byte = data[i] as number;
    if (byte === delimiter || byte === LF || byte === CR) break;
    i++;
  }
  return i >= length && !final ? -1 : i;
}
