import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { jobInsert } from "../../store/sqlite/job-rows.js";
import { migrate } from "../../store/sqlite/migrations.js";
import type { Backlog, ClaimedJob, Enqueued, JobId, JobQueue, NewJob, StepState } from "../job-queue.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Finished jobs between two prunings of those past their retention. */
const PRUNE_EVERY = 500;

export interface SqliteJobQueueOptions {
  /** How long a finished job (and so its key) is kept; a week by default, as Slack event ids are. */
  retentionMs?: number;
  /** The clock, for tests of leases and retries. */
  now?: () => number;
}

interface JobRow {
  id: number;
  kind: string;
  key: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/**
 * The queue as two tables of the app's SQLite file, on a connection of its own: better-sqlite3 runs one
 * statement at a time per process, so the store's connection and this one never interleave inside a
 * process, and WAL lets a second process (the CLI, a deploy's overlap) read while one writes.
 */
export function openSqliteJobQueue(path: string, options: SqliteJobQueueOptions = {}): JobQueue {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const now = options.now ?? Date.now;
  const retentionMs = options.retentionMs ?? WEEK_MS;

  const due = db.prepare<[number, number], JobRow>(
    `SELECT id, kind, key, payload, attempts, max_attempts FROM jobs
     WHERE state = 'queued' AND run_at <= ? ORDER BY run_at, id LIMIT ?`,
  );
  const lease = db.prepare(
    "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ? WHERE id = ?",
  );
  const renew = db.prepare(
    "UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'running'",
  );
  const complete = db.prepare(
    `UPDATE jobs SET state = 'done', finished_at = ?, lease_owner = NULL, lease_until = NULL
     WHERE id = ? AND lease_owner = ? AND state = 'running'`,
  );
  const retry = db.prepare(
    `UPDATE jobs SET state = 'queued', run_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
     WHERE id = ? AND lease_owner = ? AND state = 'running'`,
  );
  const giveUp = db.prepare(
    `UPDATE jobs SET state = 'failed', finished_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
     WHERE id = ? AND lease_owner = ? AND state = 'running'`,
  );
  // A job whose worker died mid-run has used an attempt: one that kills its worker every time ends here.
  const expiredSpent = db.prepare(
    `UPDATE jobs SET state = 'failed', finished_at = ?, last_error = 'its worker stopped while running it, on every attempt',
       lease_owner = NULL, lease_until = NULL
     WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts`,
  );
  const expired = db.prepare(
    `UPDATE jobs SET state = 'queued', run_at = ?, lease_owner = NULL, lease_until = NULL
     WHERE state = 'running' AND lease_until < ?`,
  );
  const owners = db.prepare<[], { lease_owner: string }>(
    "SELECT DISTINCT lease_owner FROM jobs WHERE state = 'running' AND lease_owner IS NOT NULL",
  );
  const release = db.prepare("UPDATE jobs SET lease_until = 0 WHERE state = 'running' AND lease_owner = ?");
  const backlog = db.prepare<[], { waiting: number; oldest: number | null }>(
    "SELECT count(*) AS waiting, min(created_at) AS oldest FROM jobs WHERE state IN ('queued', 'running')",
  );
  const prune = db.prepare("DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?");
  const startStep = db.prepare(
    "INSERT INTO job_steps (job_id, step, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const readStep = db.prepare<[number, string], { result: string | null; started_at: number }>(
    "SELECT result, started_at FROM job_steps WHERE job_id = ? AND step = ?",
  );
  const endStep = db.prepare("UPDATE job_steps SET result = ? WHERE job_id = ? AND step = ?");

  let finished = 0;
  const counted = () => {
    finished += 1;
    if (finished % PRUNE_EVERY === 0) prune.run(now() - retentionMs);
  };

  const enqueueOne = jobInsert(db, now);
  const enqueueAll = db.transaction((jobs: readonly NewJob[]) => jobs.map(enqueueOne));

  // Group commit: enqueues made in the same turn of the event loop (a burst of Slack's events) share one
  // transaction, so a burst pays for one WAL write instead of one per event; each caller's promise
  // settles after the commit, so an ack still means stored.
  let waiting: Array<{ job: NewJob; resolve: (value: Enqueued) => void; reject: (error: unknown) => void }> =
    [];
  const flush = () => {
    const group = waiting;
    waiting = [];
    try {
      const results = enqueueAll(group.map((entry) => entry.job));
      group.forEach((entry, index) => {
        entry.resolve(results[index] as Enqueued);
      });
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  };

  const claim = db.transaction((owner: string, limit: number, leaseMs: number): ClaimedJob[] => {
    const at = now();
    return due.all(at, limit).map((row) => {
      lease.run(owner, at + leaseMs, row.id);
      return {
        id: String(row.id),
        kind: row.kind,
        key: row.key,
        payload: JSON.parse(row.payload) as unknown,
        attempt: row.attempts + 1,
        maxAttempts: row.max_attempts,
      };
    });
  });

  const renewAll = db.transaction((owner: string, ids: readonly JobId[], leaseMs: number) => {
    const until = now() + leaseMs;
    for (const id of ids) renew.run(until, Number(id), owner);
  });

  const resume = db.transaction((): number => {
    const at = now();
    expiredSpent.run(at, at);
    return expired.run(at, at).changes;
  });

  const releaseAll = db.transaction((dead: readonly string[]): number => {
    for (const owner of dead) release.run(owner);
    return resume();
  });

  const beginStep = db.transaction((jobId: number, step: string): StepState => {
    if (startStep.run(jobId, step, now()).changes === 1) return { state: "new" };
    const row = readStep.get(jobId, step) as { result: string | null; started_at: number };
    return row.result === null
      ? { state: "uncertain", startedAt: row.started_at }
      : { state: "done", result: JSON.parse(row.result) as unknown };
  });

  prune.run(now() - retentionMs);
  // One process owns a SQLite file's work, so exclusive work only has to wait for this process's own.
  const exclusive = new Map<string, Promise<unknown>>();

  return {
    enqueue: (job) =>
      new Promise<Enqueued>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (waiting.length === 1) setImmediate(flush);
      }),
    claim: async (owner, limit, leaseMs) => (limit > 0 ? claim(owner, limit, leaseMs) : []),
    renew: async (owner, ids, leaseMs) => {
      if (ids.length > 0) renewAll(owner, ids, leaseMs);
    },
    complete: async (owner, id) => {
      if (complete.run(now(), Number(id), owner).changes === 1) counted();
    },
    fail: async (owner, id, error, retryAt) => {
      if (retryAt) retry.run(retryAt.getTime(), error, Number(id), owner);
      else if (giveUp.run(now(), error, Number(id), owner).changes === 1) counted();
    },
    resumeExpired: async () => resume(),
    leaseOwners: async () => owners.all().map((row) => row.lease_owner),
    releaseLeases: async (dead) => releaseAll(dead),
    backlog: async (): Promise<Backlog> => {
      const row = backlog.get() as { waiting: number; oldest: number | null };
      return {
        waiting: row.waiting,
        oldestAgeMs: row.oldest === null ? null : Math.max(0, now() - row.oldest),
      };
    },
    beginStep: async (jobId, step) => beginStep(Number(jobId), step),
    finishStep: async (jobId, step, result) => {
      endStep.run(JSON.stringify(result ?? null), Number(jobId), step);
    },
    exclusively: (name, work) => {
      const run = (exclusive.get(name) ?? Promise.resolve()).then(work, work);
      exclusive.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
