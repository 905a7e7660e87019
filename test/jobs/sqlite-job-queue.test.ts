import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { openSqliteStore } from "../../src/store/index.js";

const opened: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
});

function databaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), "mpo-jobs-")), "mpo.db");
}

function open(path: string, now?: () => number): JobQueue {
  const queue = openSqliteJobQueue(path, now ? { now } : {});
  opened.push(queue);
  return queue;
}

describe("the SQLite job queue", () => {
  it("keeps a job across a reopen of the file, and a known key adds nothing", async () => {
    const path = databaseFile();
    const first = open(path);
    const job = await first.enqueue({
      kind: "answer-question",
      key: "message:C1:1.1",
      payload: { q: "roas?" },
    });
    expect(job.created).toBe(true);
    await first.close();

    const second = open(path);
    const again = await second.enqueue({
      kind: "answer-question",
      key: "message:C1:1.1",
      payload: { q: "other" },
    });
    expect(again).toEqual({ id: job.id, created: false });
    const [claimed] = await second.claim("w1", 10, 1000);
    expect(claimed).toMatchObject({
      id: job.id,
      kind: "answer-question",
      payload: { q: "roas?" },
      attempt: 1,
    });
    expect(await second.claim("w2", 10, 1000)).toEqual([]);
  });

  it("holds a job until its moment", async () => {
    let clock = 1_000_000;
    const queue = open(databaseFile(), () => clock);
    await queue.enqueue({ kind: "k", key: "later", payload: null, runAt: new Date(clock + 2_000) });
    expect(await queue.claim("w", 1, 1000)).toEqual([]);
    clock += 2_000;
    expect(await queue.claim("w", 1, 1000)).toHaveLength(1);
  });

  it("stores a burst of enqueues in one commit, each told whether it was new", async () => {
    const queue = open(databaseFile());
    const results = await Promise.all([
      queue.enqueue({ kind: "k", key: "same", payload: 1 }),
      queue.enqueue({ kind: "k", key: "same", payload: 2 }),
      queue.enqueue({ kind: "k", key: "other", payload: 3 }),
    ]);
    expect(results.map((result) => result.created)).toEqual([true, false, true]);
    expect(results[1]?.id).toBe(results[0]?.id);
    expect((await queue.claim("w", 10, 1000)).map((job) => job.payload)).toEqual([1, 3]);
  });

  it("lives in the store's own file, next to its tables", async () => {
    const path = databaseFile();
    const store = openSqliteStore(path);
    const queue = open(path);
    await queue.enqueue({ kind: "publish-home", key: "k", payload: {} });
    await store.close();
    const db = new Database(path, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    db.close();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(["datasets", "jobs", "job_steps"]),
    );
  });

  it("gives a job whose lease ran out to another worker, and lets only the holder finish it", async () => {
    let clock = 1_000_000;
    const queue = open(databaseFile(), () => clock);
    const { id } = await queue.enqueue({ kind: "k", key: "a", payload: null });
    await queue.claim("dead", 1, 5_000);
    clock += 4_000;
    expect(await queue.resumeExpired()).toBe(0);
    clock += 2_000;
    expect(await queue.resumeExpired()).toBe(1);
    const [again] = await queue.claim("alive", 1, 5_000);
    expect(again).toMatchObject({ id, attempt: 2 });
    await queue.complete("dead", id);
    expect((await queue.backlog()).waiting).toBe(1);
    await queue.complete("alive", id);
    expect(await queue.backlog()).toEqual({ waiting: 0, oldestAgeMs: null });
  });

  it("releases the leases of dead owners at once", async () => {
    const queue = open(databaseFile());
    await queue.enqueue({ kind: "k", key: "a", payload: null });
    await queue.enqueue({ kind: "k", key: "b", payload: null });
    await queue.claim("dead", 1, 60_000);
    await queue.claim("alive", 1, 60_000);
    expect((await queue.leaseOwners()).sort()).toEqual(["alive", "dead"]);
    expect(await queue.releaseLeases(["dead"])).toBe(1);
    expect(await queue.claim("next", 5, 60_000)).toHaveLength(1);
  });

  it("runs a failed job again when told, and gives it up after its last attempt", async () => {
    let clock = 1_000_000;
    const queue = open(databaseFile(), () => clock);
    const { id } = await queue.enqueue({ kind: "k", key: "a", payload: null, maxAttempts: 2 });
    await queue.claim("w", 1, 1000);
    await queue.fail("w", id, "Slack answered ratelimited", new Date(clock + 2_000));
    expect(await queue.claim("w", 1, 1000)).toEqual([]);
    clock += 2_000;
    const [second] = await queue.claim("w", 1, 1000);
    expect(second?.attempt).toBe(2);
    await queue.fail("w", id, "again", null);
    clock += 10_000;
    expect(await queue.claim("w", 1, 1000)).toEqual([]);
    expect((await queue.backlog()).waiting).toBe(0);
  });

  it("gives up a job that takes its worker down on every attempt", async () => {
    let clock = 1_000_000;
    const queue = open(databaseFile(), () => clock);
    await queue.enqueue({ kind: "k", key: "poison", payload: null, maxAttempts: 2 });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await queue.claim("w", 1, 1000)).toHaveLength(1);
      clock += 2_000;
      await queue.resumeExpired();
    }
    expect(await queue.claim("w", 1, 1000)).toEqual([]);
    expect((await queue.backlog()).waiting).toBe(0);
  });

  it("reports the backlog and the age of its oldest job", async () => {
    let clock = 1_000_000;
    const queue = open(databaseFile(), () => clock);
    await queue.enqueue({ kind: "k", key: "a", payload: null });
    clock += 1_500;
    await queue.enqueue({ kind: "k", key: "b", payload: null });
    clock += 500;
    expect(await queue.backlog()).toEqual({ waiting: 2, oldestAgeMs: 2_000 });
  });
});
