import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import type { NewDataset, Workspace } from "../../src/store/index.js";
import { type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
beforeEach(() => {
  temp = tempStore();
});
afterEach(() => temp.remove());

const T1: Workspace = { team: "T1", enterprise: null };
const T2: Workspace = { team: "T2", enterprise: null };

function dataset(input: Partial<NewDataset> & { channel: string; name: string }): NewDataset {
  const read = readExport({ bytes: Buffer.from("Campaign,Cost\nA,1\nB,2\n"), name: input.name });
  return { receipt: read.receipt, facts: read.facts, ...input };
}

/** Turns a fresh file back into what schema version 1 left on disk: no workspace columns anywhere. */
function downgradeToVersionOne(path: string): void {
  const db = new Database(path);
  db.exec(`
    DROP INDEX datasets_by_team;
    ALTER TABLE datasets DROP COLUMN enterprise;
    ALTER TABLE threads DROP COLUMN team;
    ALTER TABLE threads DROP COLUMN enterprise;
    ALTER TABLE alert_rules DROP COLUMN team;
    ALTER TABLE alert_rules DROP COLUMN enterprise;
  `);
  db.pragma("user_version = 1");
  db.close();
}

describe("rows scoped by workspace", () => {
  it("lists, finds and answers threads only within the asking workspace", () => {
    const store = temp.open();
    const ours = store.saveDataset(
      dataset({ team: "T1", channel: "C1", threadTs: "1.1", name: "ours.csv", createdAt: new Date(1_000) }),
    );
    store.saveDataset(
      dataset({ team: "T2", channel: "C2", threadTs: "2.2", name: "theirs.csv", createdAt: new Date(2_000) }),
    );
    expect(store.listDatasets({ workspace: T1 }).map((record) => record.name)).toEqual(["ours.csv"]);
    expect(store.listDatasets({ workspace: T2 }).map((record) => record.name)).toEqual(["theirs.csv"]);
    expect(store.latestDataset("C2", T1)).toBeNull();
    expect(store.datasetForThread("C2", "2.2", T1)).toBeNull();
    expect(store.datasetForThread("C1", "1.1", T1)?.record.id).toBe(ours.record.id);
    expect(store.getDataset(ours.record.id)?.record).toMatchObject({ team: "T1", enterprise: null });
  });

  it("keeps an enterprise's workspaces apart from another enterprise's", () => {
    const store = temp.open();
    store.saveDataset(dataset({ team: "T1", enterprise: "E1", channel: "C1", name: "grid.csv" }));
    expect(store.listDatasets({ workspace: { team: "T1", enterprise: "E2" } })).toEqual([]);
    expect(store.listDatasets({ workspace: { team: "T1", enterprise: "E1" } })).toHaveLength(1);
  });

  it("lists only datasets of the conversations given", () => {
    const store = temp.open();
    store.saveDataset(dataset({ team: "T1", channel: "C1", name: "one.csv", createdAt: new Date(1_000) }));
    store.saveDataset(
      dataset({ team: "T1", channel: "G9", name: "private.csv", createdAt: new Date(2_000) }),
    );
    expect(store.listDatasets({ workspace: T1, channels: ["C1"] }).map((record) => record.name)).toEqual([
      "one.csv",
    ]);
    expect(store.listDatasets({ workspace: T1, channels: [] })).toEqual([]);
  });

  it("migrates a version 1 file without losing a row", () => {
    const first = temp.open();
    first.saveDataset(dataset({ team: "T1", channel: "C1", threadTs: "1.1", name: "before.csv" }));
    const rule = first.addAlertRule({ channel: "C1", definition: "roas < 2" });
    first.close();
    downgradeToVersionOne(temp.path);

    const store = temp.open();
    const db = new Database(temp.path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    db.close();
    const [record] = store.listDatasets({ workspace: T1 });
    expect(record).toMatchObject({ name: "before.csv", team: "T1", enterprise: null });
    expect(store.getDataset(record?.id ?? "")?.facts.rowCount).toBe(2);
    expect(store.getAlertRule(rule.id)).toMatchObject({ definition: "roas < 2" });
    store.bindThread("C1", "1.1", record?.id ?? "", T1);
    expect(store.datasetForThread("C1", "1.1", T1)?.record.name).toBe("before.csv");
  });
});
