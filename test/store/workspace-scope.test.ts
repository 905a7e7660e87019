import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import type { NewDataset, Workspace } from "../../src/store/index.js";
import { LATEST_SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { downgrade } from "./old-schema.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const T1: Workspace = { team: "T1", enterprise: null };
const T2: Workspace = { team: "T2", enterprise: null };

function dataset(input: Partial<NewDataset> & { channel: string; name: string }): NewDataset {
  const read = readExport({ bytes: Buffer.from("Campaign,Cost\nA,1\nB,2\n"), name: input.name });
  return { receipt: read.receipt, facts: read.facts, ...input };
}

describe.each(STORE_KINDS)("rows scoped by workspace (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("lists, finds and answers threads only within the asking workspace", async () => {
    const store = await temp.open();
    const ours = await store.saveDataset(
      dataset({ team: "T1", channel: "C1", threadTs: "1.1", name: "ours.csv", createdAt: new Date(1_000) }),
    );
    await store.saveDataset(
      dataset({ team: "T2", channel: "C2", threadTs: "2.2", name: "theirs.csv", createdAt: new Date(2_000) }),
    );
    expect((await store.listDatasets({ workspace: T1 })).map((record) => record.name)).toEqual(["ours.csv"]);
    expect((await store.listDatasets({ workspace: T2 })).map((record) => record.name)).toEqual([
      "theirs.csv",
    ]);
    expect(await store.latestDataset("C2", T1)).toBeNull();
    expect(await store.datasetForThread("C2", "2.2", T1)).toBeNull();
    expect((await store.datasetForThread("C1", "1.1", T1))?.record.id).toBe(ours.record.id);
    expect((await store.getDataset(ours.record.id))?.record).toMatchObject({ team: "T1", enterprise: null });
  });

  it("keeps an enterprise's workspaces apart from another enterprise's", async () => {
    const store = await temp.open();
    await store.saveDataset(dataset({ team: "T1", enterprise: "E1", channel: "C1", name: "grid.csv" }));
    expect(await store.listDatasets({ workspace: { team: "T1", enterprise: "E2" } })).toEqual([]);
    expect(await store.listDatasets({ workspace: { team: "T1", enterprise: "E1" } })).toHaveLength(1);
  });

  it("lists only datasets of the conversations given", async () => {
    const store = await temp.open();
    await store.saveDataset(
      dataset({ team: "T1", channel: "C1", name: "one.csv", createdAt: new Date(1_000) }),
    );
    await store.saveDataset(
      dataset({ team: "T1", channel: "G9", name: "private.csv", createdAt: new Date(2_000) }),
    );
    expect(
      (await store.listDatasets({ workspace: T1, channels: ["C1"] })).map((record) => record.name),
    ).toEqual(["one.csv"]);
    expect(await store.listDatasets({ workspace: T1, channels: [] })).toEqual([]);
  });

  it.runIf(kind === "sqlite")("migrates a version 1 file without losing a row", async () => {
    const first = await temp.open();
    await first.saveDataset(dataset({ team: "T1", channel: "C1", threadTs: "1.1", name: "before.csv" }));
    const rule = await first.addAlertRule({ channel: "C1", definition: "roas < 2" });
    await first.close();
    await downgrade(temp, 1);

    const store = await temp.open();
    const db = new Database(temp.path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    const [record] = await store.listDatasets({ workspace: T1 });
    expect(record).toMatchObject({ name: "before.csv", team: "T1", enterprise: null });
    expect((await store.getDataset(record?.id ?? ""))?.facts.rowCount).toBe(2);
    expect(await store.getAlertRule(rule.id)).toMatchObject({ definition: "roas < 2" });
    await store.bindThread("C1", "1.1", record?.id ?? "", T1);
    expect((await store.datasetForThread("C1", "1.1", T1))?.record.name).toBe("before.csv");
  });
});
