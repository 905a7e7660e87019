import { isShared } from "../column-storage.js";
import type { DimensionColumn, FactTable } from "../fact-table.js";
import { textDimension } from "../text-dictionary.js";

/**
 * Text columns travel as their bytes: their `values` would otherwise be decoded on the sending thread only
 * to be copied, and the receiving side decodes them when something asks (see withLazyValues).
 */
export function withoutDecodedValues<D extends { facts: FactTable }>(dataset: D): D {
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [name, column] of Object.entries(dataset.facts.dimensions)) {
    const text = column.text;
    dimensions[name] = text ? ({ codes: column.codes, text } as DimensionColumn) : column;
  }
  return { ...dataset, facts: { ...dataset.facts, dimensions } };
}

/** Text dimensions that arrived as bytes (withoutDecodedValues); their values are decoded when first asked for. */
export function withLazyValues<D extends { facts: FactTable }>(dataset: D): D {
  for (const [name, column] of Object.entries(dataset.facts.dimensions)) {
    if (column.text && !Object.hasOwn(column, "values")) {
      dataset.facts.dimensions[name] = textDimension(column.codes, column.text);
    }
  }
  return dataset;
}

/** The buffers a dataset's columns can move in to another thread, each once. */
export function buffersOf(dataset: { facts: FactTable }): ArrayBuffer[] {
  const { facts } = dataset;
  const texts = [...Object.values(facts.dimensions), ...Object.values(facts.identifiers ?? {})].flatMap(
    (column) => (column.text ? [column.codes, column.text.bytes, column.text.offsets] : [column.codes]),
  );
  const arrays = [
    ...Object.values(facts.measures),
    ...Object.values(facts.extraMeasures),
    ...texts,
    ...(facts.days ? [facts.days] : []),
  ];
  // Columns of a file read in pieces live in shared memory: both threads see them already.
  return [...new Set(arrays.filter((array) => !isShared(array)).map((array) => array.buffer as ArrayBuffer))];
}
