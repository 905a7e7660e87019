import type { Database } from "better-sqlite3";
import type { RememberedResponse, StoredResponse } from "../store.js";

/** Writes between two prunings of expired keys: pruning is an indexed range delete, cheap but not free. */
const PRUNE_EVERY = 500;

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

  let writes = 0;
  const prune = () => {
    const cutoff = Date.now() - retentionMs;
    pruneClaims.run(cutoff);
    pruneResponses.run(cutoff);
  };
  const counted = () => {
    writes += 1;
    if (writes % PRUNE_EVERY === 0) prune();
  };

  const remember = db.transaction(
    (key: string, fingerprint: string, produce: () => StoredResponse): RememberedResponse => {
      const earlier = findResponse.get(key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) return { outcome: "conflict" };
        return { outcome: "replayed", response: { status: earlier.status, body: earlier.body } };
      }
      const response = produce();
      // A server error is not an answer to replay: the retry deserves another try.
      if (response.status >= 500) return { outcome: "fresh", response };
      keepResponse.run(key, fingerprint, response.status, response.body, Date.now());
      counted();
      return { outcome: "fresh", response };
    },
  );

  return {
    prune,
    claim: (key: string): boolean => {
      const claimed = claim.run(key, Date.now()).changes === 1;
      if (claimed) counted();
      return claimed;
    },
    remember: (key: string, fingerprint: string, produce: () => StoredResponse) =>
      remember(key, fingerprint, produce),
  };
}
