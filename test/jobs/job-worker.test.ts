import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ClaimedJob, JobQueue } from "../../src/jobs/job-queue.js";
import { JobWorker } from "../../src/jobs/job-worker.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { silentLogger } from "../../src/log/logger.js";
import { until } from "./until.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function queueFile(): { path: string; queue: JobQueue } {
  const path = join(mkdtempSync(join(tmpdir(), "mpo-worker-")), "mpo.db");
  const queue = openSqliteJobQueue(path);
  cleanup.push(() => queue.close());
  return { path, queue };
}

function worker(queue: JobQueue, handle: (job: ClaimedJob) => Promise<void>, leaseMs = 30_000): JobWorker {
  const running = new JobWorker({ queue, handle, logger: silentLogger, leaseMs, pollMs: 20 });
  cleanup.push(() => running.drain(5_000));
  return running;
}

describe("the job worker", () => {
  it("runs every job once, no more than its concurrency at a time", async () => {
    const { queue } = queueFile();
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const running = worker(queue, async (job) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push((job.payload as { n: number }).n);
      inFlight--;
    });
    await running.start();
    for (let n = 0; n < 40; n++) {
      await queue.enqueue({ kind: "k", key: `job-${n}`, payload: { n } });
      running.nudge();
    }
    await until(async () => (await queue.backlog()).waiting === 0);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(most).toBeLessThanOrEqual(4);
  });

  it("runs a job that threw again, and stops after its attempts", async () => {
    const { queue } = queueFile();
    const attempts: number[] = [];
    const running = worker(queue, async (job) => {
      attempts.push(job.attempt);
      throw new Error("Slack answered internal_error");
    });
    await queue.enqueue({ kind: "k", key: "a", payload: null, maxAttempts: 2 });
    await running.start();
    await until(async () => (await queue.backlog()).waiting === 0);
    expect(attempts).toEqual([1, 2]);
  });

  it("on draining, finishes what runs and takes nothing new", async () => {
    const { queue } = queueFile();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done: string[] = [];
    const running = worker(queue, async (job) => {
      await gate;
      done.push(job.key);
    });
    await running.start();
    await queue.enqueue({ kind: "k", key: "first", payload: null });
    running.nudge();
    await until(() => running.busy === 1);
    const drained = running.drain(10_000);
    await queue.enqueue({ kind: "k", key: "after", payload: null });
    running.nudge();
    release();
    expect(await drained).toEqual({ unfinished: 0 });
    expect(done).toEqual(["first"]);
    expect((await queue.backlog()).waiting).toBe(1);
  });

  it("resumes at start the jobs a dead process on this host held", async () => {
    const { queue } = queueFile();
    await queue.enqueue({ kind: "k", key: "orphan", payload: null });
    // A pid no process has: the owner of this lease is gone.
    await queue.claim(`${(await import("node:os")).hostname()}:4194303:deadbeef`, 1, 600_000);
    const done: string[] = [];
    const running = worker(queue, async (job) => {
      done.push(job.key);
    });
    await running.start();
    await until(() => done.length === 1);
    expect(done).toEqual(["orphan"]);
  });

  it("keeps a long job's lease alive, so no second worker runs it", async () => {
    const { queue } = queueFile();
    let runs = 0;
    let finish: () => void = () => {};
    const long = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const slow = worker(
      queue,
      async () => {
        runs++;
        await long;
      },
      150,
    );
    const other = worker(
      queue,
      async () => {
        runs++;
      },
      150,
    );
    await queue.enqueue({ kind: "k", key: "long", payload: null });
    await slow.start();
    await until(() => slow.busy === 1);
    await other.start();
    await new Promise((resolve) => setTimeout(resolve, 600));
    finish();
    await until(async () => (await queue.backlog()).waiting === 0);
    expect(runs).toBe(1);
  });
});
