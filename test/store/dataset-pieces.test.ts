import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FactTable } from "../../src/ingest/index.js";
import { bigDataset, bigFacts } from "./big-facts.js";
import { countRows, failPieces, mendDisk, onDatabase } from "./database-rows.js";
import { expectSameFacts } from "./same-facts.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

/** Small pieces, so a table of a few thousand rows is saved in dozens of them. */
const PIECE_BYTES = 4096;
const T1 = { team: "T1", enterprise: null };

describe.each(STORE_KINDS)("datasets saved in pieces (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });

  it("reads back a dataset saved in many pieces byte for byte, through every read", async () => {
    const store = await temp.open({ datasetPieceBytes: PIECE_BYTES });
    const facts = bigFacts(5_000);
    const saved = await store.saveDataset(bigDataset(facts));
    expect(saved.created).toBe(true);
    // Every column is bigger than a piece: the identifier's text alone is about 95 KB.
    expect(await countRows(temp, "dataset_column_pieces")).toBeGreaterThan(50);
    for (const read of [
      await store.getDataset(saved.record.id),
      await store.latestDataset("C1", T1),
      await store.datasetForThread("C1", "1.1", T1),
    ]) {
      expect(read?.record.id).toBe(saved.record.id);
      expectSameFacts(read?.facts as FactTable, facts);
    }
    // And by a store that saves in pieces of another size: the pieces are read as they were written.
    const other = await temp.open();
    expectSameFacts((await other.getDataset(saved.record.id))?.facts as FactTable, facts);
  });

  it("lets other work run between pieces: a setImmediate callback sees the save half done", async () => {
    const store = await temp.open({ datasetPieceBytes: PIECE_BYTES });
    let saving = true;
    const seen = new Set<number>();
    const watch = (async () => {
      while (saving) {
        await new Promise((resolve) => setImmediate(resolve));
        seen.add(await countRows(temp, "dataset_column_pieces"));
      }
    })();
    await store.saveDataset(bigDataset(bigFacts(5_000)));
    saving = false;
    await watch;
    const total = await countRows(temp, "dataset_column_pieces");
    expect([...seen].filter((count) => count > 0 && count < total)).not.toHaveLength(0);
  });

  it("stores a file once when the same upload is saved twice at the same time", async () => {
    const store = await temp.open({ datasetPieceBytes: PIECE_BYTES });
    const facts = bigFacts(3_000);
    const [first, second] = await Promise.all([
      store.saveDataset(bigDataset(facts)),
      store.saveDataset(bigDataset(facts)),
    ]);
    expect(second?.record.id).toBe(first?.record.id);
    expect([first?.created, second?.created].sort()).toEqual([false, true]);
    expect(await countRows(temp, "datasets")).toBe(1);
    const [columns] = await onDatabase(temp, (query) =>
      query("SELECT count(DISTINCT dataset_id) AS n FROM dataset_column_pieces"),
    );
    expect(Number(columns?.n)).toBe(1);
    expect((await store.findDatasetByFile("F-big"))?.id).toBe(first?.record.id);
    expectSameFacts((await store.getDataset(first?.record.id as string))?.facts as FactTable, facts);
  });

  it("leaves nothing of a save that fails midway, and loses nothing stored before", async () => {
    const store = await temp.open({ datasetPieceBytes: PIECE_BYTES });
    const earlierFacts = bigFacts(2_000);
    const earlier = await store.saveDataset(bigDataset(earlierFacts, "F-earlier"));
    const earlierPieces = await countRows(temp, "dataset_column_pieces");
    await failPieces(temp, 5);

    await expect(store.saveDataset(bigDataset(bigFacts(4_000)))).rejects.toThrow(/disk full/);
    expect(await countRows(temp, "datasets")).toBe(1);
    expect(await countRows(temp, "dataset_column_pieces")).toBe(earlierPieces);
    expect((await store.listDatasets({ workspace: T1 })).map((record) => record.id)).toEqual([
      earlier.record.id,
    ]);
    expect(await store.findDatasetByFile("F-big")).toBeNull();
    expectSameFacts((await store.getDataset(earlier.record.id))?.facts as FactTable, earlierFacts);

    // Once the disk has room, the same upload is stored, once.
    await mendDisk(temp);
    const facts = bigFacts(4_000);
    const retried = await store.saveDataset(bigDataset(facts));
    expect(retried.created).toBe(true);
    expectSameFacts((await store.latestDataset("C1", T1))?.facts as FactTable, facts);
  });
});
