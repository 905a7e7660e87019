import type { Store } from "../../store/index.js";
import { BUSY, type ImmediateTx, type RunNow, runNowOf } from "../../store/sqlite/sqlite-async-store.js";

/** Told once a job's commit is over: its value when it was committed, or why it was not. */
export type Settle<T> = (outcome: { ok: true; value: T } | { ok: false; error: unknown }) => void;

export interface CommitJob<T> {
  work: (tx: Store) => Promise<T>;
  /**
   * The same work done without awaiting, for a store that runs transactions at once (SQLite): given, it is
   * run instead of `work` when every job of its group has one.
   */
  now?: (tx: ImmediateTx) => T;
  settle: Settle<T>;
}

type AnyJob = CommitJob<unknown>;
type Outcome = Parameters<Settle<unknown>>[0];

/**
 * Group commit: deliveries that arrive in the same turn of the event loop are stored in one transaction,
 * so concurrent webhooks share one commit (its locks and WAL writes) instead of paying for one each; the
 * commit is most of a delivery's cost, and at 16 concurrent senders this doubles the rate. Each delivery
 * runs in its own nested transaction, so one that fails undoes only its own writes, and each caller is
 * told only after the shared commit: a 2xx still means committed.
 *
 * On SQLite a group whose jobs all have a `now` runs in one synchronous stretch, with no promise per job:
 * promises are a large part of a delivery's cost, more so once async hooks are on in the process.
 */
export class CommitQueue {
  private pending: AnyJob[] = [];
  private readonly runNow: RunNow | undefined;

  constructor(private readonly store: Store) {
    this.runNow = runNowOf(store);
  }

  submit<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        work,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)),
      });
    });
  }

  enqueue<T>(job: CommitJob<T>): void {
    this.pending.push(job as AnyJob);
    if (this.pending.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const jobs = this.pending;
    this.pending = [];
    const outcomes = this.runNow && jobs.every((job) => job.now) ? this.flushNow(this.runNow, jobs) : BUSY;
    // Another transaction is open (or some job can only await): the group waits its turn, as promises.
    if (outcomes === BUSY) void this.flushAwaiting(jobs);
    else settleAll(jobs, outcomes);
  }

  private flushNow(runNow: RunNow, jobs: AnyJob[]): Outcome[] | typeof BUSY {
    try {
      return runNow((tx) => {
        const [only] = jobs;
        // Alone, a job needs no savepoint of its own: the whole transaction is its.
        if (only?.now && jobs.length === 1) return [{ ok: true, value: only.now(tx) }];
        return jobs.map((job): Outcome => {
          try {
            return { ok: true, value: tx.nested(() => job.now?.(tx)) };
          } catch (error) {
            return { ok: false, error };
          }
        });
      });
    } catch (error) {
      // The lone job threw, or the commit itself failed: nothing of this group is stored.
      return jobs.map(() => ({ ok: false, error }));
    }
  }

  private async flushAwaiting(jobs: AnyJob[]): Promise<void> {
    const [only] = jobs;
    if (only && jobs.length === 1) {
      let outcome: Outcome;
      try {
        outcome = { ok: true, value: await this.store.transaction(only.work) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      only.settle(outcome);
      return;
    }
    const outcomes: Outcome[] = [];
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
      for (const job of jobs) job.settle({ ok: false, error });
      return;
    }
    settleAll(jobs, outcomes);
  }
}

function settleAll(jobs: readonly AnyJob[], outcomes: readonly Outcome[]): void {
  for (const [index, job] of jobs.entries()) job.settle(outcomes[index] as Outcome);
}
