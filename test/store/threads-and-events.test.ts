import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { factTableFromRecords, readExport } from "../../src/ingest/index.js";
import type { Store } from "../../src/store/index.js";
import { openSqliteStore, StoreError } from "../../src/store/index.js";
import { LATEST_SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

function someDataset() {
  const { receipt } = readExport({ bytes: Buffer.from("campaign,spend\nA,1\n"), name: "a.csv" });
  return {
    channel: "C1",
    name: "a.csv",
    receipt,
    facts: factTableFromRecords([{ campaign: "A", spend: 1 }]),
  };
}

describe.each(STORE_KINDS)("threads (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("binds a thread to a dataset and keeps its history across a restart", async () => {
    const store = await temp.open();
    const { record } = await store.saveDataset(someDataset());
    expect(await store.getThread("C1", "1.1")).toBeNull();
    await store.bindThread("C1", "1.1", record.id);
    await store.appendHistory("C1", "1.1", [{ role: "user", text: "which campaign spent most?" }]);
    await store.appendHistory("C1", "1.1", [{ role: "model", text: "A", figures: [1] }]);
    await store.close();

    const thread = await (await temp.open()).getThread("C1", "1.1");
    expect(thread).toMatchObject({
      channel: "C1",
      threadTs: "1.1",
      datasetId: record.id,
      history: [
        { role: "user", text: "which campaign spent most?" },
        { role: "model", text: "A", figures: [1] },
      ],
    });
  });

  it("keeps only the newest entries, up to the history limit", async () => {
    const store = await temp.open({ historyLimit: 3 });
    for (let turn = 1; turn <= 5; turn++) await store.appendHistory("C1", "2.2", [{ turn }]);
    expect((await store.getThread("C1", "2.2"))?.history).toEqual([{ turn: 3 }, { turn: 4 }, { turn: 5 }]);
    expect(await store.appendHistory("C1", "2.2", [{ turn: 6 }, { turn: 7 }])).toEqual([
      { turn: 5 },
      { turn: 6 },
      { turn: 7 },
    ]);
    await store.replaceHistory("C1", "2.2", [{ summary: "asked about A" }]);
    expect((await store.getThread("C1", "2.2"))?.history).toEqual([{ summary: "asked about A" }]);
    await store.replaceHistory("C1", "2.2", [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    expect((await store.getThread("C1", "2.2"))?.history).toEqual([{ a: 2 }, { a: 3 }, { a: 4 }]);
  });

  it("a history written before binding keeps the thread unbound until bound", async () => {
    const store = await temp.open();
    await store.appendHistory("C1", "3.3", [{ role: "user" }]);
    expect((await store.getThread("C1", "3.3"))?.datasetId).toBeNull();
    const { record } = await store.saveDataset(someDataset());
    await store.bindThread("C1", "3.3", record.id);
    expect(await store.getThread("C1", "3.3")).toMatchObject({
      datasetId: record.id,
      history: [{ role: "user" }],
    });
  });
});

describe.each(STORE_KINDS)("processed events (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("claims a key only once, also after a restart", async () => {
    const store = await temp.open();
    expect(await store.claimEvent("Ev1")).toBe(true);
    expect(await store.claimEvent("Ev1")).toBe(false);
    expect(await store.claimEvent("file:F1")).toBe(true);
    await store.close();
    const reopened = await temp.open();
    expect(await reopened.claimEvent("Ev1")).toBe(false);
    expect(await reopened.claimEvent("Ev2")).toBe(true);
  });

  it("prunes keys older than the retention when the store opens", async () => {
    await (await temp.open()).claimEvent("old");
    const later = await temp.open({ keyRetentionMs: -1 });
    expect(await later.claimEvent("old")).toBe(true);
  });
});

describe.each(STORE_KINDS)("remembered responses (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("answers concurrent deliveries of one key once, also through two stores on one database", async () => {
    // On PostgreSQL two opened stores are two instances (two pools). SQLite is one process's store: a
    // second connection in the same process would wait for the first's lock while holding the event loop.
    const first = await temp.open();
    const instances = [first, kind === "postgres" ? await temp.open() : first];
    let runs = 0;
    const deliver = (index: number) =>
      (instances[index % 2] as Store).rememberResponse("same-delivery", "body", async (tx) => {
        runs += 1;
        await tx.saveLiveBatch({ source: "s", records: [{ kind: "metrics", date: "2025-01-01", spend: 1 }] });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { status: 200, body: `{"run":${runs}}` };
      });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => deliver(index)));
    expect(runs).toBe(1);
    expect(answers.filter((answer) => answer.outcome === "fresh")).toHaveLength(1);
    expect(
      new Set(
        answers.map((answer) => JSON.stringify(answer.outcome === "conflict" ? null : answer.response)),
      ),
    ).toEqual(new Set(['{"status":200,"body":"{\\"run\\":1}"}']));
    expect(await (instances[0] as Store).recentEvents(10)).toHaveLength(1);
  });

  it("replays the first response for the same key and body, and refuses the key for another body", async () => {
    const store = await temp.open();
    let runs = 0;
    const produce = async () => {
      runs += 1;
      return { status: 200, body: `{"run":${runs}}` };
    };
    expect(await store.rememberResponse("k1", "body-a", produce)).toEqual({
      outcome: "fresh",
      response: { status: 200, body: '{"run":1}' },
    });
    expect(await store.rememberResponse("k1", "body-a", produce)).toEqual({
      outcome: "replayed",
      response: { status: 200, body: '{"run":1}' },
    });
    expect(await store.rememberResponse("k1", "body-b", produce)).toEqual({ outcome: "conflict" });
    expect(runs).toBe(1);
  });

  it("does not keep a server error, and keeps nothing when producing fails", async () => {
    const store = await temp.open();
    await store.rememberResponse("k2", "x", async () => ({ status: 503, body: "later" }));
    expect((await store.rememberResponse("k2", "x", async () => ({ status: 200, body: "ok" }))).outcome).toBe(
      "fresh",
    );

    await expect(
      store.rememberResponse("k3", "x", async (tx) => {
        await tx.saveLiveBatch({ source: "s", records: [{ kind: "metrics", date: "2025-01-01", spend: 1 }] });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.recentEvents(10)).toEqual([]);
    expect((await store.rememberResponse("k3", "x", async () => ({ status: 200, body: "ok" }))).outcome).toBe(
      "fresh",
    );
  });
});

describe("schema", () => {
  beforeEach(() => {
    temp = tempStore("sqlite");
  });
  it("records its version and refuses a file from a newer program", async () => {
    await (await temp.open()).close();
    const db = new Database(temp.path);
    expect(db.pragma("user_version", { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.pragma("user_version = 99");
    db.close();
    expect(() => openSqliteStore(temp.path)).toThrow(StoreError);
    expect(() => openSqliteStore(temp.path)).toThrow(/schema version 99/);
  });
});
