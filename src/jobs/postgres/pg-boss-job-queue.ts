import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { migratePostgres } from "../../store/postgres/postgres-migrations.js";
import type {
  Backlog,
  ClaimedJob,
  Enqueued,
  JobId,
  JobQueue,
  NewJob,
  RelayedDue,
  StepState,
} from "../job-queue.js";

/** pg-boss's queue all of the app's jobs go through; the job's own kind travels in its data. */
const QUEUE = "mpo-jobs";
const DEFAULT_MAX_ATTEMPTS = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Finished jobs between two prunings of keys and steps past their retention. */
const PRUNE_EVERY = 500;
/**
 * pg-boss's own expiry of a running job. Leases (renewed while a job runs) are what resume a dead
 * worker's jobs; this is only the backstop, so it is far longer than any analysis.
 */
const EXPIRE_SECONDS = 60 * 60;
const STOPPED_WORKER = "its worker stopped while running it";
const DEADLOCK_ATTEMPTS = 3;

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply be run again. */
const isDeadlock = (error: unknown): boolean =>
  error instanceof Error && "code" in error && (error.code === "40P01" || error.code === "40001");

export interface PgBossJobQueueOptions {
  /** The schema pg-boss keeps its tables in; "pgboss" by default. */
  bossSchema?: string;
  /** Connections for the app's own job tables (keys, leases, steps); pg-boss has a pool of its own. */
  poolSize?: number;
  /** How long a key (and its job's steps) is remembered; a week by default, as on SQLite. */
  retentionMs?: number;
  /** The clock leases are measured on, for tests. */
  now?: () => number;
}

interface JobData {
  kind: string;
  key: string;
  payload: unknown;
}

interface FetchedJob {
  id: string;
  data: JobData;
  retryCount: number;
  retryLimit: number;
}

type Client = pg.PoolClient;

/**
 * Creates the app's queue once however many instances start together. pg-boss makes a queue's partition
 * with ATTACH PARTITION, which can deadlock against another starting instance's own queue creation or
 * maintenance; PostgreSQL then cancels one, and creating the queue again is safe (it is one statement,
 * rolled back whole, and a queue that exists by then is kept).
 */
async function ensureQueue(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE, { name: QUEUE, policy: "standard" });
      return;
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

/**
 * The job queue on PostgreSQL: pg-boss 10 holds the jobs (several instances fetch from it with SKIP
 * LOCKED, retries wait longer each time), and three tables of the app's schema add what the JobQueue
 * promises beyond it. `job_keys` remembers every key, so a late duplicate adds nothing even after its
 * job is done; `job_leases` names who runs each job until when, so the jobs of a worker that died are
 * failed back into pg-boss's retry at once instead of after its expiry; `job_steps` records once-only
 * effects. Each operation runs pg-boss's statement and the app's in one transaction.
 */
