import {
  type DimensionColumn,
  type FactTable,
  type IdentifierColumn,
  isoToDay,
  MEASURES,
  type Measure,
  NO_DAY,
  NO_VALUE,
} from "./fact-table.js";
import { dictionarySize } from "./text-dictionary.js";

/**
 * A fact as plain values: `date` is an ISO day, canonical measure names hold numbers, any other string is a
 * dimension and any other number an extra measure. Null or undefined means absent.
 */
export type FactRecord = Record<string, string | number | null | undefined>;

const isMeasure = (key: string): key is Measure => (MEASURES as readonly string[]).includes(key);

/** Builds a FactTable from plain records (webhook rows, stored rows, test data). */
export function factTableFromRecords(records: readonly FactRecord[]): FactTable {
  const rowCount = records.length;
  const measureKeys = new Set<Measure>();
  const extraKeys = new Set<string>();
  const dimensionKeys = new Set<string>();
  let hasDates = false;
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      if (key === "date") hasDates ||= typeof value === "string";
      else if (isMeasure(key)) measureKeys.add(key);
      else if (typeof value === "number") extraKeys.add(key);
      else if (typeof value === "string") dimensionKeys.add(key);
    }
  }
  for (const key of extraKeys) dimensionKeys.delete(key);

  const days = hasDates ? new Int32Array(rowCount).fill(NO_DAY) : null;
  const measures: Partial<Record<Measure, Float64Array>> = {};
  for (const key of measureKeys) measures[key] = new Float64Array(rowCount).fill(Number.NaN);
  const extraMeasures: Record<string, Float64Array> = {};
  for (const key of extraKeys) extraMeasures[key] = new Float64Array(rowCount).fill(Number.NaN);
  const encoders = new Map<string, DimensionEncoder>();
  for (const key of dimensionKeys) encoders.set(key, new DimensionEncoder(rowCount));

  records.forEach((record, row) => {
    if (days && typeof record.date === "string") days[row] = isoToDay(record.date);
    for (const key of measureKeys) setNumber(measures[key] as Float64Array, row, record[key]);
    for (const key of extraKeys) setNumber(extraMeasures[key] as Float64Array, row, record[key]);
    for (const [key, encoder] of encoders) {
      const value = record[key];
      if (typeof value === "string" && value !== "") encoder.set(row, value);
    }
  });

  const dimensions: Record<string, DimensionColumn> = {};
  for (const [key, encoder] of encoders) dimensions[key] = encoder.column(rowCount);
  return { rowCount, days, measures, dimensions, extraMeasures };
}

function setNumber(column: Float64Array, row: number, value: unknown): void {
  if (typeof value === "number" && Number.isFinite(value)) column[row] = value;
}

/** Dictionary-encodes the values of one text column. */
export class DimensionEncoder {
  private codes: Int32Array;
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(capacity: number) {
    this.codes = new Int32Array(Math.max(capacity, 16)).fill(NO_VALUE);
  }

