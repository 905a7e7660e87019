import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { postgresDatabase, type TempDatabase } from "./temp-postgres.js";
import { until } from "./until.js";

let database: TempDatabase;
const opened: JobQueue[] = [];

beforeEach(async () => {
  database = await postgresDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.close()));
  await database.remove();
});

/** A queue on the test's own database; `now` is the leases' clock. */
async function open(bossSchema = "pgboss", now?: () => number) {
  const queue = await openPgBossJobQueue(database.url, { bossSchema, ...(now ? { now } : {}) });
  opened.push(queue);
  return { queue, bossSchema };
}

describe("the pg-boss job queue", () => {
  it("keeps a job across a reopen, and a known key adds nothing, even after its job is done", async () => {
    const { queue: first, bossSchema } = await open();
    const job = await first.enqueue({
      kind: "answer-question",
      key: "message:C1:1.1",
      payload: { q: "roas?" },
    });
    expect(job.created).toBe(true);
    await first.close();

    const { queue: second } = await open(bossSchema);
    expect(await second.enqueue({ kind: "answer-question", key: "message:C1:1.1", payload: 2 })).toEqual({
      id: job.id,
      created: false,
    });
    const [claimed] = await second.claim("w1", 10, 30_000);
    expect(claimed).toMatchObject({
      id: job.id,
      kind: "answer-question",
      payload: { q: "roas?" },
      attempt: 1,
    });
    expect(await second.claim("w2", 10, 30_000)).toEqual([]);
    await second.complete("w1", job.id);
    expect(await second.enqueue({ kind: "answer-question", key: "message:C1:1.1", payload: 3 })).toEqual({
      id: job.id,
      created: false,
    });
    expect(await second.claim("w2", 10, 30_000)).toEqual([]);
    expect(await second.backlog()).toEqual({ waiting: 0, oldestAgeMs: null });
  });

  it("stores a burst in one commit, each told whether it was new, and two instances share no job", async () => {
    const { queue: one, bossSchema } = await open();
    const { queue: two } = await open(bossSchema);
    const results = await Promise.all([
      one.enqueue({ kind: "k", key: "same", payload: 1 }),
      one.enqueue({ kind: "k", key: "same", payload: 2 }),
      two.enqueue({ kind: "k", key: "same", payload: 3 }),
      ...Array.from({ length: 20 }, (_, index) =>
        two.enqueue({ kind: "k", key: `other-${index}`, payload: index }),
      ),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(21);
    expect(new Set(results.slice(0, 3).map((result) => result.id)).size).toBe(1);
    const [a, b] = await Promise.all([one.claim("a", 15, 30_000), two.claim("b", 15, 30_000)]);
    const ids = [...a, ...b].map((job) => job.id);
    expect(ids).toHaveLength(21);
    expect(new Set(ids).size).toBe(21);
  });

  it("takes bursts of the same keys from two instances in opposite orders without failing an enqueue", async () => {
    const { queue: one, bossSchema } = await open();
    const { queue: two } = await open(bossSchema);
    const keys = Array.from({ length: 30 }, (_, index) => `shared-${index}`);
    for (let round = 0; round < 5; round++) {
      const roundKeys = keys.map((key) => `${key}@${round}`);
      const results = await Promise.all([
        ...roundKeys.map((key) => one.enqueue({ kind: "k", key, payload: 1 })),
        ...[...roundKeys].reverse().map((key) => two.enqueue({ kind: "k", key, payload: 2 })),
      ]);
      expect(results.filter((result) => result.created)).toHaveLength(roundKeys.length);
    }
  });

  it("gives a job whose lease ran out to another worker, and lets only the holder finish it", async () => {
    let clock = 1_000_000;
    const { queue } = await open(undefined, () => clock);
    const { id } = await queue.enqueue({ kind: "k", key: "a", payload: null });
    await queue.claim("dead", 1, 5_000);
    clock += 4_000;
    expect(await queue.resumeExpired()).toBe(0);
    clock += 2_000;
    expect(await queue.resumeExpired()).toBe(1);
    let again: Awaited<ReturnType<JobQueue["claim"]>> = [];
    // pg-boss puts a failed job back after a short growing wait.
    await until(async () => {
      again = await queue.claim("alive", 1, 5_000);
      return again.length > 0;
    });
    expect(again[0]).toMatchObject({ id, attempt: 2 });
    await queue.complete("dead", id);
    expect((await queue.backlog()).waiting).toBe(1);
    await queue.complete("alive", id);
    expect(await queue.backlog()).toEqual({ waiting: 0, oldestAgeMs: null });
  });

  it("releases the leases of dead owners, and the job comes back", async () => {
    const { queue } = await open();
    await queue.enqueue({ kind: "k", key: "a", payload: null });
    await queue.enqueue({ kind: "k", key: "b", payload: null });
    await queue.claim("dead", 1, 60_000);
    await queue.claim("alive", 1, 60_000);
    expect((await queue.leaseOwners()).sort()).toEqual(["alive", "dead"]);
    expect(await queue.releaseLeases(["dead"])).toBe(1);
    expect(await queue.leaseOwners()).toEqual(["alive"]);
    await until(async () => (await queue.claim("next", 5, 60_000)).length === 1);
  });

  it("runs a failed job again, and gives it up after its last attempt", async () => {
    const { queue } = await open();
    const { id } = await queue.enqueue({ kind: "k", key: "a", payload: null, maxAttempts: 2 });
    const [first] = await queue.claim("w", 1, 30_000);
    expect(first).toMatchObject({ attempt: 1, maxAttempts: 2 });
    await queue.fail("w", id, "Slack answered ratelimited", new Date(Date.now() + 1_000));
    let second: Awaited<ReturnType<JobQueue["claim"]>> = [];
    await until(async () => {
      second = await queue.claim("w", 1, 30_000);
      return second.length > 0;
    });
    expect(second[0]).toMatchObject({ id, attempt: 2 });
    await queue.fail("w", id, "again", null);
    expect(await queue.backlog()).toEqual({ waiting: 0, oldestAgeMs: null });
  });

  it("holds a job until its moment, and runs exclusive work of one name in one instance at a time", async () => {
    const { queue: one } = await open();
    const { queue: two } = await open();
    await one.enqueue({ kind: "k", key: "later", payload: null, runAt: new Date(Date.now() + 600_000) });
    expect(await two.claim("w", 5, 30_000)).toEqual([]);

    const order: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = one.exclusively("alert-evaluation", async () => {
      order.push("first begins");
      await held;
      order.push("first ends");
    });
    await until(async () => order.length === 1);
    const second = two.exclusively("alert-evaluation", async () => {
      order.push("second begins");
    });
    const other = two.exclusively("another-name", async () => {
      order.push("another name runs");
    });
    await other;
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first begins", "another name runs", "first ends", "second begins"]);
  });

  it("keeps its tables in PostgreSQL: pg-boss's schema and the app's keys, leases and steps", async () => {
    const { queue, bossSchema } = await open();
    await queue.enqueue({ kind: "k", key: "where", payload: null });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query<{ name: string }>(
      "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables",
    );
    await client.end();
    const names = tables.rows.map((row) => row.name);
    expect(names).toContain(`${bossSchema}.job`);
    expect(names).toEqual(
      expect.arrayContaining(["public.job_keys", "public.job_leases", "public.job_steps"]),
    );
  });
});
