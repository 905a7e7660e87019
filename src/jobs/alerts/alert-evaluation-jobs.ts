import type { Logger } from "../../log/logger.js";
import type { Store } from "../../store/index.js";
import type { Enqueued, JobQueue, NewJob } from "../job-queue.js";
import type { JobHandler } from "../job-worker.js";

export const EVALUATE_ALERTS = "evaluate-alerts";
/** What two instances' evaluations hold in turn, so a rule's alert is judged by one at a time. */
export const ALERT_EVALUATION_LOCK = "alert-evaluation";

/** Marks one relay round takes at most; a bigger backlog (after a long outage) takes several rounds. */
const RELAY_BATCH = 1_000;

export interface AlertEvaluationRequestsOptions {
  queue: Pick<JobQueue, "enqueue" | "relayDue">;
  logger: Logger;
  /** Pushes within one slot share one evaluation, run when the slot ends; 2 s by default. */
  slotMs?: number;
  /** Told when a new evaluation was written, so the worker looks at once. */
  onEnqueued?: () => void;
  /**
   * Where pushes mark their evaluation due (PostgreSQL), how often the relay also looks for marks nobody
   * is relaying: an instance killed between a push's commit and its relay leaves some; 5 s by default.
   */
  relayEveryMs?: number;
  /** How long the relay after a commit waits for more commits to share it; 50 ms by default. */
  relayDelayMs?: number;
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
 * time), so a claimed slot is always one that has already ended: the evaluation sees the rows.
 *
 * Where the queue is pg-boss (PostgreSQL), each push instead leaves a mark in its transaction (a plain
 * insert, which waits on no other instance, so pushes cannot deadlock over it), and a relay turns marks
 * into the slot's job in one transaction with their deletion: shortly after commits (`request`), once at
 * `start`, and every few seconds for marks a killed instance left; while that job is known to be written
 * and its slot has not ended, marks are only deleted. The slot is the one the database's clock is in when
 * the marks are taken, so the job, due when that slot ends, runs after their rows were committed, on the
 * clock pg-boss judges due jobs by.
 */
export class AlertEvaluationRequests {
  /** The newest slot whose job is known to be committed: later pushes in it write nothing. */
  private lastSlot = Number.NaN;
  /** The slot `within` wrote a new job for, until `request` hears its commit. */
  private written = Number.NaN;
  /** The newest slot whose job a relay of this instance wrote or found: later marks in it add no job. */
  private relayedSlot = Number.NaN;
  private relaying: Promise<void> | null = null;
  private relaySoon: NodeJS.Timeout | null = null;
  private relayAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly slotMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AlertEvaluationRequestsOptions) {
    this.slotMs = options.slotMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** Live rows were just written in `tx`'s transaction: their evaluation joins it, when the store can. */
  async within(tx: Pick<Store, "enqueueJob" | "markJobDue">): Promise<void> {
    if (tx.markJobDue && this.options.queue.relayDue) {
      await tx.markJobDue(EVALUATE_ALERTS);
      return;
    }
    if (!tx.enqueueJob) return;
    const slot = this.slotOf();
    if (slot === this.lastSlot) return;
    const { created } = await tx.enqueueJob(this.jobOf(slot));
    if (created) this.written = slot;
  }

  /**
   * `within` for a transaction SQLite runs at once, whose tables hold the job table: a delivery then makes
   * no promise on its way to its commit. (PostgreSQL's transactions are never run at once.)
   */
  withinNow(tables: { enqueueJob?: (job: NewJob) => Enqueued }): void {
    if (!tables.enqueueJob) return;
    const slot = this.slotOf();
    if (slot === this.lastSlot) return;
    if (tables.enqueueJob(this.jobOf(slot)).created) this.written = slot;
  }

  /** Live data was committed: make sure an evaluation follows it. */
  request(): void {
    if (this.options.queue.relayDue) {
      // A burst of commits shares one relay: the job is due when the slot ends, not at once.
      this.relaySoon ??= setTimeout(() => {
        this.relaySoon = null;
        void this.relay();
      }, this.options.relayDelayMs ?? 50);
      return;
    }
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

  /** Relays the marks left before this start (a kill -9 after a commit), then keeps looking for them. */
  async start(): Promise<void> {
    if (!this.options.queue.relayDue || this.timer) return;
    this.timer = setInterval(() => void this.relay(), this.options.relayEveryMs ?? 5_000);
    this.timer.unref();
    await this.relay();
  }

  /** Stops looking for marks, after relaying those of the commits it was told of. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.relaySoon) {
      clearTimeout(this.relaySoon);
      this.relaySoon = null;
      await this.relay();
    }
    await this.relaying;
  }

  /**
   * Turns the marks no instance is relaying into jobs: one round at a time, and one more when asked again
   * meanwhile. Never rejects: marks a failed round leaves wait for the next.
   */
  relay(): Promise<void> {
    this.relayAgain = true;
    this.relaying ??= this.relayRounds();
    return this.relaying;
  }

  private async relayRounds(): Promise<void> {
    try {
      while (this.relayAgain) {
        this.relayAgain = false;
        await this.relayRound();
      }
    } finally {
      this.relaying = null;
    }
  }

  private async relayRound(): Promise<void> {
    const { queue, logger, onEnqueued } = this.options;
    if (!queue.relayDue) return;
    let slot = Number.NaN;
    try {
      const covered = this.relayedSlot;
      const { marks, job } = await queue.relayDue(
        EVALUATE_ALERTS,
        {
          coveredUntil: Number.isNaN(covered) ? null : new Date((covered + 1) * this.slotMs),
          jobOf: (at) => {
            slot = this.slotOf(at.getTime());
            return this.jobOf(slot);
          },
        },
        RELAY_BATCH,
      );
      if (marks === 0) return;
      if (job) this.relayedSlot = slot;
      if (job?.created) onEnqueued?.();
      if (marks === RELAY_BATCH) this.relayAgain = true;
    } catch (error) {
      logger.error("alerts: could not relay the evaluation of new live data; it is retried shortly", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private slotOf(at = this.now()): number {
    return Math.floor(at / this.slotMs);
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
