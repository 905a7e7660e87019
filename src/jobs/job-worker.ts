import type { Logger } from "../log/logger.js";
import type { ClaimedJob, JobId, JobQueue } from "./job-queue.js";
import { deadOwners, newLeaseOwner, retireLeaseOwner } from "./lease-owner.js";
import { retryDelayMs } from "./retry-delay.js";

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface JobWorkerOptions {
  queue: JobQueue;
  handle: JobHandler;
  logger: Logger;
  /** Jobs run at once; 4 by default, as the in-memory queue before it ran Slack's events. */
  concurrency?: number;
  /** How long a claimed job is this worker's before another may take it; renewed while it runs. */
  leaseMs?: number;
  /** How often the queue is looked at without being told (retries coming due, other processes' work). */
  pollMs?: number;
  /** How long enqueues must have stopped before work starts, so a burst's acks go before its work. */
  quietMs?: number;
}

export interface DrainOutcome {
  /** Jobs still running at the deadline: their leases lapse and a later worker resumes them. */
  unfinished: number;
}

/**
 * Takes jobs from the queue and runs them, a few at a time, each under a lease it renews while the job
 * runs. A job that throws runs again later (with a growing wait) until its attempts are spent; a job whose
 * worker died is resumed when its lease lapses, or at once when that worker was a dead process on this host.
 */
export class JobWorker {
  readonly owner = newLeaseOwner();
  private readonly running = new Map<JobId, Promise<void>>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly quietMs: number;
  private stopped = true;
  private claiming = false;
  private lastNudge = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: JobWorkerOptions) {
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.quietMs = options.quietMs ?? 5;
  }

  /** Resumes the work of dead workers, then starts taking jobs. */
  async start(): Promise<void> {
    const { queue, logger } = this.options;
    const dead = deadOwners(await queue.leaseOwners());
    const resumed = await queue.releaseLeases(dead);
    if (resumed > 0)
      logger.info("jobs: resumed work left unfinished by a stopped process", { jobs: resumed });
    this.stopped = false;
    this.heartbeat = setInterval(() => void this.beat(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.wake(0);
  }

  /** Tells the worker a job was just enqueued. */
  nudge(): void {
    this.lastNudge = performance.now();
    this.wake(this.quietMs);
  }

  /** Jobs running now. */
  get busy(): number {
    return this.running.size;
  }

  /**
   * Stops taking jobs and waits for those running, up to `deadlineMs`. What is still running then keeps
   * its lease, so no other worker takes it before this process has exited.
   */
  async drain(deadlineMs: number): Promise<DrainOutcome> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, deadlineMs);
      }),
    ]);
    clearTimeout(timeout);
    if (this.running.size === 0) retireLeaseOwner(this.owner);
    return { unfinished: this.running.size };
  }

  private wake(delayMs: number): void {
    if (this.stopped) return;
    const at = performance.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      const quietFor = performance.now() - this.lastNudge;
      if (quietFor < this.quietMs) this.wake(this.quietMs - quietFor);
      else void this.fill();
    }, delayMs);
  }

  private async fill(): Promise<void> {
    if (this.stopped || this.claiming) return;
    const free = this.concurrency - this.running.size;
    if (free > 0) {
      this.claiming = true;
      try {
        const jobs = await this.options.queue.claim(this.owner, free, this.leaseMs);
        for (const job of jobs) this.run(job);
      } catch (error) {
        this.options.logger.error("jobs: could not take work from the queue", { error: describe(error) });
      } finally {
        this.claiming = false;
      }
    }
    this.wake(this.pollMs);
  }

  private run(job: ClaimedJob): void {
    const { queue, handle, logger } = this.options;
    const work = handle(job)
      .then(
        () => queue.complete(this.owner, job.id),
        async (error: unknown) => {
          const retry = job.attempt < job.maxAttempts;
          const retryAt = retry ? new Date(Date.now() + retryDelayMs(job.attempt)) : null;
          logger[retry ? "warn" : "error"](
            retry ? "jobs: a job failed and will run again" : "jobs: a job failed on its last attempt",
            { job: job.id, kind: job.kind, attempt: job.attempt, error: describe(error) },
          );
          await queue.fail(this.owner, job.id, describe(error), retryAt);
        },
      )
      .catch((error: unknown) => {
        logger.error("jobs: could not record how a job ended", { job: job.id, error: describe(error) });
      })
      .finally(() => {
        this.running.delete(job.id);
        this.wake(0);
      });
    this.running.set(job.id, work);
  }

  private async beat(): Promise<void> {
    if (this.stopped) return;
    const { queue, logger } = this.options;
    try {
      await queue.renew(this.owner, [...this.running.keys()], this.leaseMs);
      const resumed = await queue.resumeExpired();
      if (resumed > 0) {
        logger.info("jobs: resumed work whose worker stopped answering", { jobs: resumed });
        this.wake(0);
      }
    } catch (error) {
      logger.error("jobs: could not renew leases", { error: describe(error) });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
