/**
 * Durable work behind one interface: what Slack or a webhook was told is accepted is written here before
 * the answer goes out, and a worker takes it from here. The SQLite queue lives in the app's own database
 * file; on PostgreSQL, pg-boss holds the jobs and several instances share them (see README, "Durable jobs").
 */

/** A job's id: a number on SQLite, a UUID on pg-boss, always passed around as text. */
export type JobId = string;

/** A job to be done, as a caller asks for it. */
export interface NewJob {
  /** Which handler does the work, e.g. "answer-question". */
  kind: string;
  /** JSON-serialisable input for the handler. */
  payload: unknown;
  /**
   * What makes two requests the same work (a Slack message's channel and ts, a file id): the second
   * enqueue with a key already known adds nothing, however late it comes.
   */
  key: string;
  /** Attempts before the job is given up; 5 by default. */
  maxAttempts?: number;
  /** Not before this moment (an evaluation gathering a burst of pushes); at once by default. */
  runAt?: Date;
}

export interface Enqueued {
  id: JobId;
  /** False when the key was known: the earlier job stands, untouched. */
  created: boolean;
}

/** A job a worker holds the lease of: only that worker may complete or fail it until the lease runs out. */
export interface ClaimedJob {
  id: JobId;
  kind: string;
  key: string;
  payload: unknown;
  /** 1 on the first run; more when an earlier run failed or its worker died. */
  attempt: number;
  maxAttempts: number;
}

/** What /readyz reports about waiting work. */
export interface Backlog {
  /** Jobs waiting to run or running. */
  waiting: number;
  /** Age of the oldest of them, or null when there is none. */
  oldestAgeMs: number | null;
}

/** The job marks of one kind become (see `JobQueue.relayDue`). */
export interface DueJob {
  /**
   * Marks taken before this moment (the database's clock) need nothing new: the job written for them
   * before runs after it. Null when no such job is known.
   */
  coveredUntil: Date | null;
  /** The job for marks taken at `at`, the database's clock read after taking them. */
  jobOf(at: Date): NewJob;
}

/** What one round of `JobQueue.relayDue` did. */
export interface RelayedDue {
  /** Marks taken and deleted. */
  marks: number;
  /** The job they became; null when there were none, or when the job they call for was written before. */
  job: Enqueued | null;
}

/** Where a job's outward effect stands, so a rerun of the job never repeats one that happened. */
export type StepState =
  /** Never started: do it. */
  | { state: "new" }
  /** Done before; here is what it returned. */
  | { state: "done"; result: unknown }
  /** Started before, outcome unknown (the process died in between): look before doing it again. */
  | { state: "uncertain"; startedAt: number };

export interface JobQueue {
  enqueue(job: NewJob): Promise<Enqueued>;
  /** Takes up to `limit` jobs due now, leased to `owner` for `leaseMs`. */
  claim(owner: string, limit: number, leaseMs: number): Promise<ClaimedJob[]>;
  /** Extends the leases `owner` holds on these jobs (a long analysis keeps its job). */
  renew(owner: string, ids: readonly JobId[], leaseMs: number): Promise<void>;
  complete(owner: string, id: JobId): Promise<void>;
  /**
   * Records a failed run: the job runs again at `retryAt` (pg-boss applies its own growing wait instead),
   * or is given up when that is null.
   */
  fail(owner: string, id: JobId, error: string, retryAt: Date | null): Promise<void>;
  /**
   * Puts running jobs whose lease ran out back in the queue (their worker died), and gives up those that
   * have had all their attempts. Returns how many were resumed.
   */
  resumeExpired(): Promise<number>;
  /** The owners holding leases now, so a worker can tell which of them are dead processes. */
  leaseOwners(): Promise<string[]>;
  /** Ends the leases of owners known to be dead, putting their jobs back in the queue at once. */
  releaseLeases(owners: readonly string[]): Promise<number>;
  backlog(): Promise<Backlog>;
  /**
   * Turns marks of `kind` that stored rows left (`Store.markJobDue`) into their job: takes up to `limit`
   * marks no other instance holds and deletes them, in one transaction with writing `due.jobOf` the
   * database's clock read after taking them (so a job due after that moment runs after their rows were
   * committed; a known key adds nothing), or alone while `due.coveredUntil` has not passed. When anything
   * fails, the marks stay for the next round. Only where the store keeps marks (PostgreSQL).
   */
  relayDue?(kind: string, due: DueJob, limit: number): Promise<RelayedDue>;

  /** Marks a step of a job as started, and says what is known of an earlier start. */
  beginStep(jobId: JobId, step: string): Promise<StepState>;
  finishStep(jobId: JobId, step: string, result: unknown): Promise<void>;

  /**
   * Runs `work` while no other process sharing this queue runs work of the same name (alert evaluations:
   * two instances judging the same rule at once would both fire it).
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}
