import type { JobQueue } from "./job-queue.js";
import { openPgBossJobQueue } from "./postgres/pg-boss-job-queue.js";
import { openSqliteJobQueue } from "./sqlite/sqlite-job-queue.js";

/**
 * The job queue where DATABASE_URL keeps everything else: pg-boss on PostgreSQL (several instances share
 * the work, and no local file is written), or the table-backed queue in the SQLite file.
 */
export function openJobQueue(databaseUrl: string, databasePath: string): Promise<JobQueue> {
  if (/^postgres(?:ql)?:\/\//.test(databaseUrl)) return openPgBossJobQueue(databaseUrl);
  return Promise.resolve(openSqliteJobQueue(databasePath));
}
