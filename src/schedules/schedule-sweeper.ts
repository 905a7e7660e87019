import type { JobQueue } from "../jobs/job-queue.js";
import type { Logger } from "../log/logger.js";
import type { ScheduleStore } from "./schedule.js";
import { sweepDueSchedules } from "./sweep-due-schedules.js";

export interface ScheduleSweeperOptions {
  schedules: ScheduleStore;
  queue: Pick<JobQueue, "enqueue">;
  logger: Logger;
  /** Told when a sweep wrote new jobs, so the worker takes them at once. */
  onEnqueued?: () => void;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** 30 s by default: a slot goes out within half a minute of its time. */
  intervalMs?: number;
}

/** Sweeps for due schedules on a timer; every instance runs one, and the job keys keep each slot single. */
export class ScheduleSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: ScheduleSweeperOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs ?? 30_000);
    this.timer.unref();
    void this.sweep();
  }

  /** One sweep (at `at`, or the clock's time), after any sweep of this process still running. */
  sweep(at?: Date): Promise<number> {
    const { schedules, queue, logger } = this.options;
    const before = this.running ?? Promise.resolve(0);
    const current = before
      .then(() => sweepDueSchedules(schedules, queue, at ?? this.options.now?.() ?? new Date()))
      .then((created) => {
        if (created > 0) this.options.onEnqueued?.();
        return created;
      })
      .catch((error: unknown) => {
        logger.error("schedules: the sweep for due reports failed; the next sweep tries again", {
          error: describeSweepFailure(error),
        });
        return 0;
      })
      .finally(() => {
        if (this.running === current) this.running = null;
      });
    this.running = current;
    return current;
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

function describeSweepFailure(error: unknown): string {
  if (error instanceof AggregateError)
    return `${error.message}: ${error.errors.map(describeSweepFailure).join("; ")}`;
  return error instanceof Error ? error.message : String(error);
}
