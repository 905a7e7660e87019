import type { Sql } from "./sql.js";

/**
 * Marks that a job is due, written in the caller's transaction (a live push's) and turned into the job by
 * the pg-boss queue's relay. A plain insert with no unique key: it never waits on another transaction, so
 * a push locks nothing besides its own rows and cannot join a deadlock through its mark.
 */
export function postgresMarkJobDue(sql: Sql) {
  return async (kind: string): Promise<void> => {
    await sql.query("INSERT INTO jobs_due (kind, marked_at) VALUES ($1, $2)", [kind, Date.now()]);
  };
}
