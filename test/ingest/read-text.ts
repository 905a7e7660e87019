import { type Dataset, MEASURES, type Measure, readExport } from "../../src/ingest/index.js";

export type TextEncodingForTest = "utf8" | "utf8-bom" | "utf16le" | "utf16be" | "latin1";

/** Encodes a CSV written in a test as a platform would save it, and reads it like an upload. */
export function readText(
  text: string,
  options: { encoding?: TextEncodingForTest; name?: string; chunkBytes?: number } = {},
): Dataset {
  return readExport({
    bytes: encode(text, options.encoding ?? "utf8"),
    name: options.name ?? "test.csv",
    chunkBytes: options.chunkBytes,
  });
}

export function encode(text: string, encoding: TextEncodingForTest): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "latin1":
      return Buffer.from(text, "latin1");
  }
}

/** Sum of a measure over the rows, null when the file has no such measure. */
export function sumOf(dataset: Dataset, measure: Measure): number | null {
  const values = dataset.facts.measures[measure];
  if (!values) return null;
  let sum = 0;
  for (const value of values) if (!Number.isNaN(value)) sum += value;
  return sum;
}

export function sums(dataset: Dataset): Partial<Record<Measure, number>> {
  const result: Partial<Record<Measure, number>> = {};
  for (const measure of MEASURES) {
    const sum = sumOf(dataset, measure);
    if (sum !== null) result[measure] = Number(sum.toFixed(9));
  }
  return result;
}

/** The values of a dimension, row by row. */
export function dimension(dataset: Dataset, name: string): Array<string | null> {
  const column = dataset.facts.dimensions[name];
  if (!column)
    throw new Error(`no dimension ${name}; have ${Object.keys(dataset.facts.dimensions).join(", ")}`);
  return Array.from(column.codes, (code) => (code < 0 ? null : (column.values[code] as string)));
}

export function column(dataset: Dataset, measure: Measure): Array<number | null> {
  const values = dataset.facts.measures[measure];
  if (!values) throw new Error(`no measure ${measure}`);
  return Array.from(values, (value) => (Number.isNaN(value) ? null : value));
}
