import type { DateParts, LentTail } from "./column-storage.js";
import { FIELD_ESCAPED } from "./csv-syntax.js";
import { parseDateText } from "./date-text.js";
import { civilToDay, NO_DAY } from "./fact-table.js";
import { summaryLabel } from "./summary-rows.js";

const DASH = 0x2d;
const LF = 0x0a;
const CR = 0x0d;
const ZERO = 0x30;
const NINE = 0x39;
const NOTHING = 0;
/** The cell's day number is in `packed` already: only one order reads it. */
const DAY = 1;
/** `packed` holds year, first and second number until the column's order is decided. */
const AMBIGUOUS = 2;

export type DayMonthOrder = "day-month" | "month-day";

/**
 * The date column, filled row by row. A cell only one order can read becomes its day number as it is read,
 * on the thread that reads it; an ambiguous one is kept as packed parts (year, and two numbers) until the
 * end, because the order of day and month in "03/05/2025" is decided by the whole column: one "25/04/2025"
 * settles it. ISO dates are read straight from bytes.
 */
export class DateColumn {
  private packed: Int32Array;
  private kinds: Uint8Array;
  /** Cells where the first number can only be a day, or only a month. */
  dayFirstEvidence = 0;
  monthFirstEvidence = 0;
  ambiguousCells = 0;
  separator: string | null = null;
  invalid = 0;
  firstInvalid: { text: string; line: number } | null = null;
  /** A value only one order can read, and an ambiguous one, for the receipt's explanation. */
  decisiveExample: string | null = null;
  example: string | null = null;
  /** Set when a cell held a summary label ("Total: Account" in a Day column). */
  sawSummaryLabel = false;
  /** Rows holding a day number: when every row read does, the column is finished as it stands. */
  dayCells = 0;
  /** The last date turned into a day: exports are usually sorted by date, so it is the likeliest next one. */
  private lastDate = -1;
  private lastDay = NO_DAY;

  /** Set while this column's tail is lent to the reader of a later piece (see NumberColumn.lendTail). */
  private lentTail: LentTail<DateParts> | null = null;

  /** `inLentTail`: the parts are another reader's lent tail, until the column outgrows them. */
  constructor(
    parts: DateParts,
    private readonly compactAllowed: boolean,
    public inLentTail = false,
  ) {
    this.packed = parts.packed;
    this.kinds = parts.kinds;
  }

  lendTail(from: number): DateParts {
    const whole = { packed: this.packed, kinds: this.kinds };
    this.lentTail = { whole, from };
    this.packed = whole.packed.subarray(0, from);
    this.kinds = whole.kinds.subarray(0, from);
    return { packed: whole.packed.subarray(from), kinds: whole.kinds.subarray(from) };
  }

  accept(bytes: Buffer, start: number, end: number, flag: number, row: number, line: number): void {
    if (row >= this.packed.length) this.grow(row + 1);
    if (flag !== FIELD_ESCAPED && end - start >= 10 && isIsoAt(bytes, start)) {
      const year = digits(bytes, start, 4);
      const month = digits(bytes, start + 5, 2);
      const day = digits(bytes, start + 8, 2);
      if (end - start === 10 || bytes[start + 10] === 0x54 || bytes[start + 10] === 0x20) {
        this.putDay(row, year * 10000 + month * 100 + day);
        return;
      }
    }
    this.acceptText(bytes.toString("utf8", start, end), row, line);
  }

