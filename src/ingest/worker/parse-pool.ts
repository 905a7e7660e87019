import type { Worker } from "node:worker_threads";
import type { ExportInput } from "../export-source.js";
import { IngestError } from "../ingest-error.js";
import type { Dataset } from "../receipt.js";
import { buffersOf, withLazyValues, withoutDecodedValues } from "./dataset-transfer.js";
import type { FollowUp, ParseReply, ParseRequest } from "./parse-messages.js";
import { spawnWorker } from "./spawn-worker.js";

export interface ParsePoolOptions {
  /** Exports read at once; each is one thread. */
  size?: number;
  /** Heap a worker may use before its file is refused. */
  maxMemoryMb?: number;
}

/** What work on data already read needs: its facts (a stored dataset, a blend, live rows), and its receipt if any. */
export type FactsOf = Pick<Dataset, "facts"> & Partial<Dataset>;

/** A dataset and what its follow-up worked out from it in the same worker. */
export interface FollowedUp<T> {
  dataset: Dataset;
  result: T;
}

/**
 * `handOver`: the caller gives up the bytes it passes (the whole ArrayBuffer they are a view of), which then
 * move to the worker without a copy: copying 200 MB held the event loop for well over 100 ms.
 */
export interface PoolReadOptions {
  handOver?: boolean;
}

interface Task {
  request: ParseRequest;
  transfer: ArrayBuffer[];
  resolve: (read: FollowedUp<unknown>) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

const DEFAULT_SIZE = 2;
const DEFAULT_MAX_MEMORY_MB = 1536;
/** Smaller bytes are copied: a copy costs little, and Node's shared pool of small Buffers cannot move. */
const HAND_OVER_FROM_BYTES = 1024 * 1024;

/**
 * Reads exports on worker threads, so the event loop keeps answering Slack, webhooks and health checks
 * while a 200 MB file is parsed. Each worker has a heap limit: a file that would exceed it is refused with
 * a sentence and the worker replaced; nothing of it was stored. Idle workers do not keep a process alive.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly size: number;
  private readonly maxMemoryMb: number;
  private nextId = 1;
  private closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? DEFAULT_SIZE);
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  }

  async analyze(input: ExportInput): Promise<Dataset> {
    return (await this.read(input)).dataset;
  }

  /**
   * Reads an export and then runs `followUp` on it in the same worker (see FollowUp): what would otherwise
   * hold the event loop after the read, such as an upload's summary and charts, is worked out there too.
   */
  async analyzeThen<T>(
    input: ExportInput,
    followUp: FollowUp,
    options: PoolReadOptions = {},
  ): Promise<FollowedUp<T>> {
    const { dataset, result } = await this.read(input, followUp, options);
    return { dataset, result: result as T };
  }

  /**
   * Runs `followUp` on a dataset already read (a stored one) in a worker, for work that would hold the event
   * loop here, such as a report's summary on millions of rows. Its big columns move to the worker and back
   * without a copy: until the promise settles they are empty on this thread, and if the work fails they
   * stay with the worker, so the caller uses the dataset it is given back, not the one it sent.
   */
  async workOn<T, D extends FactsOf = FactsOf>(
    dataset: D,
    followUp: FollowUp,
  ): Promise<{ dataset: D; result: T }> {
    const sent = withoutDecodedValues(dataset);
    // Small buffers are copied: they may be slices of Node's shared pool, which cannot move.
    const transfer = buffersOf(sent).filter((buffer) => buffer.byteLength >= HAND_OVER_FROM_BYTES);
    const { dataset: back, result } = await this.send({ dataset: sent as Dataset }, followUp, transfer);
    return { dataset: back as unknown as D, result: result as T };
  }

  private read(
    input: ExportInput,
    followUp?: FollowUp,
    options: PoolReadOptions = {},
  ): Promise<FollowedUp<unknown>> {
    const request =
      "bytes" in input ? { bytes: input.bytes, name: input.name } : { path: input.path, name: input.name };
    return this.send(request, followUp, options.handOver ? handedOver(input) : []);
  }

  private send(
    input: ParseRequest["input"],
    followUp: FollowUp | undefined,
    transfer: ArrayBuffer[],
  ): Promise<FollowedUp<unknown>> {
    if (this.closed) return Promise.reject(new Error("the parse pool is closed"));
    const request: ParseRequest = { id: this.nextId++, input, ...(followUp ? { followUp } : {}) };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("the parse pool is closed"));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.task === null) ?? this.spawn();
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage(task.request, task.transfer);
    }
  }

  private spawn(): Slot | null {
    if (this.slots.length >= this.size) return null;
    const resourceLimits = { maxOldGenerationSizeMb: this.maxMemoryMb };
    const worker = spawnWorker("parse-worker", { resourceLimits });
    const slot: Slot = { worker, task: null };
    worker.on("message", (reply: ParseReply) => this.settle(slot, reply));
    worker.on("error", (error) => this.fail(slot, error));
    worker.on("exit", () => this.fail(slot, new Error("the parse worker stopped")));
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, reply: ParseReply): void {
    const task = slot.task;
    slot.task = null;
    slot.worker.unref();
    if (task) {
      if ("dataset" in reply)
        task.resolve({ dataset: withLazyValues(reply.dataset), result: reply.followedUp });
      else
        task.reject(
          reply.error.readable ? new IngestError(reply.error.message) : new Error(reply.error.message),
        );
    }
    this.dispatch();
  }

  /** A worker that died takes its file with it; the file is refused and the worker replaced. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate();
    if (task) task.reject(refusal(error, this.maxMemoryMb));
    if (!this.closed) this.dispatch();
  }
}

function handedOver(input: ExportInput): ArrayBuffer[] {
  if (!("bytes" in input)) return [];
  const { buffer, byteLength } = input.bytes;
  return buffer instanceof ArrayBuffer && byteLength >= HAND_OVER_FROM_BYTES ? [buffer] : [];
}

function refusal(error: Error, maxMemoryMb: number): Error {
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new IngestError(
      `the file needs more than the ${maxMemoryMb.toLocaleString("en-US")} MB of memory one upload may use: export fewer columns or a shorter period, or split it into several files`,
    );
  }
  return error;
}

let shared: ParsePool | null = null;

/** The process's pool, started on first use: the app, the REST API and the CLI read exports through it. */
export function analyzeExport(input: ExportInput): Promise<Dataset> {
  shared ??= new ParsePool();
  return shared.analyze(input);
}

/** Runs `followUp` on a dataset already read, in one of the process's pool's workers (ParsePool.workOn). */
export function workOnDataset<T, D extends FactsOf = FactsOf>(
  dataset: D,
  followUp: FollowUp,
): Promise<{ dataset: D; result: T }> {
  shared ??= new ParsePool();
  return shared.workOn<T, D>(dataset, followUp);
}

/** As analyzeExport, with `followUp` run on the dataset in the worker that read it (ParsePool.analyzeThen). */
export function analyzeExportThen<T>(
  input: ExportInput,
  followUp: FollowUp,
  options: PoolReadOptions = {},
): Promise<FollowedUp<T>> {
  shared ??= new ParsePool();
  return shared.analyzeThen<T>(input, followUp, options);
}
