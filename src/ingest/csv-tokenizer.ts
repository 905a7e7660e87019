import {
  ChunkedCsv,
  FIELD_ESCAPED,
  FIELD_PLAIN,
  plainCellEnd,
  QUOTE,
  type QuotedCell,
  readQuotedCell,
} from "./csv-syntax.js";

/**
 * Records as byte offsets over UTF-8 chunks, for the sniffer and for the rows the columnar scanner hands
 * back (the header, summary rows, rows of another width). Cells become strings only when asked, so a
 * number never does. csv-parse is its test oracle.
 */
export interface RowView {
  bytes: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  count: number;
  /** 1-based physical line where the record starts. */
  line: number;
}

export type RowHandler = (row: RowView) => void;

export function fieldText(row: RowView, index: number): string {
  const text = row.bytes.toString("utf8", row.starts[index], row.ends[index]);
  return row.flags[index] === FIELD_ESCAPED ? text.replaceAll('""', '"') : text;
}

export function rowTexts(row: RowView): string[] {
  const texts: string[] = new Array(row.count);
  for (let i = 0; i < row.count; i++) texts[i] = fieldText(row, i);
  return texts;
}

export class CsvTokenizer extends ChunkedCsv {
  private line: number;
  private readonly row: RowView;
  private readonly quoted: QuotedCell = { contentEnd: 0, flag: 1, lines: 0 };

  constructor(
    private readonly delimiter: number,
    private readonly onRow: RowHandler,
    firstLine = 1,
  ) {
    super();
    this.line = firstLine;
    this.row = {
      bytes: Buffer.alloc(0),
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      flags: new Uint8Array(64),
      count: 0,
      line: firstLine,
    };
  }

  protected scan(data: Buffer, final: boolean): void {
    const delimiter = this.delimiter;
    const length = data.length;
    const row = this.row;
    row.bytes = data;
    let i = 0;
    let rowStart = 0;
    let rowLine = this.line;
    let line = this.line;
    let count = 0;

    while (true) {
      let fieldStart: number;
      let fieldEnd: number;
      let flag: number = FIELD_PLAIN;
      let next: number;
      if (i < length && data[i] === QUOTE) {
        next = readQuotedCell(data, i, delimiter, final, this.quoted);
        if (next >= 0) {
          fieldStart = i + 1;
          fieldEnd = this.quoted.contentEnd;
          flag = this.quoted.flag;
          line += this.quoted.lines;
        } else {
          fieldStart = fieldEnd = 0;
        }
      } else {
        next = plainCellEnd(data, i, delimiter, final);
        fieldStart = i;
        fieldEnd = next;
      }
      if (next < 0 || (next >= length && !final)) {
        this.keep(data, rowStart);
        this.line = rowLine;
        return;
      }
      i = next;

      if (count === row.starts.length) this.growRow();
      row.starts[count] = fieldStart;
      row.ends[count] = fieldEnd;
      row.flags[count] = flag;
      count++;

      if (i < length && data[i] === delimiter) {
        i++;
        continue;
      }
      // End of record: a line break or the end of the final data. A blank line is no record.
      if (!(count === 1 && fieldStart === fieldEnd && flag === FIELD_PLAIN)) {
        row.count = count;
        row.line = rowLine;
        this.onRow(row);
      }
      count = 0;
      if (i >= length) break;
      i = this.skipLineEnd(data, i, final);
      line++;
      rowStart = i;
      rowLine = line;
      if (i >= length) break;
    }
    this.line = line;
  }

  private growRow(): void {
    const size = this.row.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.row.starts);
    const ends = new Int32Array(size);
    ends.set(this.row.ends);
    const flags = new Uint8Array(size);
    flags.set(this.row.flags);
    this.row.starts = starts;
    this.row.ends = ends;
    this.row.flags = flags;
  }
}
