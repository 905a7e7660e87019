import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { postgresDatabase } from "./temp-postgres.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A fresh queue of each engine: the SQLite file's, and pg-boss on a database of its own. */
const engines = {
  sqlite: async (): Promise<JobQueue> => {
    const queue = openSqliteJobQueue(join(mkdtempSync(join(tmpdir(), "mpo-jobs-")), "mpo.db"));
    cleanups.push(() => queue.close());
    return queue;
  },
  postgres: async (): Promise<JobQueue> => {
    const database = await postgresDatabase();
    const queue = await openPgBossJobQueue(database.url);
    cleanups.push(async () => {
      await queue.close();
      await database.remove();
    });
    return queue;
  },
};

describe.each(["sqlite", "postgres"] as const)("the job queue on %s", (engine) => {
  it("remembers each step of a job: new, then uncertain until finished, then done with its result", async () => {
    const queue = await engines[engine]();
    const { id } = await queue.enqueue({ kind: "k", key: "a", payload: null });
    expect(await queue.beginStep(id, "chat.postMessage#1")).toEqual({ state: "new" });
    expect(await queue.beginStep(id, "chat.postMessage#1")).toMatchObject({ state: "uncertain" });
    await queue.finishStep(id, "chat.postMessage#1", { ok: true, ts: "1.2" });
    expect(await queue.beginStep(id, "chat.postMessage#1")).toEqual({
      state: "done",
      result: { ok: true, ts: "1.2" },
    });
    expect(await queue.beginStep(id, "chat.postMessage#2")).toEqual({ state: "new" });
  });

  it("adds nothing for a known key after its job is done (a schedule's slot is delivered once)", async () => {
    const queue = await engines[engine]();
    const { id } = await queue.enqueue({ kind: "k", key: "slot:1", payload: 1 });
    expect(await queue.claim("w", 1, 30_000)).toHaveLength(1);
    await queue.complete("w", id);
    expect(await queue.enqueue({ kind: "k", key: "slot:1", payload: 2 })).toEqual({ id, created: false });
    expect(await queue.claim("w", 1, 30_000)).toEqual([]);
    expect(await queue.backlog()).toEqual({ waiting: 0, oldestAgeMs: null });
  });
});
