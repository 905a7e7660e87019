import type { Logger } from "../../log/logger.js";
import type { JobQueue } from "../job-queue.js";
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
 */
export class AlertEvaluationRequests {
  private lastSlot = Number.NaN;
  private readonly slotMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AlertEvaluationRequestsOptions) {
    this.slotMs = options.slotMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** Live data was committed: make sure an evaluation follows it. */
  request(): void {
    const slot = Math.floor(this.now() / this.slotMs);
    if (slot === this.lastSlot) return;
    this.lastSlot = slot;
    this.options.queue
      .enqueue({
        kind: EVALUATE_ALERTS,
        key: `${EVALUATE_ALERTS}:${slot}`,
        payload: { slot },
        runAt: new Date((slot + 1) * this.slotMs),
      })
      .then(
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
}

/** The worker's handler with alert evaluations added: they run `evaluate`, everything else `handler`. */
export function withAlertEvaluations(handler: JobHandler, evaluate: () => Promise<unknown>): JobHandler {
  return async (job) => {
    if (job.kind !== EVALUATE_ALERTS) return handler(job);
    await evaluate();
  };
}
