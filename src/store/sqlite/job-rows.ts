import type { Database } from "better-sqlite3";
import type { Enqueued, NewJob } from "../../jobs/job-queue.js";

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Writes a job into the app's SQLite file on the connection given: the job queue's own (src/jobs/sqlite),
 * or the store's, where a job joins the caller's transaction (the alert evaluation of pushed rows commits
 * with the rows). A known key adds nothing.
 */
export function jobInsert(db: Database, now: () => number = Date.now): (job: NewJob) => Enqueued {
  const insert = db.prepare(
    `INSERT INTO jobs (kind, key, payload, state, max_attempts, run_at, created_at)
     VALUES (?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const byKey = db.prepare<[string], { id: number }>("SELECT id FROM jobs WHERE key = ?");
  return (job) => {
    const at = now();
    const inserted = insert.run(
      job.kind,
      job.key,
      JSON.stringify(job.payload ?? null),
      job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      job.runAt?.getTime() ?? at,
      at,
    );
    if (inserted.changes === 1) return { id: String(inserted.lastInsertRowid), created: true };
    return { id: String((byKey.get(job.key) as { id: number }).id), created: false };
  };
}
