import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  civilToDay,
  dimensionValue,
  type FactTable,
  factTableFromRecords,
  type IdentifierColumn,
  NO_DAY,
  NO_VALUE,
  readExport,
} from "../../src/ingest/index.js";
import { textDimension } from "../../src/ingest/text-dictionary.js";
import type { NewDataset } from "../../src/store/index.js";
import { dictionaryOf } from "./big-facts.js";
import { expectSameFacts } from "./same-facts.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const CSV = [
  "Day,Campaign,Channel,Cost,Impressions,Clicks,Conversions,Revenue,Reach",
  "2025-03-01,Brand,Google,120.50,10000,300,12,640.00,8000",
  "2025-03-01,Prospecting,Meta,80.25,22000,150,,210.10,",
  "2025-03-02,Brand,Google,99.99,9000,280,10,600.00,7000",
  "2025-03-02,,Meta,0,100,0,0,0,50",
].join("\n");

/** The workspace `csvDataset` is shared in. */
const T1 = { team: "T1", enterprise: null };

function csvDataset(): NewDataset {
  const dataset = readExport({ bytes: Buffer.from(CSV), name: "march.csv" });
  return {
    team: "T1",
    channel: "C1",
    threadTs: "1700000000.000100",
    fileId: "F1",
    name: "march.csv",
    uploadedBy: "U1",
    receipt: dataset.receipt,
    totalsCheck: dataset.totalsCheck,
    facts: dataset.facts,
  };
}

