import { ChunkedCsv, CR, LF, plainCellEnd, QUOTE, type QuotedCell, readQuotedCell } from "./csv-syntax.js";
import { CsvTokenizer } from "./csv-tokenizer.js";
import { DateColumn } from "./date-column.js";
import type { FactBuilder } from "./fact-builder.js";
import { NumberColumn } from "./number-column.js";
import { TextColumn } from "./text-column.js";

/**
 * The fast path of ingestion: reads records straight into the typed columns, each cell parsed by its
 * column's reader in the same pass that finds where the cell ends, so every byte is looked at once. Rows
 * that need care (the preamble and header, summary rows, rows of the wrong width, blank lines) are rolled
 * back and handed to the plain tokenizer and FactBuilder.onRow, which decide what they are.
 */
export class ColumnarScanner extends ChunkedCsv {
  private line = 1;
  private readonly quoted: QuotedCell = { contentEnd: 0, flag: 1, lines: 0 };
  private readonly width: number;
  private readonly readers: Array<NumberColumn | DateColumn | null>;
  /** The same readers split by kind, so each call site below sees one class and V8 can inline it. */
  private readonly numberReaders: Array<NumberColumn | null>;
  private readonly dateReaders: Array<DateColumn | null>;
  private readonly textReaders: Array<TextColumn | null>;

  constructor(
    private readonly delimiter: number,
    private readonly builder: FactBuilder,
    private readonly headerLine: number,
  ) {
    super();
    this.width = builder.width;
    this.numberReaders = builder.sinks.map((sink) => (sink instanceof NumberColumn ? sink : null));
    this.dateReaders = builder.sinks.map((sink) => (sink instanceof DateColumn ? sink : null));
    this.textReaders = builder.sinks.map((sink) => (sink instanceof TextColumn ? sink : null));
    this.readers = builder.sinks.map((sink) =>
      sink instanceof NumberColumn || sink instanceof DateColumn ? sink : null,
    );
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  protected scan(data: Buffer, final: boolean): void {
    const length = data.length;
    const delimiter = this.delimiter;
    const width = this.width;
    const builder = this.builder;
    const numberReaders = this.numberReaders;
    const dateReaders = this.dateReaders;
    const textReaders = this.textReaders;
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
      /** A text cell held a summary label ("Total: Account"): the row goes to the careful path. */
      let summary = false;
      while (true) {
        if (i < length && data[i] === QUOTE) {
          const quoted = readQuotedCell(data, i, delimiter, final, this.quoted);
          if (quoted < 0) {
            builder.rollback(index);
            this.keep(data, rowStart);
            return;
          }
          quotedLines += this.quoted.lines;
          if (column < width && this.acceptQuoted(data, i, column, index, line)) summary = true;
          i = quoted;
        } else if (column >= width) {
          fits = false;
          break;
        } else {
          const text = textReaders[column];
          if (text) {
            i = text.scan(data, i, delimiter, index, final);
            if (text.isSummary(text.scanned)) summary = true;
          } else {
            const numbers = numberReaders[column];
            if (numbers) i = numbers.scan(data, i, delimiter, index, line, final);
            else {
              const dates = dateReaders[column];
              i = dates
                ? dates.scan(data, i, delimiter, index, line, final)
                : plainCellEnd(data, i, delimiter, final);
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
      if (summary || !builder.tryCommit(line)) {
        builder.rollback(index);
        this.feedCareful(data.subarray(rowStart, afterCells), line);
      }
      this.line = line + 1 + quotedLines;
    }
  }

  /** Set by carefulRow: where the next row starts. */
  private nextStart = 0;

  /** Reads a quoted cell into its column; true when it is a text cell holding a summary label. */
  private acceptQuoted(data: Buffer, quoteAt: number, column: number, index: number, line: number): boolean {
    const start = quoteAt + 1;
    const end = this.quoted.contentEnd;
    const text = this.textReaders[column];
    if (text) {
      const code = text.lookup(data, start, end, this.quoted.flag);
      text.setCode(index, code);
      return text.isSummary(code);
    }
    this.readers[column]?.accept(data, start, end, this.quoted.flag, index, line);
    return false;
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
}
