import type { LentTail, NumberValues } from "./column-storage.js";
import { FIELD_ESCAPED } from "./csv-syntax.js";
import { type DecimalStyle, parseNumberText } from "./number-text.js";

const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const LF = 0x0a;
const CR = 0x0d;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * One numeric column, filled row by row. Plain cells ("1234.5") are parsed straight from bytes; anything
 * else (separators, currency, percent, placeholders) goes through parseNumberText. Cells whose decimal
 * separator is ambiguous are remembered and settled once the whole column has spoken (`finish`).
 *
 * A column whose sample holds only numbers a 32-bit float keeps exactly (counts: impressions, clicks) is
 * read into a Float32Array, half the memory; the first value that would not come back exactly widens it to
 * 64 bits, so every figure is the one the file wrote.
 */
export class NumberColumn {
  values: NumberValues;
  /** Whether `values` is 64-bit: a field test per cell costs less than an instanceof. */
  private wide: boolean;
  /** Cells that held a number. */
  numbers = 0;
  dotEvidence = 0;
  commaEvidence = 0;
  buckets = 0;
  percents = 0;
  invalid = 0;
  firstInvalid: { text: string; line: number } | null = null;
  readonly currencies = new Map<string, number>();
  /** Rows read as "1.234" = 1.234 that would be 1234 if the column turns out to use decimal commas. */
  private dotAmbiguousRows: number[] = [];
  /** Rows whose comma-decimal reading differs, with that reading. */
  private commaAmbiguous: Array<[row: number, value: number]> = [];

  /** Set while this column's tail is lent to the reader of a later piece (see lendTail). */
  private lentTail: LentTail<NumberValues> | null = null;

  /**
   * `values` is not filled with NaN up front: every row read writes its cell, blank or not, so rows the
   * file never reaches (the spare capacity) are never touched and take no memory. `inLentTail` says the
   * array is another reader's lent tail; it stays true until the column outgrows it.
   */
  constructor(
    values: NumberValues,
    public inLentTail = false,
  ) {
    this.values = values;
    this.wide = values instanceof Float64Array;
  }

  /** Keeps rows before `from` and hands the rest of the array to the reader of a later piece. */
  lendTail(from: number): NumberValues {
    this.lentTail = { whole: this.values, from };
    this.values = this.values.subarray(0, from);
    return this.lentTail.whole.subarray(from);
  }

  accept(bytes: Buffer, start: number, end: number, flag: number, row: number, line: number): void {
    const text = bytes.toString("utf8", start, end);
    this.acceptText(flag === FIELD_ESCAPED ? text.replaceAll('""', '"') : text, row, line);
  }

  /**
   * Reads an unquoted cell starting at `i` up to the next delimiter or line end and returns where it ends.
   * Plain numbers ([-]digits[.digits]) are parsed here from bytes: mantissa and 10^k are exact doubles,
   * so one division gives the correctly rounded value. Anything else goes through parseNumberText.
   * Returns -1, recording nothing, when the cell runs into the end of a buffer that is not the last.
   */
  scan(bytes: Buffer, i: number, delimiter: number, row: number, line: number, final: boolean): number {
    const start = i;
    const length = bytes.length;
    const negative = i < length && bytes[i] === MINUS;
    if (negative) i++;
    // Digits before and after one dot, counted from positions: the loops do nothing else per byte.
    const wholeStart = i;
    let mantissa = 0;
    while (i < length) {
      const digit = (bytes[i] as number) - ZERO;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
      i++;
    }
    const integerDigits = i - wholeStart;
    let fractionDigits = -1;
    if (i < length && bytes[i] === DOT) {
      const fractionStart = ++i;
      while (i < length) {
        const digit = (bytes[i] as number) - ZERO;
        if (digit < 0 || digit > 9) break;
        mantissa = mantissa * 10 + digit;
        i++;
      }
      fractionDigits = i - fractionStart;
    }
    const next = i < length ? (bytes[i] as number) : -1;
    if (next === -1 && !final) return -1;
    const atEnd = next === delimiter || next === LF || next === CR || next === -1;
    if (atEnd && integerDigits > 0 && fractionDigits !== 0 && integerDigits + fractionDigits <= 15) {
      const magnitude = fractionDigits > 0 ? mantissa / (POWERS_OF_TEN[fractionDigits] as number) : mantissa;
      this.put(row, negative ? -magnitude : magnitude);
      this.numbers++;
      if (fractionDigits > 0) {
        if (fractionDigits === 3 && integerDigits <= 3 && mantissa >= 1000) this.dotAmbiguousRows.push(row);
        else this.dotEvidence++;
      }
      return i;
    }
    if (atEnd && i === start) {
      if (row >= this.values.length) this.grow(row + 1);
      this.values[row] = Number.NaN;
      return i;
    }
    while (i < length) {
      const byte = bytes[i] as number;
      if (byte === delimiter || byte === LF || byte === CR) break;
      i++;
    }
    if (i >= length && !final) return -1;
    this.acceptText(bytes.toString("utf8", start, i), row, line);
    return i;
  }

