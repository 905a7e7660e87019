import { pruneCounter } from "../prune-counter.js";
import type { StoredResponse } from "../store.js";
import type { Sql } from "./sql.js";

/** Slack event ids claimed once, and webhook responses kept under their idempotency keys. */
export function postgresOnceOnly(retentionMs: number) {
  const prune = async (sql: Sql) => {
    const cutoff = Date.now() - retentionMs;
    await sql.query("DELETE FROM processed_events WHERE claimed_at < $1", [cutoff]);
    await sql.query("DELETE FROM idempotent_responses WHERE created_at < $1", [cutoff]);
  };
  const pruneDue = pruneCounter();
  const counted = async (sql: Sql) => {
    if (pruneDue()) await prune(sql);
  };
  return {
    prune,
    claim: async (sql: Sql, key: string) => {
      const claimed =
        (
          await sql.query(
            "INSERT INTO processed_events (key, claimed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            [key, Date.now()],
          )
        ).rowCount === 1;
      if (claimed) await counted(sql);
      return claimed;
    },
    /** Inside the transaction: holds `key` until it ends, so concurrent deliveries of one key take turns. */
    lockKey: async (sql: Sql, key: string) => {
      await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`response:${key}`]);
    },
    findResponse: async (sql: Sql, key: string) =>
      (
        await sql.query<{ fingerprint: string; status: number; body: string }>(
          "SELECT fingerprint, status, body FROM idempotent_responses WHERE key = $1",
          [key],
        )
      ).rows[0],
    keepResponse: async (sql: Sql, key: string, fingerprint: string, response: StoredResponse) => {
      await sql.query(
        "INSERT INTO idempotent_responses (key, fingerprint, status, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        [key, fingerprint, response.status, response.body, Date.now()],
      );
      await counted(sql);
    },
  };
}
