import type { Store } from "../../store/index.js";

interface Job {
  work: (tx: Store) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: deliveries that arrive in the same turn of the event loop are stored in one transaction,
 * so concurrent webhooks share one commit (its locks and WAL writes) instead of paying for one each; the
 * commit is most of a delivery's cost, and at 16 concurrent senders this doubles the rate. Each delivery
 * runs in its own nested transaction, so one that fails undoes only its own writes, and each caller's
 * promise settles only after the shared commit: a 2xx still means committed.
 */
export class CommitQueue {
  private pending: Job[] = [];

  constructor(private readonly store: Store) {}

  /** No delivery waits for its commit to begin. */
  get idle(): boolean {
    return this.pending.length === 0;
  }

  submit<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const jobs = this.pending;
    this.pending = [];
    const [only] = jobs;
    if (only && jobs.length === 1) {
      // Alone, a job needs no savepoint of its own: the whole transaction is its.
      try {
        only.resolve(await this.store.transaction(only.work));
      } catch (error) {
        only.reject(error);
      }
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.store.transaction(async (tx) => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: await tx.transaction(job.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of this group is stored.
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}
