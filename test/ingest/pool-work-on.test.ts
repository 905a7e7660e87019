import { afterAll, describe, expect, it } from "vitest";
import { loadExport } from "../../src/ingest/index.js";
import { ParsePool } from "../../src/ingest/worker/parse-pool.js";
import { type Figures, totals } from "../../src/metrics/index.js";
import { datasetTotalsFollowUp } from "../../src/report/dataset-totals.js";

const pool = new ParsePool({ size: 1 });
afterAll(() => pool.close());

/** A dataset read here, its measure columns grown past the size from which columns move rather than copy. */
async function bigDataset() {
  const dataset = await loadExport({ path: "samples/meta-ads-daily-export.csv" });
  const { facts } = dataset;
  const times = Math.ceil((2 * 1024 * 1024) / (facts.rowCount * Float64Array.BYTES_PER_ELEMENT));
  const repeat = <T extends Float64Array | Float32Array | Int32Array>(column: T): T => {
    const grown = new (column.constructor as new (length: number) => T)(column.length * times);
    for (let i = 0; i < times; i++) grown.set(column, i * column.length);
    return grown;
  };
  const grown = {
    rowCount: facts.rowCount * times,
    days: facts.days ? repeat(facts.days) : null,
    measures: Object.fromEntries(
      Object.entries(facts.measures).map(([name, values]) => [name, repeat(values)]),
    ),
    dimensions: Object.fromEntries(
      Object.entries(facts.dimensions).map(([name, column]) => [
        name,
        { codes: repeat(column.codes), values: column.values },
      ]),
    ),
    extraMeasures: {},
  };
  return { ...dataset, facts: grown };
}

describe("work on a dataset already read, in the parse pool", () => {
  it("gives the follow-up's result and the dataset back whole, its columns moved there and back", async () => {
    const dataset = await bigDataset();
    const copy = structuredClone(dataset);
    const expected = totals(copy.facts);
    const { dataset: back, result } = await pool.workOn<Figures>(dataset, datasetTotalsFollowUp);
    expect(result).toEqual(expected);
    // The big columns moved: the sent ones are empty here, the ones handed back are the same values.
    expect(dataset.facts.measures.spend?.length).toBe(0);
    expect(sameColumns(back.facts, copy.facts)).toBe(true);
    expect(back.receipt).toEqual(copy.receipt);
    expect(totals(back.facts)).toEqual(expected);
  });
});

/** Whether two tables hold the same bytes in every column and the same values: compared natively, at once. */
function sameColumns(a: Facts, b: Facts): boolean {
  const bytes = (column: ArrayBufferView) => Buffer.from(column.buffer, column.byteOffset, column.byteLength);
  const same = (x: ArrayBufferView | null | undefined, y: ArrayBufferView | null | undefined) =>
    x && y ? bytes(x).equals(bytes(y)) : x === y;
  return (
    a.rowCount === b.rowCount &&
    same(a.days, b.days) &&
    Object.keys(b.measures).length === Object.keys(a.measures).length &&
    Object.entries(b.measures).every(([name, values]) =>
      same(a.measures[name as keyof Facts["measures"]], values),
    ) &&
    Object.keys(b.dimensions).length === Object.keys(a.dimensions).length &&
    Object.entries(b.dimensions).every(
      ([name, column]) =>
        same(a.dimensions[name]?.codes, column.codes) &&
        JSON.stringify(a.dimensions[name]?.values) === JSON.stringify(column.values),
    )
  );
}

type Facts = Awaited<ReturnType<typeof bigDataset>>["facts"];
