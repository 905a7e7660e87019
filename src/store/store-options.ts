/** What both engines' stores may be opened with. */
export interface StoreOptions {
  /** Newest agent messages kept per thread; 40 by default. */
  historyLimit?: number;
  /** How long processed event ids and idempotency keys are remembered; 7 days by default. */
  keyRetentionMs?: number;
}

export const DEFAULT_HISTORY_LIMIT = 40;
export const DEFAULT_KEY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
