/** What both engines' stores may be opened with. */
export interface StoreOptions {
  /** Newest agent messages kept per thread; 40 by default. */
  historyLimit?: number;
  /** How long processed event ids and idempotency keys are remembered; 7 days by default. */
  keyRetentionMs?: number;
  /** The most bytes of a dataset's columns one transaction of its save writes; 2 MB by default. */
  datasetPieceBytes?: number;
  /**
   * How long a dataset's save may write nothing before opening a store takes it for cut short and removes
   * it: 0 on SQLite (one process owns the file), 10 minutes by default on PostgreSQL, where another
   * instance may be saving right now.
   */
  abandonedSaveMs?: number;
}

export const DEFAULT_HISTORY_LIMIT = 40;
export const DEFAULT_KEY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