  /**
   * Reads an unquoted cell starting at `i` to the next delimiter or line end; returns where it ends, or -1
   * when the cell runs into the end of a buffer that is not the last.
   */
  scan(bytes: Buffer, i: number, delimiter: number, row: number, line: number, final: boolean): number {
    const length = bytes.length;
    if (i + 10 <= length && bytes[i + 4] === DASH && bytes[i + 7] === DASH) {
      const next = i + 10 < length ? (bytes[i + 10] as number) : final ? -1 : -2;
      const y1 = (bytes[i] as number) - ZERO;
      const y2 = (bytes[i + 1] as number) - ZERO;
      const y3 = (bytes[i + 2] as number) - ZERO;
      const y4 = (bytes[i + 3] as number) - ZERO;
      const m1 = (bytes[i + 5] as number) - ZERO;
      const m2 = (bytes[i + 6] as number) - ZERO;
      const d1 = (bytes[i + 8] as number) - ZERO;
      const d2 = (bytes[i + 9] as number) - ZERO;
      // One unsigned comparison per digit: a byte below '0' wraps to a large number.
      const allDigits =
        ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) & ~15) === 0 &&
        y1 < 10 &&
        y2 < 10 &&
        y3 < 10 &&
        y4 < 10 &&
        m1 < 10 &&
        m2 < 10 &&
        d1 < 10 &&
        d2 < 10;
      if (allDigits && (next === delimiter || next === LF || next === CR || next === -1)) {
        if (row >= this.packed.length) this.grow(row + 1);
        this.putDay(row, (y1 * 1000 + y2 * 100 + y3 * 10 + y4) * 10000 + (m1 * 10 + m2) * 100 + d1 * 10 + d2);
        return i + 10;
      }
    }
    const start = i;
    while (i < length) {
      const byte = bytes[i] as number;
      if (byte === delimiter || byte === LF || byte === CR) break;
      i++;
    }
    if (i >= length && !final) return -1;
    if (i > start) this.acceptText(bytes.toString("utf8", start, i), row, line);
    return i;
  }

  rollback(row: number): void {
    if (row >= this.kinds.length) return;
    if (this.kinds[row] === DAY) this.dayCells--;
    this.kinds[row] = NOTHING;
  }

  /** Writes the day of a date (year * 10000 + month * 100 + day) that only one order reads. */
  private putDay(row: number, date: number): void {
    if (date !== this.lastDate) {
      this.lastDate = date;
      this.lastDay = civilToDay(Math.floor(date / 10000), Math.floor(date / 100) % 100, date % 100);
    }
    this.packed[row] = this.lastDay;
    if (this.kinds[row] !== DAY) this.dayCells++;
    this.kinds[row] = DAY;
  }

  acceptText(text: string, row: number, line: number): void {
    if (row >= this.packed.length) this.grow(row + 1);
    const trimmed = text.trim();
    if (trimmed === "" || trimmed === "--" || trimmed === "-") return;
    const parsed = parseDateText(trimmed, this.compactAllowed);
    if (parsed.kind === "invalid") {
      if (summaryLabel(trimmed)) {
        this.sawSummaryLabel = true;
        return;
      }
      this.invalid++;
      this.firstInvalid ??= { text: trimmed, line };
      return;
    }
    if (parsed.kind === "date") {
      this.putDay(row, parsed.year * 10000 + parsed.month * 100 + parsed.day);
      // A numeric date that is only readable one way is evidence for the whole column.
      const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(trimmed);
      if (numeric) {
        if (Number(numeric[1]) === parsed.day && parsed.day > 12) this.dayFirstEvidence++;
        else if (Number(numeric[1]) === parsed.month && parsed.day > 12) this.monthFirstEvidence++;
        this.decisiveExample ??= trimmed;
      }
      return;
    }
    if (this.kinds[row] === DAY) this.dayCells--;
    this.packed[row] = parsed.year * 10000 + parsed.first * 100 + parsed.second;
    this.kinds[row] = AMBIGUOUS;
    this.ambiguousCells++;
    this.separator ??= parsed.separator;
    this.example ??= trimmed;
  }

  /** Day/month order for ambiguous cells: the column's evidence, else the convention of its separator. */
  decideOrder(languageHint: DayMonthOrder | null): {
    order: DayMonthOrder;
    decidedBy: "values" | "convention";
  } {
    if (this.dayFirstEvidence > this.monthFirstEvidence) return { order: "day-month", decidedBy: "values" };
    if (this.monthFirstEvidence > this.dayFirstEvidence) return { order: "month-day", decidedBy: "values" };
    if (languageHint) return { order: languageHint, decidedBy: "convention" };
    return { order: this.separator === "/" ? "month-day" : "day-month", decidedBy: "convention" };
  }

  finish(order: DayMonthOrder, rowCount: number): Int32Array {
    // Every row already holds its day (the usual column of ISO dates): nothing is left to convert.
    if (this.dayCells === rowCount && this.packed.length >= rowCount)
      return this.packed.subarray(0, rowCount);
    // Days are written over the packed parts they come from (each row is read before it is written), so a
    // column of five million dates does not need a second array.
    const days =
      this.packed.length >= rowCount ? this.packed.subarray(0, rowCount) : new Int32Array(rowCount);
    let lastPacked = -1;
    let lastDay = NO_DAY;
    for (let row = 0; row < rowCount; row++) {
      const kind = this.kinds[row];
      if (kind === DAY) {
        days[row] = this.packed[row] as number;
        continue;
      }
      if (kind !== AMBIGUOUS) {
        days[row] = NO_DAY;
        continue;
      }
      let packed = this.packed[row] as number;
      if (order === "day-month") {
        const year = Math.floor(packed / 10000);
        const first = Math.floor(packed / 100) % 100;
        const second = packed % 100;
        packed = year * 10000 + second * 100 + first;
      }
      if (packed !== lastPacked) {
        lastPacked = packed;
        lastDay = civilToDay(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100);
      }
      days[row] = lastDay;
    }
    return days;
  }

  /** Appends a column read from a later piece of the same file (see NumberColumn.absorb). */
  absorb(piece: DateColumn, rowCount: number, pieceRows: number, lineShift: number): void {
    const lent = this.lentTail;
    this.lentTail = null;
    if (lent && piece.inLentTail && this.packed.buffer === lent.whole.packed.buffer) {
      lent.whole.packed.copyWithin(rowCount, lent.from, lent.from + pieceRows);
      lent.whole.kinds.copyWithin(rowCount, lent.from, lent.from + pieceRows);
      this.packed = lent.whole.packed;
      this.kinds = lent.whole.kinds;
    } else {
      if (rowCount + pieceRows > this.packed.length) this.grow(rowCount + pieceRows);
      this.packed.set(piece.packed.subarray(0, pieceRows), rowCount);
      this.kinds.set(piece.kinds.subarray(0, pieceRows), rowCount);
    }
    this.dayCells += piece.dayCells;
    this.dayFirstEvidence += piece.dayFirstEvidence;
    this.monthFirstEvidence += piece.monthFirstEvidence;
    this.ambiguousCells += piece.ambiguousCells;
    this.invalid += piece.invalid;
    this.separator ??= piece.separator;
    this.decisiveExample ??= piece.decisiveExample;
    this.example ??= piece.example;
    if (!this.firstInvalid && piece.firstInvalid) {
      this.firstInvalid = { text: piece.firstInvalid.text, line: piece.firstInvalid.line + lineShift };
    }
  }

  private grow(minimum: number): void {
    const size = Math.max(minimum, this.packed.length * 2);
    const packed = new Int32Array(size);
    packed.set(this.packed);
    this.packed = packed;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.inLentTail = false;
  }
}

function isIsoAt(bytes: Buffer, at: number): boolean {
  return (
    bytes[at + 4] === DASH &&
    bytes[at + 7] === DASH &&
    isDigit(bytes[at]) &&
    isDigit(bytes[at + 1]) &&
    isDigit(bytes[at + 2]) &&
    isDigit(bytes[at + 3]) &&
    isDigit(bytes[at + 5]) &&
    isDigit(bytes[at + 6]) &&
    isDigit(bytes[at + 8]) &&
    isDigit(bytes[at + 9])
  );
}

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= ZERO && byte <= NINE;

function digits(bytes: Buffer, at: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) value = value * 10 + ((bytes[at + i] as number) - ZERO);
  return value;
}
