import { type FactTable, readExport } from "../../src/ingest/index.js";
import { type TextDictionary, textDimension } from "../../src/ingest/text-dictionary.js";
import type { NewDataset } from "../../src/store/index.js";

/** Values as a file's reader keeps them: one UTF-8 buffer and an offset per value. */
export function dictionaryOf(values: readonly string[]): TextDictionary {
  const encoded = values.map((value) => new TextEncoder().encode(value));
  const offsets = new Int32Array(values.length + 1);
  for (const [index, value] of encoded.entries())
    offsets[index + 1] = (offsets[index] as number) + value.length;
  const bytes = new Uint8Array(offsets[values.length] as number);
  for (const [index, value] of encoded.entries()) bytes.set(value, offsets[index]);
  return { bytes, offsets };
}

/**
 * A table with every kind of column, each far bigger than the small pieces the tests save in: dates, a
 * measure with NaN and -0, an undecoded text dimension and an identifier column of distinct values with
 * multi-byte characters.
 */
export function bigFacts(rows: number): FactTable {
  const spend = Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? Number.NaN : i * 0.25));
  spend[1] = -0;
  return {
    rowCount: rows,
    days: Int32Array.from({ length: rows }, (_, i) => 20_000 + (i % 90)),
    measures: { spend },
    extraMeasures: {},
    dimensions: {
      campaign: textDimension(
        Int32Array.from({ length: rows }, (_, i) => i % 3),
        dictionaryOf(["Brand", "Prospecting", "Ré-engagement"]),
      ),
    },
    identifiers: {
      search_term: {
        codes: Int32Array.from({ length: rows }, (_, i) => i),
        text: dictionaryOf(Array.from({ length: rows }, (_, i) => `terme n°${i} ✓`)),
      },
    },
  };
}

const RECEIPT = readExport({ bytes: Buffer.from("Campaign,Cost\nA,1\n"), name: "big.csv" }).receipt;

export function bigDataset(facts: FactTable, fileId: string | null = "F-big"): NewDataset {
  return { team: "T1", channel: "C1", threadTs: "1.1", fileId, name: "big.csv", receipt: RECEIPT, facts };
}
