import { afterEach, describe, expect, it } from "vitest";
import { CommitQueue } from "../../src/http/ingest/commit-queue.js";
import type { LiveRecord, Store } from "../../src/store/index.js";
import { STORE_KINDS, type TempStore, tempStore } from "../store/temp-store.js";
import { type Api, METRICS_ROW, postJson, signed, startApi } from "./http-harness.js";

let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

const row = (id: string): LiveRecord => ({ kind: "metrics", externalId: id, date: "2025-05-01", spend: 1 });

describe("group commit", () => {
  it.each(STORE_KINDS)(
    "commits deliveries of the same turn together; one that fails undoes only its own writes (%s)",
    async (kind) => {
      temp = tempStore(kind);
      const store: Store = await temp.open();
      const queue = new CommitQueue(store);
      const results = await Promise.allSettled([
        queue.submit((tx) => tx.saveLiveBatch({ source: "a", records: [row("1")] })),
        queue.submit(async (tx) => {
          await tx.saveLiveBatch({ source: "a", records: [row("2")] });
          throw new Error("this delivery fails after writing");
        }),
        queue.submit((tx) => tx.saveLiveBatch({ source: "a", records: [row("3")] })),
      ]);
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      await store.close();
      const ids = (await (await (temp as TempStore).open()).recentEvents(10))
        .map((item) => item.externalId)
        .sort();
      expect(ids).toEqual(["1", "3"]);
    },
  );

  it("answers concurrent retries of one Idempotency-Key identically, storing once", async () => {
    const api: Api = await startApi();
    try {
      const body = JSON.stringify({ ...METRICS_ROW, id: undefined });
      const headers = { ...signed(body), "idempotency-key": "same-delivery" };
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => postJson(api, "/webhooks/ingest", body, headers)),
      );
      const texts = await Promise.all(responses.map((response) => response.text()));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(texts).size).toBe(1);
      expect(await api.store.recentEvents(10)).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it("runs a group at once on SQLite, each job in its own savepoint", async () => {
    temp = tempStore("sqlite");
    const store: Store = await temp.open();
    const queue = new CommitQueue(store);
    const job = (id: string, fails = false) =>
      new Promise((resolve, reject) =>
        queue.enqueue({
          work: async () => {
            throw new Error("a group whose jobs can all run at once never awaits");
          },
          now: (tx) => {
            tx.tables.saveLiveBatch({ source: "a", records: [row(id)] });
            if (fails) throw new Error("this delivery fails after writing");
            return id;
          },
          settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
        }),
      );
    const results = await Promise.allSettled([job("1"), job("2", true), job("3")]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ids = (await store.recentEvents(10)).map((item) => item.externalId).sort();
    expect(ids).toEqual(["1", "3"]);
  });
});