  codeOf(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  set(row: number, value: string): void {
    if (row >= this.codes.length) this.grow(row + 1);
    this.codes[row] = this.codeOf(value);
  }

  setCode(row: number, code: number): void {
    if (row >= this.codes.length) this.grow(row + 1);
    this.codes[row] = code;
  }

  column(rowCount: number): DimensionColumn {
    return { codes: this.codes.slice(0, rowCount), values: this.values };
  }

  private grow(minimum: number): void {
    const next = new Int32Array(Math.max(minimum, this.codes.length * 2)).fill(NO_VALUE);
    next.set(this.codes);
    this.codes = next;
  }
}

/** Appends tables (a file and later webhook rows, say); columns missing from one side are absent there. */
export function concatFactTables(tables: readonly FactTable[]): FactTable {
  const rowCount = tables.reduce((sum, table) => sum + table.rowCount, 0);
  const anyDates = tables.some((table) => table.days !== null);
  const days = anyDates ? new Int32Array(rowCount).fill(NO_DAY) : null;
  const measureKeys = new Set(tables.flatMap((table) => Object.keys(table.measures) as Measure[]));
  const extraKeys = new Set(tables.flatMap((table) => Object.keys(table.extraMeasures)));
  const dimensionKeys = new Set(tables.flatMap((table) => Object.keys(table.dimensions)));

  const measures: Partial<Record<Measure, Float64Array>> = {};
  for (const key of measureKeys) measures[key] = new Float64Array(rowCount).fill(Number.NaN);
  const extraMeasures: Record<string, Float64Array> = {};
  for (const key of extraKeys) extraMeasures[key] = new Float64Array(rowCount).fill(Number.NaN);
  const encoders = new Map<string, DimensionEncoder>();
  for (const key of dimensionKeys) encoders.set(key, new DimensionEncoder(rowCount));

  let offset = 0;
  for (const table of tables) {
    if (days && table.days) days.set(table.days, offset);
    for (const key of measureKeys) {
      const source = table.measures[key];
      if (source) (measures[key] as Float64Array).set(source, offset);
    }
    for (const key of extraKeys) {
      const source = table.extraMeasures[key];
      if (source) (extraMeasures[key] as Float64Array).set(source, offset);
    }
    for (const [key, encoder] of encoders) {
      const source = table.dimensions[key];
      if (!source) continue;
      const recode = source.values.map((value) => encoder.codeOf(value));
      for (let row = 0; row < table.rowCount; row++) {
        const code = source.codes[row] as number;
        if (code !== NO_VALUE) encoder.setCode(offset + row, recode[code] as number);
      }
    }
    offset += table.rowCount;
  }
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [key, encoder] of encoders) dimensions[key] = encoder.column(rowCount);
  const identifiers = concatIdentifiers(tables, rowCount);
  return identifiers
    ? { rowCount, days, measures, dimensions, extraMeasures, identifiers }
    : { rowCount, days, measures, dimensions, extraMeasures };
}

/**
 * Identifier columns follow each other: their values are never grouped, so one table's are appended after
 * another's (bytes and offsets), repeats across tables included, and each row keeps the value it had.
 */
function concatIdentifiers(
  tables: readonly FactTable[],
  rowCount: number,
): Record<string, IdentifierColumn> | undefined {
  const keys = new Set(tables.flatMap((table) => Object.keys(table.identifiers ?? {})));
  if (keys.size === 0) return undefined;
  const identifiers: Record<string, IdentifierColumn> = {};
  for (const key of keys) {
    const parts = tables.map((table) => table.identifiers?.[key]);
    const byteCount = parts.reduce((sum, part) => sum + (part ? part.text.bytes.length : 0), 0);
    const valueCount = parts.reduce((sum, part) => sum + (part ? dictionarySize(part.text) : 0), 0);
    const bytes = new Uint8Array(byteCount);
    const offsets = new Int32Array(valueCount + 1);
    const codes = new Int32Array(rowCount).fill(NO_VALUE);
    let row = 0;
    let value = 0;
    let at = 0;
    for (const [index, part] of parts.entries()) {
      const rows = (tables[index] as FactTable).rowCount;
      if (part) {
        const size = dictionarySize(part.text);
        const start = part.text.offsets[0] as number;
        const end = part.text.offsets[size] as number;
        bytes.set(part.text.bytes.subarray(start, end), at);
        for (let k = 1; k <= size; k++) offsets[value + k] = at + (part.text.offsets[k] as number) - start;
        for (let r = 0; r < rows; r++) {
          const code = part.codes[r] as number;
          if (code !== NO_VALUE) codes[row + r] = value + code;
        }
        value += size;
        at += end - start;
      }
      row += rows;
    }
    identifiers[key] = { codes, text: { bytes, offsets } };
  }
  return identifiers;
}
