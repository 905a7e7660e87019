import { endianness } from "node:os";
import type {
  DimensionColumn,
  FactTable,
  IdentifierColumn,
  Measure,
  MeasureValues,
} from "../../ingest/index.js";
import { dictionarySize, type TextDictionary, textDimension } from "../../ingest/text-dictionary.js";
import { StoreError } from "../store-error.js";

/**
 * A FactTable as one blob per column: the bytes of its measures and extra measures as 64-bit floats, or of
 * its Int32Array (dimension and identifier codes, days). A text column's distinct values are kept as the
 * table holds them: as bytes (`text_bytes`, one UTF-8 buffer, and `text_offsets`, an offset per value) for
 * a column read from a file whose values were never turned into strings, else as a JSON list. A 32-bit
 * measure column (MeasureValues) is stored widened, so every stored dataset reads back the same way.
 *
 * Why not a SQL row per fact: a 200,000-row upload would be 200,000 inserts and, on load, 200,000 row
 * objects rebuilt into typed arrays, which takes seconds; as blobs it is one insert and one memcpy per
 * column, a few milliseconds, and the columnar layout the metrics engine wants is what is stored. Facts
 * are never queried row by row in SQL (the metrics engine does all the arithmetic), so nothing is lost.
 * Bytes are in the machine's order, which is little-endian on every platform Node runs on; a big-endian
 * machine is refused rather than misread.
 */
export type ColumnRole = "days" | "measure" | "extra" | "dimension" | "identifier";

export interface StoredColumn {
  role: ColumnRole;
  name: string;
  data: Uint8Array;
  dictionary: string | null;
  text_bytes: Uint8Array | null;
  text_offsets: Uint8Array | null;
}

/** The fields of a StoredColumn, as both engines' dataset_columns name them. */
export const COLUMN_FIELDS = [
  "role",
  "name",
  "data",
  "dictionary",
  "text_bytes",
  "text_offsets",
] as const satisfies readonly (keyof StoredColumn)[];

export function assertLittleEndian(): void {
  if (endianness() !== "LE") {
    throw new StoreError(
      "stored facts are little-endian and this machine is big-endian: use another machine",
    );
  }
}

const NO_TEXT = { dictionary: null, text_bytes: null, text_offsets: null };

/**
 * The table's columns one at a time, each made when asked for: widening a 32-bit column of millions of
 * rows takes tens of milliseconds, so a save in pieces lets other work run between two columns.
 */
export function* eachColumnOf(facts: FactTable): Generator<StoredColumn> {
  // Only the table's rows: a builder's arrays may have spare capacity past rowCount.
  const bytesOf = (array: MeasureValues | Int32Array) => {
    const head = array.subarray(0, facts.rowCount);
    const rows = head instanceof Float32Array ? Float64Array.from(head) : head;
    return new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  };
  if (facts.days) yield { role: "days", name: "date", data: bytesOf(facts.days), ...NO_TEXT };
  for (const [name, values] of Object.entries(facts.measures)) {
    yield { role: "measure", name, data: bytesOf(values), ...NO_TEXT };
  }
  for (const [name, values] of Object.entries(facts.extraMeasures)) {
    yield { role: "extra", name, data: bytesOf(values), ...NO_TEXT };
  }
  for (const [name, column] of Object.entries(facts.dimensions)) {
    const text = undecodedText(column);
    yield {
      role: "dimension",
      name,
      data: bytesOf(column.codes),
      ...(text ? textColumns(text) : { ...NO_TEXT, dictionary: JSON.stringify(column.values) }),
    };
  }
  for (const [name, column] of Object.entries(facts.identifiers ?? {})) {
    yield { role: "identifier", name, data: bytesOf(column.codes), ...textColumns(column.text) };
  }
}

/**
 * A dimension's values as bytes while nothing has decoded them yet. Once decoded, `values` is the truth: a
 * caller may have changed the list since.
 */
function undecodedText(column: DimensionColumn): TextDictionary | undefined {
  return column.text && Object.getOwnPropertyDescriptor(column, "values")?.get ? column.text : undefined;
}

/** Only the bytes the values span: a dictionary may be a view into a longer buffer. */
function textColumns(text: TextDictionary) {
  const size = dictionarySize(text);
  const start = text.offsets[0] as number;
  const offsets = start === 0 ? text.offsets : text.offsets.map((offset) => offset - start);
  return {
    dictionary: null,
    text_bytes: text.bytes.subarray(start, text.offsets[size]),
    text_offsets: new Uint8Array(offsets.buffer, offsets.byteOffset, offsets.byteLength),
  };
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
      case "identifier":
        facts.identifiers = { ...facts.identifiers, [column.name]: identifierColumn(column, rowCount) };
        break;
    }
  }
  return facts;
}

function float64Column(column: StoredColumn, rowCount: number): Float64Array {
  checkLength(column, column.data, rowCount * Float64Array.BYTES_PER_ELEMENT);
  return typedOf(column.data, Float64Array, rowCount);
}

function int32Column(column: StoredColumn, rowCount: number): Int32Array {
  checkLength(column, column.data, rowCount * Int32Array.BYTES_PER_ELEMENT);
  return typedOf(column.data, Int32Array, rowCount);
}

/**
 * The blob itself when it is a buffer of its own (a big column is: no second copy of millions of rows),
 * else a copy: a small blob may sit unaligned inside a shared pool, which a typed array cannot view.
 */
function typedOf<T extends Float64Array | Int32Array>(
  data: Uint8Array,
  Typed: { new (buffer: ArrayBuffer, offset: number, length: number): T; new (length: number): T },
  length: number,
): T {
  if (
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    data.buffer instanceof ArrayBuffer
  ) {
    return new Typed(data.buffer, 0, length);
  }
  const values = new Typed(length);
  new Uint8Array(values.buffer).set(data);
  return values;
}

function dimensionColumn(column: StoredColumn, rowCount: number): DimensionColumn {
  const codes = int32Column(column, rowCount);
  if (column.text_bytes) return textDimension(codes, textOf(column));
  const values = JSON.parse(column.dictionary ?? "null") as unknown;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) {
    throw new StoreError(`stored column "${column.name}" has no list of values: the dataset is damaged`);
  }
  return { codes, values };
}

function identifierColumn(column: StoredColumn, rowCount: number): IdentifierColumn {
  return { codes: int32Column(column, rowCount), text: textOf(column) };
}

function textOf(column: StoredColumn): TextDictionary {
  const bytes = column.text_bytes;
  const offsetBytes = column.text_offsets;
  const width = Int32Array.BYTES_PER_ELEMENT;
  if (!bytes || !offsetBytes || offsetBytes.byteLength < width || offsetBytes.byteLength % width !== 0) {
    throw new StoreError(`stored column "${column.name}" has no list of values: the dataset is damaged`);
  }
  const offsets = typedOf(offsetBytes, Int32Array, offsetBytes.byteLength / width);
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== bytes.byteLength) {
    throw new StoreError(
      `stored column "${column.name}" has values that do not fit their bytes: the dataset is damaged`,
    );
  }
  return { bytes, offsets };
}

function checkLength(column: StoredColumn, data: Uint8Array, expected: number): void {
  if (data.byteLength !== expected) {
    throw new StoreError(
      `stored column "${column.name}" has ${data.byteLength} bytes where its rows need ${expected}: the dataset is damaged`,
    );
  }
}
