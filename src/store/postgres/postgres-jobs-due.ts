import type { Sql } from "./sql.js";

/**
 * Marks that a job is due, turned into the job by the pg-boss queue's relay. A plain insert with no unique
 * key: it never waits on another transaction, so a push locks nothing besides its own rows and cannot join
 * a deadlock through its mark.
 *
 * Inside a transaction a mark is only noted (`pending`), and written by `commitWithMarks` in the message
 * that commits: no round trip of its own, and one mark of a kind however many pushes the transaction
 * groups. A mark noted in a savepoint that was rolled back is still written: one mark too many asks for an
 * evaluation that finds nothing new, one too few would lose one.
 */
export function postgresJobsDue(sql: Sql, pending: Set<string> | undefined) {
  return async (kind: string): Promise<void> => {
    if (pending) pending.add(kind);
    else await sql.query("INSERT INTO jobs_due (kind, marked_at) VALUES ($1, $2)", [kind, Date.now()]);
  };
}

/** Commits the transaction on `client`, writing the marks it noted in the same message. */
export async function commitWithMarks(
  client: Pick<Sql, "query"> & { escapeLiteral(value: string): string },
  pending: ReadonlySet<string>,
): Promise<void> {
  if (pending.size === 0) {
    await client.query("COMMIT");
    return;
  }
  const at = Date.now();
  const rows = [...pending].map((kind) => `(${client.escapeLiteral(kind)}, ${at})`).join(", ");
  // A simple query of two statements: an error in the first skips the COMMIT, and the caller rolls back.
  await client.query(`INSERT INTO jobs_due (kind, marked_at) VALUES ${rows}; COMMIT`);
}