  /** Forgets what a row wrote: it turned out to be a summary or a row for the careful path. */
  rollback(row: number): void {
    if (row < this.values.length) this.values[row] = Number.NaN;
    while (
      this.dotAmbiguousRows.length > 0 &&
      this.dotAmbiguousRows[this.dotAmbiguousRows.length - 1] === row
    ) {
      this.dotAmbiguousRows.pop();
    }
    while (
      this.commaAmbiguous.length > 0 &&
      this.commaAmbiguous[this.commaAmbiguous.length - 1]?.[0] === row
    ) {
      this.commaAmbiguous.pop();
    }
  }

  acceptText(text: string, row: number, line: number): void {
    if (row >= this.values.length) this.grow(row + 1);
    const parsed = parseNumberText(text);
    if (parsed.kind !== "number") this.values[row] = Number.NaN;
    switch (parsed.kind) {
      case "blank":
        return;
      case "bucket":
        this.buckets++;
        return;
      case "invalid":
        this.invalid++;
        this.firstInvalid ??= { text, line };
        return;
    }
    this.put(row, parsed.value);
    this.numbers++;
    if (parsed.evidence === "dot") this.dotEvidence++;
    else if (parsed.evidence === "comma") this.commaEvidence++;
    else if (parsed.evidence === "ambiguous") this.commaAmbiguous.push([row, parsed.commaValue]);
    if (parsed.percent) this.percents++;
    if (parsed.currency)
      this.currencies.set(parsed.currency, (this.currencies.get(parsed.currency) ?? 0) + 1);
  }

  /** The decimal style the column's own cells show, or null when none of them tells. */
  evidence(): DecimalStyle | null {
    if (this.commaEvidence > this.dotEvidence) return "comma";
    if (this.dotEvidence > 0) return "dot";
    return null;
  }

  hasAmbiguousCells(): boolean {
    return this.dotAmbiguousRows.length > 0 || this.commaAmbiguous.length > 0;
  }

  /** Settles ambiguous cells with the column's style (or the file's, when the column shows none). */
  finish(style: DecimalStyle, rowCount: number): NumberValues {
    if (style === "comma") {
      for (const row of this.dotAmbiguousRows) this.put(row, Math.round((this.values[row] as number) * 1000));
      for (const [row, value] of this.commaAmbiguous) this.put(row, value);
    }
    this.dotAmbiguousRows = [];
    this.commaAmbiguous = [];
    // A view, not a copy: the spare capacity is a few percent of a column.
    return this.values.length === rowCount ? this.values : this.values.subarray(0, rowCount);
  }

  /**
   * Appends a column read from a later piece of the same file (a parallel read): its rows follow this
   * column's `rowCount` rows, and its line numbers move by `lineShift`.
   */
  absorb(piece: NumberColumn, rowCount: number, pieceRows: number, lineShift: number): void {
    const lent = this.lentTail;
    this.lentTail = null;
    const pieceWide = piece.values instanceof Float64Array;
    if (lent && piece.inLentTail && this.values.buffer === lent.whole.buffer) {
      // Both halves are in one array: the piece's rows move down to follow this column's.
      lent.whole.copyWithin(rowCount, lent.from, lent.from + pieceRows);
      this.values = lent.whole;
      this.wide = lent.whole instanceof Float64Array;
    } else {
      if (pieceWide && this.values instanceof Float32Array) this.widen(rowCount + pieceRows);
      else if (rowCount + pieceRows > this.values.length) this.grow(rowCount + pieceRows);
      this.values.set(piece.values.subarray(0, pieceRows), rowCount);
    }
    this.numbers += piece.numbers;
    this.dotEvidence += piece.dotEvidence;
    this.commaEvidence += piece.commaEvidence;
    this.buckets += piece.buckets;
    this.percents += piece.percents;
    this.invalid += piece.invalid;
    if (!this.firstInvalid && piece.firstInvalid) {
      this.firstInvalid = { text: piece.firstInvalid.text, line: piece.firstInvalid.line + lineShift };
    }
    for (const [code, count] of piece.currencies)
      this.currencies.set(code, (this.currencies.get(code) ?? 0) + count);
    for (const row of piece.dotAmbiguousRows) this.dotAmbiguousRows.push(row + rowCount);
    for (const [row, value] of piece.commaAmbiguous) this.commaAmbiguous.push([row + rowCount, value]);
  }

  private grow(minimum: number): void {
    const size = Math.max(minimum, this.values.length * 2);
    const next = this.values instanceof Float32Array ? new Float32Array(size) : new Float64Array(size);
    next.set(this.values);
    this.values = next;
    this.inLentTail = false;
  }

  /** Writes a value, widening the column first when 32 bits would not keep it exactly. */
  private put(row: number, value: number): void {
    if (row >= this.values.length) this.grow(row + 1);
    // Each kind of array is stored to on its own branch, so each store sees one kind.
    const values = this.values;
    if (this.wide) (values as Float64Array)[row] = value;
    else if (Math.fround(value) === value) (values as Float32Array)[row] = value;
    else {
      this.widen(values.length);
      this.values[row] = value;
    }
  }

  /** To 64 bits, for at least `minimum` rows; a lent tail is left, and rejoined by copying (absorb). */
  private widen(minimum: number): void {
    const next = new Float64Array(Math.max(minimum, this.values.length));
    next.set(this.values);
    this.values = next;
    this.wide = true;
    this.inLentTail = false;
  }
}
