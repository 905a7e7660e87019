import { endianness } from "node:os";
import type { DimensionColumn, FactTable, Measure, MeasureValues } from "../../ingest/index.js";
import { StoreError } from "../store-error.js";

/**
 * A FactTable as one blob per column: the bytes of its measures and extra measures as 64-bit floats, or of
 * its Int32Array (dimension codes, days), plus a dimension's distinct values as JSON. A 32-bit measure
 * column (MeasureValues) is stored widened, so every stored dataset reads back the same way.
 *
 * Why not a SQL row per fact: a 200,000-row upload would be 200,000 inserts and, on load, 200,000 row
 * objects rebuilt into typed arrays, which takes seconds; as blobs it is one insert and one memcpy per
 * column, a few milliseconds, and the columnar layout the metrics engine wants is what is stored. Facts
 * are never queried row by row in SQL (the metrics engine does all the arithmetic), so nothing is lost.
 * Bytes are in the machine's order, which is little-endian on every platform Node runs on; a big-endian
 * machine is refused rather than misread.
 */
export type ColumnRole = "days" | "measure" | "extra" | "dimension";

export interface StoredColumn {
  role: ColumnRole;
  name: string;
  data: Uint8Array;
  dictionary: string | null;
}

export function assertLittleEndian(): void {
  if (endianness() !== "LE") {
    throw new StoreError(
      "stored facts are little-endian and this machine is big-endian: use another machine",
    );
  }
}

export function columnsOfFacts(facts: FactTable): StoredColumn[] {
  // Only the table's rows: a builder's arrays may have spare capacity past rowCount.
  const bytesOf = (array: MeasureValues | Int32Array) => {
    const head = array.subarray(0, facts.rowCount);
    const rows = head instanceof Float32Array ? Float64Array.from(head) : head;
    return new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  };
  const columns: StoredColumn[] = [];
  if (facts.days) columns.push({ role: "days", name: "date", data: bytesOf(facts.days), dictionary: null });
  for (const [name, values] of Object.entries(facts.measures)) {
    columns.push({ role: "measure", name, data: bytesOf(values), dictionary: null });
  }
  for (const [name, values] of Object.entries(facts.extraMeasures)) {
    columns.push({ role: "extra", name, data: bytesOf(values), dictionary: null });
  }
  for (const [name, column] of Object.entries(facts.dimensions)) {
    const dictionary = JSON.stringify(column.values);
    columns.push({ role: "dimension", name, data: bytesOf(column.codes), dictionary });
  }
  return columns;
}

export function factsOfColumns(rowCount: number, columns: readonly StoredColumn[]): FactTable {
  const facts: FactTable = { rowCount, days: null, measures: {}, dimensions: {}, extraMeasures: {} };
  for (const column of columns) {
    switch (column.role) {
      case "days":
        facts.days = int32Column(column, rowCount);
        break;
      case "measure":
        facts.measures[column.name as Measure] = float64Column(column, rowCount);
        break;
      case "extra":
        facts.extraMeasures[column.name] = float64Column(column, rowCount);
        break;
      case "dimension":
        facts.dimensions[column.name] = dimensionColumn(column, rowCount);
        break;
    }
  }
  return facts;
}

/** Copies into a fresh array: a blob's bytes need not be aligned for a typed-array view. */
function float64Column(column: StoredColumn, rowCount: number): Float64Array {
  checkLength(column, rowCount, Float64Array.BYTES_PER_ELEMENT);
  const values = new Float64Array(rowCount);
  new Uint8Array(values.buffer).set(column.data);
  return values;
}

function int32Column(column: StoredColumn, rowCount: number): Int32Array {
  checkLength(column, rowCount, Int32Array.BYTES_PER_ELEMENT);
  const values = new Int32Array(rowCount);
  new Uint8Array(values.buffer).set(column.data);
  return values;
}

function dimensionColumn(column: StoredColumn, rowCount: number): DimensionColumn {
  const values = JSON.parse(column.dictionary ?? "null") as unknown;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    throw new StoreError(`stored column "${column.name}" has no list of values: the dataset is damaged`);
  }
  return { codes: int32Column(column, rowCount), values };
}

function checkLength(column: StoredColumn, rowCount: number, width: number): void {
  if (column.data.byteLength !== rowCount * width) {
    throw new StoreError(
      `stored column "${column.name}" has ${column.data.byteLength} bytes where ${rowCount} rows need ${rowCount * width}: the dataset is damaged`,
    );
  }
}
