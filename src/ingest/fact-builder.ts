import type { ColumnPlan, PlannedColumn } from "./column-plan.js";
import {
  type ColumnStorage,
  type DateParts,
  type LentColumns,
  type NumberValues,
  PRIVATE_STORAGE,
} from "./column-storage.js";
import { fieldText, type RowView, rowTexts } from "./csv-tokenizer.js";
import { DateColumn } from "./date-column.js";
import { looksLikeDateHeader } from "./header-names.js";
import { IngestError } from "./ingest-error.js";
import { NumberColumn } from "./number-column.js";
import type { DroppedRow } from "./receipt.js";
import { RowLines, type RowLinesData } from "./row-lines.js";
import { mayBeSummaryLabel, summaryLabel } from "./summary-rows.js";
import { GROUPING_CAP, TextColumn } from "./text-column.js";

export type Sink = NumberColumn | DateColumn | TextColumn;

/** A summary row the file carries, kept as text to check the data against (totals-check.ts). */
export interface FileTotalRow {
  line: number;
  label: string;
  /** Column index -> cell text. */
  cells: string[];
}

/** A builder's reading of one piece of a file; see FactBuilder.absorb. */
export interface PieceRead {
  rowCount: number;
  lines: RowLinesData;
  sinks: Array<Sink | null>;
  fileTotals: FileTotalRow[];
  dropped: DroppedRow[];
  droppedCount: number;
}

const SPACE = 0x20;
const MAX_DROPPED_LISTED = 200;

/**
 * Turns tokenized records into typed columns following the column plan: skips the preamble and header,
 * sets summary rows aside, refuses ragged rows, and hands every other cell to its column's reader.
 */
export class FactBuilder {
  readonly sinks: Array<Sink | null>;
  rowCount = 0;
  readonly dropped: DroppedRow[] = [];
  droppedCount = 0;
  readonly fileTotals: FileTotalRow[] = [];
  /** The line each kept row starts on, so rows found later to be totals can be listed by line. */
  private readonly lines = new RowLines();
  readonly width: number;
  readonly textSinks: Array<{ column: number; sink: TextColumn; dimension: boolean }> = [];
  private readonly valueSinks: Array<{ column: number; sink: NumberColumn | DateColumn }> = [];
  private readonly dateSinks: DateColumn[] = [];
  private readonly dateColumns: number[];
  /** The codes of the current row's text cells, committed only once the row is known to be data (onRow). */
  private readonly rowCodes: Int32Array;

  /**
   * Columns are allocated from `storage` for `rowCapacity` rows, or, for the reader of a later piece, are
   * the tails another builder lent (then `rowCapacity` is not used).
   */
  constructor(
    plan: ColumnPlan,
    private readonly headerLine: number,
    readonly rowCapacity: number,
    groupingCap = GROUPING_CAP,
    storage: ColumnStorage | LentColumns = PRIVATE_STORAGE,
  ) {
    this.width = plan.columns.length;
    if ("sinks" in storage) {
      this.sinks = plan.columns.map((column, index) =>
        lentSinkFor(column, storage.sinks[index] ?? null, groupingCap),
      );
    } else {
      this.sinks = plan.columns.map((column) => sinkFor(column, rowCapacity, groupingCap, storage));
    }
    plan.columns.forEach((column, index) => {
      const sink = this.sinks[index];
      if (sink instanceof TextColumn) {
        const dimension = column.role.kind === "dimension" || column.role.kind === "flexible";
        this.textSinks.push({ column: index, sink, dimension });
      } else if (sink) {
        this.valueSinks.push({ column: index, sink });
        if (sink instanceof DateColumn) this.dateSinks.push(sink);
      }
    });
    this.rowCodes = new Int32Array(this.textSinks.length);
    this.dateColumns = plan.columns
      .filter((column) => column.role.kind === "date")
      .map((column) => column.index);
  }

