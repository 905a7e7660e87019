import { afterEach, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { postgresDatabase, type TempDatabase } from "./temp-postgres.js";

/**
 * A deploy starts several instances on one fresh database at the same moment: each creates pg-boss's
 * queue if it is missing, and PostgreSQL may cancel one of two such creations as a deadlock. Every
 * instance must still start, and there must be one queue that all of them use.
 */
let database: TempDatabase | null = null;
const opened: JobQueue[] = [];
afterEach(async () => {
  for (const queue of opened.splice(0)) await queue.close();
  await database?.remove();
});

it("four instances opening one fresh database at once all start and share one queue", async () => {
  database = await postgresDatabase();
  const url = database.url;
  const queues = await Promise.all([1, 2, 3, 4].map(() => openPgBossJobQueue(url)));
  opened.push(...queues);
  const [first, ...others] = queues as [JobQueue, ...JobQueue[]];
  const enqueued = await first.enqueue({ kind: "test-kind", key: "one-job", payload: null });
  expect(enqueued.created).toBe(true);
  for (const queue of others) {
    expect((await queue.enqueue({ kind: "test-kind", key: "one-job", payload: null })).created).toBe(false);
  }
});
