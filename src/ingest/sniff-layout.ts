import { CsvTokenizer, rowTexts } from "./csv-tokenizer.js";
import { IngestError } from "./ingest-error.js";

export interface Layout {
  delimiter: string;
  /** Physical line (1-based) of the header row. */
  headerLine: number;
  header: string[];
  /** Title, date-range and comment lines above the header, as text. */
  preamble: string[];
  /** Rows after the header in the sample, to infer column types from. */
  sample: Array<{ line: number; fields: string[] }>;
}

const CANDIDATES = ["\t", ";", ",", "|"];
const LOOKAHEAD_ROWS = 200;
const MAX_PREAMBLE_ROWS = 40;
/** Enough rows to see each column's type and number format, few enough to read in a millisecond or two. */
const SAMPLE_ROWS = 1500;

interface Candidate {
  delimiter: string;
  rows: Array<{ line: number; fields: string[] }>;
  start: number;
  width: number;
  consistency: number;
}

/**
 * Finds the delimiter and the header row in the first bytes of a file. Platform exports put titles, date
 * ranges and `#` comment blocks above the header, so the header is the first row that starts a block of rows
 * with the same number of fields, not line 1; the delimiter is the one that makes that block most regular.
 */
export function sniffLayout(head: Buffer, headIsWholeFile: boolean): Layout {
  let best: Candidate | null = null;
  let bestRows: HeadRows | null = null;
  for (const delimiter of CANDIDATES) {
    // The block is chosen within the first rows; only the chosen delimiter's rows are read on for the sample.
    const rows = new HeadRows(head, delimiter, headIsWholeFile);
    rows.readAtLeast(MAX_PREAMBLE_ROWS + LOOKAHEAD_ROWS + 1);
    const candidate = bestBlock(delimiter, rows.rows);
    if (!candidate) continue;
    if (
      !best ||
      candidate.consistency > best.consistency + 1e-9 ||
      (Math.abs(candidate.consistency - best.consistency) <= 1e-9 && candidate.width > best.width)
    ) {
      best = candidate;
      bestRows = rows;
    }
  }
  bestRows?.readAll();
  if (!best && !headIsWholeFile && !head.includes(0x0a) && !head.includes(0x0d)) refuseLongFirstLine(head);
  if (!best) {
    const firstLine = head.toString("utf8", 0, Math.min(head.length, 200)).split(/\r\n|\r|\n/)[0] ?? "";
    throw new IngestError(
      `no table found: no line splits into two or more columns by comma, semicolon, tab or pipe (the first line is "${firstLine.slice(0, 80)}"); a usable file has a header row such as "Date,Campaign,Spend,Clicks" and one row per line below it`,
    );
  }
  const headerRow = best.rows[best.start] as { line: number; fields: string[] };
  return {
    delimiter: best.delimiter,
    headerLine: headerRow.line,
    header: headerRow.fields,
    preamble: best.rows.slice(0, best.start).map((row) => row.fields.join(best.delimiter)),
    sample: best.rows.slice(best.start + 1, best.start + 1 + SAMPLE_ROWS),
  };
}

/** A first line longer than the whole sniff window: a table far wider than any export, or not a table. */
function refuseLongFirstLine(head: Buffer): never {
  const widest = CANDIDATES.map((delimiter) => ({
    delimiter,
    count: head.toString("utf8").split(delimiter).length,
  })).sort((a, b) => b.count - a.count)[0] as { delimiter: string; count: number };
  const kib = Math.round(head.length / 1024);
  const what =
    widest.count > 1
      ? `the first line has more than ${widest.count.toLocaleString("en-US")} columns in its first ${kib} KB and does not end there`
      : `the first line does not end within the first ${kib} KB`;
  throw new IngestError(
    `${what}: ad-platform exports have at most a few hundred columns; export the report again with the columns you need, one row per line`,
  );
}

/** Slices the head is tokenized in, so that a delimiter can be judged on its first rows alone. */
const SLICE_BYTES = 8 * 1024;

/**
 * The head's rows under one delimiter, tokenized as far as asked: the rows read so far are always the first
 * rows of the whole head (the tokenizer is indifferent to where its input is cut).
 */
class HeadRows {
  readonly rows: Array<{ line: number; fields: string[] }> = [];
  private readonly tokenizer: CsvTokenizer;
  private offset = 0;
  private ended = false;

  constructor(
    private readonly head: Buffer,
    delimiter: string,
    private readonly final: boolean,
  ) {
    this.tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (row) => {
      this.rows.push({ line: row.line, fields: rowTexts(row) });
    });
  }

  readAtLeast(count: number): void {
    while (this.rows.length < count && this.offset < this.head.length) {
      const end = Math.min(this.offset + SLICE_BYTES, this.head.length);
      this.tokenizer.push(this.head.subarray(this.offset, end));
      this.offset = end;
    }
    if (this.offset >= this.head.length && this.final && !this.ended) {
      this.tokenizer.end();
      this.ended = true;
    }
  }

  readAll(): void {
    this.readAtLeast(Number.POSITIVE_INFINITY);
  }
}

function bestBlock(delimiter: string, rows: Array<{ line: number; fields: string[] }>): Candidate | null {
  const limit = Math.min(rows.length, MAX_PREAMBLE_ROWS);
  for (let start = 0; start < limit; start++) {
    const fields = (rows[start] as { fields: string[] }).fields;
    const width = fields.length;
    if (width < 2 || isComment(fields) || isPaddedLine(fields)) continue;
    const following = rows.slice(start + 1, start + 1 + LOOKAHEAD_ROWS);
    const matching = following.filter((row) => row.fields.length === width).length;
    const consistency = following.length === 0 ? 1 : matching / following.length;
    // A short file may have one odd row (a footer, GA4's grand total, a ragged line reported later).
    const oneOdd = matching >= 1 && following.length - matching <= 1;
    if (consistency >= 0.8 || oneOdd) return { delimiter, rows, start, width, consistency };
  }
  return null;
}

/**
 * A title or a blank line that a spreadsheet saved as CSV pads with delimiters to the table's width
 * ("Campaign performance,,,"): a header names most of its columns.
 */
function isPaddedLine(fields: string[]): boolean {
  const named = fields.filter((field) => field.trim() !== "").length;
  return named < 2 || named * 2 < fields.length;
}

function isComment(fields: string[]): boolean {
  return (fields[0] ?? "").startsWith("#") && fields.slice(1).every((field) => field.trim() === "");
}
