import type { Database } from "better-sqlite3";
import { pruneCounter } from "../prune-counter.js";
import type { StoredResponse } from "../store.js";

/**
 * Keys that make repeated deliveries harmless: Slack event ids (claimed once) and webhook idempotency keys
 * (with the response first given). Slack retries within minutes and automation tools within hours, so a
 * key is kept for `retentionMs` (a week by default) and then pruned.
 */
export function onceOnlyTables(db: Database, retentionMs: number) {
  const claim = db.prepare(
    "INSERT INTO processed_events (key, claimed_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  const pruneClaims = db.prepare("DELETE FROM processed_events WHERE claimed_at < ?");
  const findResponse = db.prepare<[string], { fingerprint: string; status: number; body: string }>(
    "SELECT fingerprint, status, body FROM idempotent_responses WHERE key = ?",
  );
  const keepResponse = db.prepare(
    "INSERT INTO idempotent_responses (key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const pruneResponses = db.prepare("DELETE FROM idempotent_responses WHERE created_at < ?");

  const prune = () => {
    const cutoff = Date.now() - retentionMs;
    pruneClaims.run(cutoff);
    pruneResponses.run(cutoff);
  };
  const pruneDue = pruneCounter();
  const counted = () => {
    if (pruneDue()) prune();
  };

  return {
    prune,
    claim: (key: string): boolean => {
      const claimed = claim.run(key, Date.now()).changes === 1;
      if (claimed) counted();
      return claimed;
    },
    findResponse: (key: string) => findResponse.get(key),
    /** Called inside the transaction that produced the response (see sqlite-async-store.ts). */
    keepResponse: (key: string, fingerprint: string, response: StoredResponse) => {
      keepResponse.run(key, fingerprint, response.status, response.body, Date.now());
      counted();
    },
  };
}
