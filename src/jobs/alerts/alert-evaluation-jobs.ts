import type { Logger } from "../../log/logger.js";
import type { Store } from "../../store/index.js";
import type { JobQueue, NewJob } from "../job-queue.js";
import type { JobHandler } from "../job-worker.js";

export const EVALUATE_ALERTS = "evaluate-alerts";
/** What two instances' evaluations hold in turn, so a rule's alert is judged by one at a time. */
export const ALERT_EVALUATION_LOCK = "alert-evaluation";

export interface AlertEvaluationRequestsOptions {
  queue: Pick<JobQueue, "enqueue">;
  logger: Logger;
  /** Pushes within one slot share one evaluation, run when the slot ends; 2 s by default. */
  slotMs?: number;
  /** Told when a new evaluation was written, so the worker looks at once. */
  onEnqueued?: () => void;
  now?: () => number;
}

/**
 * Turns live pushes into durable alert evaluations: the first push of each slot writes a job keyed by the
 * slot, due when the slot ends, and every instance writes the same key, so a burst spread over several
 * instances is judged once, by whichever worker takes the job.
 *
 * Where the store holds the job table (SQLite), the job is written in the transaction that stores the rows
 * (`within`), so a kill -9 cannot keep the rows and lose their evaluation. The slot is read after the rows
 * are written, and the worker's claim of a slot's job waits for that write to commit (one writer at a
 * time), so a claimed slot is always one that has already ended: the evaluation sees the rows. Elsewhere
 * (pg-boss) the job is written just after the commit (`request`).
 */
export class AlertEvaluationRequests {
  /** The newest slot whose job is known to be committed: later pushes in it write nothing. */
  private lastSlot = Number.NaN;
  /** The slot `within` wrote a new job for, until `request` hears its commit. */
  private written = Number.NaN;
  private readonly slotMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AlertEvaluationRequestsOptions) {
    this.slotMs = options.slotMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** Live rows were just written in `tx`'s transaction: their evaluation joins it, when the store can. */
  async within(tx: Pick<Store, "enqueueJob">): Promise<void> {
    if (!tx.enqueueJob) return;
    const slot = this.slotOf();
    if (slot === this.lastSlot) return;
    const { created } = await tx.enqueueJob(this.jobOf(slot));
    if (created) this.written = slot;
  }

  /** Live data was committed: make sure an evaluation follows it. */
  request(): void {
    const slot = this.slotOf();
    if (slot === this.lastSlot) return;
    this.lastSlot = slot;
    if (slot === this.written) {
      this.options.onEnqueued?.();
      return;
    }
    this.options.queue.enqueue(this.jobOf(slot)).then(
      ({ created }) => {
        if (created) this.options.onEnqueued?.();
      },
      (error: unknown) => {
        // The next push asks again; the data itself is stored already.
        this.lastSlot = Number.NaN;
        this.options.logger.error("alerts: could not write the evaluation of new live data", {
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  }

  private slotOf(): number {
    return Math.floor(this.now() / this.slotMs);
  }

  private jobOf(slot: number): NewJob {
    return {
      kind: EVALUATE_ALERTS,
      key: `${EVALUATE_ALERTS}:${slot}`,
      payload: { slot },
      runAt: new Date((slot + 1) * this.slotMs),
    };
  }
}

/** The worker's handler with alert evaluations added: they run `evaluate`, everything else `handler`. */
export function withAlertEvaluations(handler: JobHandler, evaluate: () => Promise<unknown>): JobHandler {
  return async (job) => {
    if (job.kind !== EVALUATE_ALERTS) return handler(job);
    await evaluate();
  };
}
