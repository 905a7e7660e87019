import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FactBuilder } from "../../src/ingest/fact-builder.js";
import { type Dataset, dimensionValue, readExport } from "../../src/ingest/index.js";
import { readExportInParallel } from "../../src/ingest/parallel-read.js";
import { encode, type TextEncodingForTest } from "./read-text.js";

/** Every column as its bytes, every dictionary decoded, and the receipt: equal means byte-identical facts. */
function fingerprint(dataset: Dataset) {
  const bytes = (array: Float64Array | Float32Array | Int32Array | null) =>
    array ? Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64") : null;
  const { facts } = dataset;
  return {
    rowCount: facts.rowCount,
    days: bytes(facts.days),
    measures: Object.entries(facts.measures).map(([name, values]) => [name, bytes(values)]),
    extra: Object.entries(facts.extraMeasures).map(([name, values]) => [name, bytes(values)]),
    dimensions: Object.entries(facts.dimensions).map(([name, column]) => [
      name,
      bytes(column.codes),
      column.values,
    ]),
    // Past the cap values are no longer merged, so where repeats were merged may differ: what each row holds may not.
    identifiers: Object.entries(facts.identifiers ?? {}).map(([name, column]) => [
      name,
      Array.from(column.codes, (_, row) => dimensionValue(column, row)),
    ]),
    receipt: dataset.receipt,
    totalsCheck: dataset.totalsCheck,
  };
}

const name = fc.string({
  unit: fc.constantFrom("A", "b", " ", ",", ";", '"', "é", "7", "\n", "\r\n", "-"),
  maxLength: 8,
});
const row = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  campaign: name,
  channel: fc.constantFrom("Search", "Display", "", "--"),
  cents: fc.integer({ min: 0, max: 9_999_999 }),
  // Now and then a count a 32-bit float cannot keep exactly: the column widens wherever it first appears.
  clicks: fc.oneof(
    { arbitrary: fc.nat(5000), weight: 20 },
    { arbitrary: fc.constant(16_777_217), weight: 1 },
  ),
  note: fc.constantFrom("", "n/a", "12", "1.234", "x"),
});

function cell(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  comma: fc.boolean(),
  lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
  encoding: fc.constantFrom<TextEncodingForTest>("utf8", "utf8", "utf8-bom", "utf16le"),
  labelledTotal: fc.option(fc.nat(40)),
  sumRow: fc.boolean(),
  chunkBytes: fc.option(fc.integer({ min: 3, max: 200 })),
  groupingCap: fc.option(fc.integer({ min: 1, max: 30 })),
});

function render(shape: typeof file extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const delimiter = shape.comma ? ";" : ",";
  const money = (cents: number) => {
    const text = (cents / 100).toFixed(2);
    return shape.comma ? text.replace(".", ",") : text;
  };
  const lines = [["Day", "Campaign", "Channel", "Cost", "Clicks", "Note"].join(delimiter)];
  for (const [index, fact] of shape.rows.entries()) {
    if (shape.labelledTotal === index)
      lines.push(["", "Total: Campaigns", "", money(1), "1", ""].join(delimiter));
    lines.push(
      [
        `2025-03-${String(fact.day).padStart(2, "0")}`,
        cell(fact.campaign, delimiter),
        fact.channel,
        cell(money(fact.cents), delimiter),
        String(fact.clicks),
        cell(fact.note, delimiter),
      ].join(delimiter),
    );
  }
  if (shape.sumRow) {
    const cents = shape.rows.reduce((sum, fact) => sum + fact.cents, 0);
    const clicks = shape.rows.reduce((sum, fact) => sum + fact.clicks, 0);
    lines.push(["", "", "", cell(money(cents), delimiter), String(clicks), ""].join(delimiter));
  }
  return encode(lines.join(shape.lineEnd) + shape.lineEnd, shape.encoding);
}

/** The same file on one thread and split in two; an error must be the same error. */
async function bothWays(
  bytes: Buffer,
  chunkBytes: number | undefined,
  inThread: boolean,
  groupingCap?: number,
) {
  const input = { bytes, name: "export.csv", chunkBytes };
  const one = await Promise.resolve()
    .then(() => fingerprint(readExport(input, { groupingCap })))
    .catch((error: Error) => error.message);
  const two = await readExportInParallel(input, { groupingCap, parallel: { fromBytes: 0, inThread } })
    .then(fingerprint)
    .catch((error: Error) => error.message);
  return { one, two };
}

/** Counts the reads whose second piece was used: a split that is never taken would prove nothing. */
function countMerges() {
  return vi.spyOn(FactBuilder.prototype, "absorb");
}

describe("reading a file in two pieces", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gives byte-identical facts and the same receipt as one thread, for any file", async () => {
    const merges = countMerges();
    await fc.assert(
      fc.asyncProperty(file, async (shape) => {
        const { one, two } = await bothWays(
          render(shape),
          shape.chunkBytes ?? undefined,
          true,
          shape.groupingCap ?? undefined,
        );
        expect(two).toEqual(one);
      }),
      { numRuns: 300 },
    );
    // About half the files split (UTF-16, lines ended by CR alone, a middle inside a quoted cell or the
    // header read on one thread): the property must have been tested on many split reads.
    expect(merges.mock.calls.length).toBeGreaterThan(100);
  });

  it("reads on one thread when the middle of the file falls inside a quoted cell", async () => {
    const note = Array.from({ length: 200 }, (_, i) => `line ${i}`).join("\n");
    const text = `Day,Campaign,Cost,Note\n2025-03-01,A,1.50,"${note}"\n2025-03-02,B,2.50,x\n2025-03-02,"a\nb",3.5,y\n`;
    const merges = countMerges();
    const { one, two } = await bothWays(Buffer.from(text), undefined, true);
    expect(typeof one).not.toBe("string");
    expect(two).toEqual(one);
    expect(merges).not.toHaveBeenCalled();
  });

  it("gives the same facts with the second piece read on a worker thread", async () => {
    const lines = ["Day,Campaign,Channel,Cost,Clicks"];
    for (let i = 0; i < 3000; i++) {
      const campaign = i % 7 === 0 ? `"Promo ""${i % 5}""\r\nspring"` : `Campaign ${i % 40}`;
      lines.push(
        `2025-03-${String((i % 28) + 1).padStart(2, "0")},${campaign},ch${i % 3},${(i % 997) / 4},${i % 50}`,
      );
    }
    lines.splice(1500, 0, ",Total: Account,,1,1");
    const merges = countMerges();
    const { one, two } = await bothWays(Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`), undefined, false);
    expect(typeof one).not.toBe("string");
    expect(two).toEqual(one);
    expect(merges).toHaveBeenCalledTimes(1);
  });
});
