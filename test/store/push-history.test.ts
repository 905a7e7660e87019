import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { totals } from "../../src/metrics/index.js";
import type { LiveRecord, Store } from "../../src/store/index.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const row = (id: string, date: string, spend: number): LiveRecord => ({
  kind: "metrics",
  externalId: id,
  date,
  campaign: "Brand",
  spend,
});

const push = (store: Store, at: number, ...records: LiveRecord[]) =>
  store.saveLiveBatch({ source: "n8n", records, receivedAt: new Date(at) });

const spendAsOf = async (store: Store, at: number, range: { since?: string; until?: string } = {}) =>
  totals(await store.liveFacts({ ...range, asOf: new Date(at) })).spend ?? 0;

describe.each(STORE_KINDS)("push history of live rows (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });

  it("reads each row as it stood at a moment, from the row itself and the versions pushes replaced", async () => {
    const store = await temp.open();
    expect(await push(store, 1_000, row("m1", "2025-05-01", 10))).toEqual(["stored"]);
    // A correction that also moves the row to another day.
    expect(await push(store, 2_000, row("m1", "2025-05-02", 20))).toEqual(["updated"]);
    expect(await push(store, 2_500, row("m2", "2025-05-01", 5))).toEqual(["stored"]);
    expect(await push(store, 3_000, row("m1", "2025-05-02", 20))).toEqual(["duplicate"]);

    expect(await spendAsOf(store, 500)).toBe(0);
    expect(await spendAsOf(store, 1_000)).toBe(10);
    expect(await spendAsOf(store, 1_999)).toBe(10);
    expect(await spendAsOf(store, 2_000)).toBe(20);
    expect(await spendAsOf(store, 2_600)).toBe(25);
    expect(await spendAsOf(store, 9_000)).toBe(25);
    // The day range is judged on the version of the moment: m1 was on May 1 until its correction.
    const mayFirst = { since: "2025-05-01", until: "2025-05-01" };
    expect(await spendAsOf(store, 1_500, mayFirst)).toBe(10);
    expect(await spendAsOf(store, 2_600, mayFirst)).toBe(5);
    expect(totals(await store.liveFacts()).spend).toBe(25);
  });

  it("writes history only when a push replaces a version (SQLite: one row for one correction)", async () => {
    const store = await temp.open();
    await push(
      store,
      1_000,
      row("m1", "2025-05-01", 10),
      row("m2", "2025-05-01", 1),
      row("m3", "2025-05-01", 2),
    );
    await push(store, 2_000, row("m1", "2025-05-01", 11));
    if (kind !== "sqlite") return;
    const db = new Database(temp.path, { readonly: true });
    try {
      const kept = db.prepare("SELECT external_id, spend, received_at FROM live_metric_pushes").all();
      expect(kept).toEqual([{ external_id: "m1", spend: 10, received_at: 1_000 }]);
    } finally {
      db.close();
    }
  });
});