export async function openPgBossJobQueue(
  databaseUrl: string,
  options: PgBossJobQueueOptions = {},
): Promise<JobQueue> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 4 });
  pool.on("error", () => {
    // A dropped idle connection is replaced on the next query; the query that needs it reports it.
  });
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: options.bossSchema ?? "pgboss",
    max: 2,
    schedule: false,
    // Archiving and expiry run in one instance at a time (pg-boss takes a lock for them).
    supervise: true,
  });
  boss.on("error", () => {
    // Maintenance errors (a connection dropped during a deploy) are retried on pg-boss's next round.
  });
  try {
    await migratePostgres(pool);
    await boss.start();
    await ensureQueue(boss);
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    await pool.end();
    throw error;
  }
  // pg-boss 10's typings omit the data argument for several ids, which its code takes.
  const failJobs = boss.fail.bind(boss) as (
    name: string,
    ids: string | string[],
    data: object,
    connection: PgBoss.ConnectionOptions,
  ) => Promise<unknown>;
  const now = options.now ?? Date.now;
  const retentionMs = options.retentionMs ?? WEEK_MS;

  // Keys are written in key order, so two instances' batches never wait on each other in a circle over
  // them; should a deadlock still happen (pg-boss's own rows, leases), PostgreSQL cancels one transaction,
  // whose work (statements only, nothing outside the database) is run again rather than failing enqueues
  // that a webhook or Slack is waiting on.
  const inTransaction = async <T>(work: (client: Client, db: PgBoss.Db) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inOneTransaction(work);
      } catch (error) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
      }
    }
  };
  const inOneTransaction = async <T>(work: (client: Client, db: PgBoss.Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client, {
        executeSql: (text, values) => client.query(text, values),
      });
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  /** Ends leases (a worker's, or those that ran out) and hands their jobs back to pg-boss's retry. */
  const failLeased = (where: string, values: unknown[]) =>
    inTransaction(async (client, db) => {
      const ended = await client.query<{ job_id: string }>(
        `DELETE FROM job_leases WHERE ${where} RETURNING job_id`,
        values,
      );
      const ids = ended.rows.map((row) => row.job_id);
      if (ids.length > 0) await failJobs(QUEUE, ids, { message: STOPPED_WORKER }, { db });
      return ids.length;
    });

  /** Writes jobs in the caller's transaction: a key already known keeps its job. */
  const writeJobs = async (client: Client, db: PgBoss.Db, jobs: readonly NewJob[]): Promise<Enqueued[]> => {
    const ids = jobs.map(() => randomUUID());
    const at = now();
    const inserted = await client.query<{ key: string }>(
      `INSERT INTO job_keys (key, job_id, created_at)
         SELECT key, job_id, $3 FROM unnest($1::text[], $2::text[]) AS given (key, job_id) ORDER BY key
         ON CONFLICT (key) DO NOTHING RETURNING key, job_id`,
      [jobs.map((job) => job.key), ids, at],
    );
    const fresh = new Map(
      (inserted.rows as Array<{ key: string; job_id: string }>).map((row) => [row.key, row.job_id]),
    );
    const knownKeys = jobs.map((job) => job.key).filter((key) => !fresh.has(key));
    const known =
      knownKeys.length === 0
        ? { rows: [] }
        : await client.query<{ key: string; job_id: string }>(
            "SELECT key, job_id FROM job_keys WHERE key = ANY($1::text[])",
            [knownKeys],
          );
    const created = new Set<string>();
    const toInsert = jobs.flatMap((job) => {
      const id = fresh.get(job.key);
      if (id === undefined || created.has(id)) return [];
      created.add(id);
      const data: JobData = { kind: job.kind, key: job.key, payload: job.payload ?? null };
      return [
        {
          id,
          name: QUEUE,
          data,
          retryLimit: (job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
          retryDelay: 1,
          retryBackoff: true,
          expireInSeconds: EXPIRE_SECONDS,
          ...(job.runAt ? { startAfter: job.runAt.toISOString() } : {}),
        },
      ];
    });
    if (toInsert.length > 0) await boss.insert(toInsert, { db });
    const existing = new Map(known.rows.map((row) => [row.key, row.job_id]));
    const reported = new Set<string>();
    return jobs.map((job) => {
      const id = fresh.get(job.key) ?? (existing.get(job.key) as string);
      // The first of a burst's duplicates made the job; the others are told it was known.
      const isNew = fresh.has(job.key) && !reported.has(id);
      reported.add(id);
      return { id, created: isNew };
    });
  };
  const enqueueAll = (jobs: readonly NewJob[]) => inTransaction((client, db) => writeJobs(client, db, jobs));

  // Group commit: one transaction at a time writes every enqueue that arrived while the previous one ran
  // (a burst of Slack's events pays a few round trips to the database, not a few per event), and each
  // caller's promise settles after the commit, so an ack still means stored.
  let waiting: Array<{ job: NewJob; resolve: (value: Enqueued) => void; reject: (error: unknown) => void }> =
    [];
  let flushing = false;
  const flush = async () => {
    flushing = true;
    const group = waiting;
    waiting = [];
    try {
      const results = await enqueueAll(group.map((entry) => entry.job));
      group.forEach((entry, index) => {
        entry.resolve(results[index] as Enqueued);
      });
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
    flushing = false;
    if (waiting.length > 0) void flush();
  };

  const prune = async () => {
    const before = now() - retentionMs;
    await pool.query("DELETE FROM job_keys WHERE created_at < $1", [before]);
    await pool.query("DELETE FROM job_steps WHERE started_at < $1", [before]);
  };
  let finished = 0;
  const counted = async () => {
    finished += 1;
    if (finished % PRUNE_EVERY === 0) await prune();
  };
  await prune();

  /** Ends `owner`'s lease on a job and records the outcome in pg-boss; nothing when the lease is gone. */
  const settle = (owner: string, id: JobId, outcome: (db: PgBoss.Db) => Promise<unknown>) =>
    inTransaction(async (client, db) => {
      const ended = await client.query("DELETE FROM job_leases WHERE job_id = $1 AND owner = $2", [
        id,
        owner,
      ]);
      if (ended.rowCount !== 1) return false;
      await outcome(db);
      return true;
    });

  return {
    enqueue: (job) =>
      new Promise<Enqueued>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (waiting.length === 1 && !flushing) setImmediate(() => void flush());
      }),
    claim: async (owner, limit, leaseMs) => {
      if (limit <= 0) return [];
      return inTransaction(async (client, db) => {
        const fetched = (await boss.fetch<JobData>(QUEUE, {
          batchSize: limit,
          includeMetadata: true,
          db,
        })) as unknown as FetchedJob[];
        if (fetched.length === 0) return [];
        await client.query(
          `INSERT INTO job_leases (job_id, owner, lease_until)
           SELECT job_id, $2, $3 FROM unnest($1::text[]) AS fetched (job_id)
           ON CONFLICT (job_id) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until`,
          [fetched.map((job) => job.id), owner, now() + leaseMs],
        );
        return fetched.map(
          (job): ClaimedJob => ({
            id: job.id,
            kind: job.data.kind,
            key: job.data.key,
            payload: job.data.payload,
            attempt: job.retryCount + 1,
            maxAttempts: job.retryLimit + 1,
          }),
        );
      });
    },
    renew: async (owner, ids, leaseMs) => {
      if (ids.length === 0) return;
      await pool.query(
        "UPDATE job_leases SET lease_until = $3 WHERE owner = $1 AND job_id = ANY($2::text[])",
        [owner, ids, now() + leaseMs],
      );
    },
    complete: async (owner, id) => {
      if (await settle(owner, id, (db) => boss.complete(QUEUE, id, {}, { db }))) await counted();
    },
    fail: async (owner, id, error, retryAt) => {
      const settled = await settle(owner, id, (db) => failJobs(QUEUE, id, { message: error }, { db }));
      if (settled && retryAt === null) await counted();
    },
    resumeExpired: () => failLeased("lease_until < $1", [now()]),
    leaseOwners: async () =>
      (await pool.query<{ owner: string }>("SELECT DISTINCT owner FROM job_leases")).rows.map(
        (row) => row.owner,
      ),
    releaseLeases: async (owners) =>
      owners.length === 0 ? 0 : failLeased("owner = ANY($1::text[])", [owners]),
    backlog: async (): Promise<Backlog> => {
      const schema = pg.escapeIdentifier(options.bossSchema ?? "pgboss");
      const result = await pool.query<{ waiting: number; age: string | null }>(
        `SELECT count(*)::int AS waiting,
           floor(extract(epoch FROM now() - min(created_on)) * 1000)::bigint AS age
         FROM ${schema}.job WHERE name = $1 AND state < 'completed'`,
        [QUEUE],
      );
      const row = result.rows[0] as { waiting: number; age: string | null };
      return { waiting: row.waiting, oldestAgeMs: row.age === null ? null : Math.max(0, Number(row.age)) };
    },
    relayDue: async (kind, due, limit): Promise<RelayedDue> => {
      // SKIP LOCKED: instances relaying at once take different marks instead of waiting on each other.
      const marksOf = `SELECT id FROM jobs_due WHERE kind = $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`;
      if (due.coveredUntil) {
        // One statement while the written job still covers them: each mark goes before that moment.
        const covered = await pool.query(
          `DELETE FROM jobs_due WHERE id IN (${marksOf}) AND clock_timestamp() < $3::timestamptz`,
          [kind, limit, due.coveredUntil.toISOString()],
        );
        if ((covered.rowCount ?? 0) > 0) return { marks: covered.rowCount ?? 0, job: null };
      }
      return inTransaction(async (client, db): Promise<RelayedDue> => {
        const taken = await client.query<{ marks: number; at: string }>(
          `WITH taken AS (DELETE FROM jobs_due WHERE id IN (${marksOf}) RETURNING id)
           SELECT count(*)::int AS marks,
             floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS at FROM taken`,
          [kind, limit],
        );
        const { marks, at } = taken.rows[0] as { marks: number; at: string };
        if (marks === 0) return { marks, job: null };
        const [written] = await writeJobs(client, db, [due.jobOf(new Date(Number(at)))]);
        return { marks, job: written as Enqueued };
      });
    },
    beginStep: async (jobId, step): Promise<StepState> => {
      const started = await pool.query(
        "INSERT INTO job_steps (job_id, step, started_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [jobId, step, now()],
      );
      if (started.rowCount === 1) return { state: "new" };
      const result = await pool.query<{ result: string | null; started_at: string }>(
        "SELECT result, started_at FROM job_steps WHERE job_id = $1 AND step = $2",
        [jobId, step],
      );
      const row = result.rows[0] as { result: string | null; started_at: string };
      return row.result === null
        ? { state: "uncertain", startedAt: Number(row.started_at) }
        : { state: "done", result: JSON.parse(row.result) as unknown };
    },
    finishStep: async (jobId, step, result) => {
      await pool.query("UPDATE job_steps SET result = $3 WHERE job_id = $1 AND step = $2", [
        jobId,
        step,
        JSON.stringify(result ?? null),
      ]);
    },
    exclusively: async (name, work) => {
      // A session lock: released by the unlock, or by PostgreSQL when a dead process's connection drops.
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
        try {
          return await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (pool.ended) return;
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}