  readonly onRow = (row: RowView): void => {
    if (row.line <= this.headerLine) return;
    if (row.count !== this.width && !this.fitRow(row)) return;
    const { bytes, starts, ends, flags } = row;
    const textSinks = this.textSinks;
    const codes = this.rowCodes;
    let label: string | null = null;
    for (let k = 0; k < textSinks.length; k++) {
      const { column, sink } = textSinks[k] as { column: number; sink: TextColumn };
      const code = sink.lookup(
        bytes,
        starts[column] as number,
        ends[column] as number,
        flags[column] as number,
      );
      codes[k] = code;
      if (label === null && sink.isSummary(code)) label = sink.value(code);
    }
    label ??= this.labelInDateColumn(row);
    if (label) {
      this.fileTotals.push({ line: row.line, label, cells: rowTexts(row).slice(0, this.width) });
      this.drop(row.line, `summary row "${label}"`);
      return;
    }
    const index = this.newRow(row.line);
    for (let k = 0; k < textSinks.length; k++)
      (textSinks[k] as { sink: TextColumn }).sink.setCode(index, codes[k] as number);
    const valueSinks = this.valueSinks;
    for (let k = 0; k < valueSinks.length; k++) {
      const { column, sink } = valueSinks[k] as { column: number; sink: NumberColumn | DateColumn };
      sink.accept(
        bytes,
        starts[column] as number,
        ends[column] as number,
        flags[column] as number,
        index,
        row.line,
      );
    }
  };

  /**
   * Commits a row the scanner has read in place (every cell already written at index `rowCount`; the scanner
   * has checked its text cells for summary labels). Returns false, committing nothing, when a date cell held
   * a summary label: the row needs the careful path.
   */
  tryCommit(line: number): boolean {
    for (let k = 0; k < this.dateSinks.length; k++) {
      const sink = this.dateSinks[k] as DateColumn;
      if (sink.sawSummaryLabel) {
        sink.sawSummaryLabel = false;
        return false;
      }
    }
    this.newRow(line);
    return true;
  }

  /**
   * Appends what another builder read from a later piece of the same file (a parallel read); its line
   * numbers count from the piece's start and move by `lineShift`. Both builders follow the same plan.
   */
  absorb(piece: PieceRead, lineShift: number): void {
    const rowCount = this.rowCount;
    const rows = piece.rowCount;
    this.sinks.forEach((sink, index) => {
      const other = piece.sinks[index];
      if (sink instanceof TextColumn) sink.absorb(other as TextColumn, rowCount, rows);
      else if (sink instanceof NumberColumn) sink.absorb(other as NumberColumn, rowCount, rows, lineShift);
      else if (sink instanceof DateColumn) sink.absorb(other as DateColumn, rowCount, rows, lineShift);
    });
    this.lines.append(piece.lines, lineShift);
    this.rowCount = rowCount + rows;
    for (const total of piece.fileTotals) this.fileTotals.push({ ...total, line: total.line + lineShift });
    for (const dropped of piece.dropped) {
      if (this.dropped.length < MAX_DROPPED_LISTED)
        this.dropped.push({ ...dropped, line: dropped.line + lineShift });
    }
    this.droppedCount += piece.droppedCount;
  }

  /**
   * Lends the columns' rows from `from` on to the reader of a later piece (built on them with this plan), and
   * keeps the rows before it; absorb then finds the piece's rows already in place. Needs shared storage when
   * the borrower is another thread.
   */
  lendTail(from: number): LentColumns {
    return { from, sinks: this.sinks.map((sink) => sink?.lendTail(from) ?? null) };
  }

  /** What a builder read, in a form that crosses to another thread (its sinks' fields, without methods). */
  pieceRead(): PieceRead {
    return {
      rowCount: this.rowCount,
      lines: this.lines,
      sinks: this.sinks,
      fileTotals: this.fileTotals,
      dropped: this.dropped,
      droppedCount: this.droppedCount,
    };
  }