describe.each(STORE_KINDS)("datasets (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("saves an ingested CSV and reads back exactly the same typed arrays, receipt and totals check", async () => {
    const input = csvDataset();
    const store = await temp.open();
    const { record, created } = await store.saveDataset(input);
    expect(created).toBe(true);
    expect(record).toMatchObject({
      team: "T1",
      channel: "C1",
      threadTs: "1700000000.000100",
      fileId: "F1",
      name: "march.csv",
      uploadedBy: "U1",
      rowCount: 4,
    });
    const loaded = await store.getDataset(record.id);
    expect(loaded?.record).toEqual(record);
    expect(loaded?.record.receipt).toEqual(input.receipt);
    expectSameFacts(loaded?.facts as FactTable, input.facts);
    expect(Number.isNaN(loaded?.facts.measures.conversions?.[1])).toBe(true);
  });

  it("keeps absent cells, blank dimensions, undated rows and -0 through a restart", async () => {
    const facts = factTableFromRecords([
      { date: "2025-01-01", campaign: "A", spend: 1.5, reach: 10 },
      { date: "2025-01-02", campaign: null, spend: -0, clicks: 3 },
      { campaign: "B", spend: Number.NaN, clicks: 4 },
    ]);
    expect(facts.days?.[2]).toBe(NO_DAY);
    expect(facts.dimensions.campaign?.codes[1]).toBe(NO_VALUE);
    const receipt = csvDataset().receipt;
    const first = await temp.open();
    const { record } = await first.saveDataset({ channel: "C2", name: "hand-made", receipt, facts });
    await first.close();

    const reopened = await temp.open();
    const loaded = await reopened.getDataset(record.id);
    expectSameFacts(loaded?.facts as FactTable, facts);
    expect(Object.is(loaded?.facts.measures.spend?.[1], -0)).toBe(true);
    expect(loaded?.record).toEqual(record);
  });

  it("round-trips a 200,000-row table (the size the column blobs are for)", async () => {
    const rows = 200_000;
    const first = civilToDay(2024, 1, 1);
    const facts: FactTable = {
      rowCount: rows,
      days: Int32Array.from({ length: rows }, (_, row) => first + (row % 365)),
      measures: {
        spend: Float64Array.from({ length: rows }, (_, row) => (row % 97) * 1.25),
        clicks: Float64Array.from({ length: rows }, (_, row) => (row % 13 === 0 ? Number.NaN : row % 50)),
      },
      dimensions: {
        campaign: {
          codes: Int32Array.from({ length: rows }, (_, row) => (row % 11 === 0 ? NO_VALUE : row % 200)),
          values: Array.from({ length: 200 }, (_, index) => `Campaign ${index}`),
        },
      },
      extraMeasures: { reach: Float64Array.from({ length: rows }, (_, row) => row) },
    };
    const store = await temp.open();
    const { record } = await store.saveDataset({
      channel: "C",
      name: "big",
      receipt: csvDataset().receipt,
      facts,
    });
    expectSameFacts((await store.getDataset(record.id))?.facts as FactTable, facts);
  });

  it("stores a Slack file once: the same file id returns the first dataset, untouched", async () => {
    const store = await temp.open();
    const first = await store.saveDataset(csvDataset());
    const again = await store.saveDataset({ ...csvDataset(), name: "renamed.csv", channel: "C9" });
    expect(again).toEqual({ record: first.record, created: false });
    expect(await store.findDatasetByFile("F1")).toEqual(first.record);
    expect(await store.findDatasetByFile("F404")).toBeNull();
    expect(await store.listDatasets({ workspace: T1 })).toHaveLength(1);
  });

  it("finds the channel's latest dataset, lists newest first, and answers for threads", async () => {
    const store = await temp.open();
    const base = csvDataset();
    const older = await store.saveDataset({
      ...base,
      fileId: "F1",
      threadTs: "100.1",
      createdAt: new Date("2025-03-01T10:00:00Z"),
    });
    const newer = await store.saveDataset({
      ...base,
      fileId: "F2",
      threadTs: "200.1",
      createdAt: new Date("2025-03-02T10:00:00Z"),
    });
    const elsewhere = await store.saveDataset({ ...base, fileId: "F3", channel: "C2", threadTs: "300.1" });

    expect((await store.latestDataset("C1", T1))?.record.id).toBe(newer.record.id);
    expect(await store.latestDataset("C404", T1)).toBeNull();
    expect((await store.listDatasets({ workspace: T1 })).map((d) => d.id)).toEqual([
      elsewhere.record.id,
      newer.record.id,
      older.record.id,
    ]);
    expect((await store.listDatasets({ limit: 1, channel: "C1", workspace: T1 })).map((d) => d.id)).toEqual([
      newer.record.id,
    ]);

    expect((await store.datasetForThread("C1", "100.1", T1))?.record.id).toBe(older.record.id);
    expect(await store.datasetForThread("C1", "999.9", T1)).toBeNull();
    await store.bindThread("C1", "100.1", newer.record.id, T1);
    expect((await store.datasetForThread("C1", "100.1", T1))?.record.id).toBe(newer.record.id);
  });

  it("keeps identifier columns (text past the grouping cap) through a restart, each row with its value", async () => {
    const csv = [
      "Day,Campaign,Search term,Cost",
      "2025-03-01,Brand,red shoes,1.5",
      '2025-03-01,Brand,"say ""hi"", café",2',
      "2025-03-02,Search,,3",
      "2025-03-02,Search,zapatos rojos 👟,4",
      "2025-03-03,Brand,red shoes,5",
    ].join("\n");
    const read = readExport({ bytes: Buffer.from(csv), name: "terms.csv" }, { groupingCap: 2 });
    const terms = read.facts.identifiers?.["Search term"];
    if (!terms) throw new Error("the file has no identifier column");
    const first = await temp.open();
    const { record } = await first.saveDataset({
      channel: "C1",
      name: "terms.csv",
      receipt: read.receipt,
      facts: read.facts,
    });
    await first.close();

    const loaded = (await (await temp.open()).getDataset(record.id))?.facts as FactTable;
    expectSameFacts(loaded, read.facts);
    const stored = loaded.identifiers?.["Search term"];
    if (!stored) throw new Error("the identifier column was not stored");
    expect(Array.from({ length: 5 }, (_, row) => dimensionValue(stored, row))).toEqual([
      "red shoes",
      'say "hi", café',
      null,
      "zapatos rojos 👟",
      "red shoes",
    ]);
  });

  it("round-trips 200,000 rows of distinct identifiers and undecoded text as bytes, unchanged", async () => {
    const rows = 200_000;
    const values = Array.from({ length: rows }, (_, row) => `term ${row} ${row % 7 === 0 ? "é" : ""}`);
    const keywords = Array.from({ length: 1_000 }, (_, index) => `keyword ${index} ✓`);
    const facts: FactTable = {
      rowCount: rows,
      days: null,
      measures: { spend: Float64Array.from({ length: rows }, (_, row) => row / 4) },
      // A dimension as a file's reader leaves it: its values still bytes, decoded on first use.
      dimensions: {
        keyword: textDimension(
          Int32Array.from({ length: rows }, (_, row) => row % 1_000),
          dictionaryOf(keywords),
        ),
      },
      extraMeasures: {},
      identifiers: {
        "Search term": {
          codes: Int32Array.from({ length: rows }, (_, row) => (row % 13 === 0 ? NO_VALUE : row)),
          text: dictionaryOf(values),
        },
      },
    };
    const store = await temp.open();
    const { record } = await store.saveDataset({
      channel: "C",
      name: "terms",
      receipt: csvDataset().receipt,
      facts,
    });
    const loaded = (await store.getDataset(record.id))?.facts as FactTable;
    // Stored and read back as bytes: the store turned none of the keywords into strings.
    expect(Object.getOwnPropertyDescriptor(facts.dimensions.keyword, "values")?.get).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(loaded.dimensions.keyword, "values")?.get).toBeDefined();
    expectSameFacts(loaded, facts);
    expect(loaded.dimensions.keyword?.values).toEqual(keywords);
    expect(dimensionValue(loaded.identifiers?.["Search term"] as IdentifierColumn, 199_999)).toBe(
      values[199_999],
    );
  });

  it("round-trips columns of more than 8 MB each (PostgreSQL reads those in pieces)", async () => {
    const rows = 1_100_000;
    const facts: FactTable = {
      rowCount: rows,
      days: null,
      measures: { spend: Float64Array.from({ length: rows }, (_, row) => row * 0.5) },
      dimensions: {},
      extraMeasures: {},
      identifiers: {
        "Click id": {
          codes: Int32Array.from({ length: rows }, (_, row) => row),
          text: dictionaryOf(Array.from({ length: rows }, (_, row) => `c${String(row).padStart(7, "0")}`)),
        },
      },
    };
    const store = await temp.open();
    const { record } = await store.saveDataset({
      channel: "C",
      name: "clicks",
      receipt: csvDataset().receipt,
      facts,
    });
    expectSameFacts((await store.getDataset(record.id))?.facts as FactTable, facts);
  });

  it("returns null for a dataset that does not exist", async () => {
    expect(await (await temp.open()).getDataset("ds_missing")).toBeNull();
  });
});