  /** The starting line of every kept row, by row index. */
  rowLines(): RowLines {
    return this.lines;
  }

  private newRow(line: number): number {
    this.lines.push(line);
    return this.rowCount++;
  }

  /** Undoes the values the scanner wrote for a row it did not commit. */
  rollback(index: number): void {
    for (const { sink } of this.valueSinks) sink.rollback(index);
  }

  drop(line: number, reason: string): void {
    this.droppedCount++;
    if (this.dropped.length < MAX_DROPPED_LISTED) this.dropped.push({ line, reason });
  }

  /** Rows of another width: trailing empty fields are fine, GA4's grand total has one more, all else is ragged. */
  private fitRow(row: RowView): boolean {
    if (row.count > this.width) {
      let extraText = "";
      for (let i = this.width; i < row.count; i++) extraText += fieldText(row, i).trim();
      if (extraText === "") {
        row.count = this.width;
        return true;
      }
      const label = summaryLabel(extraText);
      if (label) {
        this.fileTotals.push({ line: row.line, label, cells: rowTexts(row).slice(0, this.width) });
        this.drop(row.line, `summary row "${label}"`);
        return false;
      }
    }
    if (row.count === 1) {
      const text = fieldText(row, 0).trim();
      if (text.startsWith("#")) return false;
      this.drop(row.line, `not a data row: a single value "${text.slice(0, 60)}" (a note or footer line)`);
      return false;
    }
    throw new IngestError(
      `line ${row.line} has ${row.count} fields but the header (line ${this.headerLine}) has ${this.width}: the rows are ragged, usually because a value contains an unquoted delimiter; export the report again, or put quotes around values that contain delimiters`,
    );
  }

  /** Daily Google Ads reports print "Total: ..." in the Day column. */
  private labelInDateColumn(row: RowView): string | null {
    for (const column of this.dateColumns) {
      let start = row.starts[column] as number;
      const end = row.ends[column] as number;
      while (start < end && row.bytes[start] === SPACE) start++;
      if (start === end || !mayBeSummaryLabel(row.bytes[start])) continue;
      const label = summaryLabel(fieldText(row, column));
      if (label) return label;
    }
    return null;
  }
}

type SinkKind = "number" | "date" | "text";

function sinkKind(column: PlannedColumn): SinkKind | null {
  switch (column.role.kind) {
    case "measure":
    case "roas":
    case "extra":
      return "number";
    case "date":
      return column.profile.dates === 0 && column.profile.numbers > 0 ? "number" : "date";
    case "dimension":
    case "flexible":
    case "currency":
      return "text";
    case "ignored":
      return null;
  }
}

function sinkFor(
  column: PlannedColumn,
  capacity: number,
  groupingCap: number,
  storage: ColumnStorage,
): Sink | null {
  switch (sinkKind(column)) {
    case "number": {
      const { numbers, singlePrecision } = column.profile;
      const narrow = numbers > 0 && singlePrecision === numbers;
      return new NumberColumn(narrow ? storage.float32(capacity) : storage.float64(capacity));
    }
    case "date":
      return new DateColumn(
        { packed: storage.int32(capacity), kinds: storage.uint8(capacity) },
        looksLikeDateHeader(column.header),
      );
    case "text":
      return new TextColumn(storage.int32(Math.max(capacity, 16)), groupingCap);
    case null:
      return null;
  }
}

/** A sink writing into the tail another builder lent for the same column of the same plan. */
function lentSinkFor(
  column: PlannedColumn,
  lent: LentColumns["sinks"][number],
  groupingCap: number,
): Sink | null {
  switch (sinkKind(column)) {
    case "number":
      return new NumberColumn(lent as NumberValues, true);
    case "date":
      return new DateColumn(lent as DateParts, looksLikeDateHeader(column.header), true);
    case "text":
      return new TextColumn(lent as Int32Array, groupingCap);
    case null:
      return null;
  }
}
