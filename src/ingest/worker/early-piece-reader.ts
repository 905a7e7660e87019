import { statSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { spawnWorker } from "./spawn-worker.js";

/** Below this a second thread costs more to start than it saves (parallel-read.ts). */
export const PARALLEL_FROM_BYTES = 64 * 1024 * 1024;
const PIECE_HEAP_MB = 1536;

let early: Worker | null = null;

/**
 * Starts the thread that will read the later piece of a big file before the caller has loaded the code that
 * reads it: the worker loads its own modules meanwhile, so both threads begin reading at about the same
 * time. Only when one of `paths` is a file big enough to be split; an unused early worker does not keep the
 * process alive. Kept free of the reader's modules so that importing it costs nothing.
 */
export function startPieceReaderEarly(paths: readonly string[]): void {
  if (early || !paths.some(isBigFile)) return;
  const worker = spawnPieceReader();
  worker.unref();
  // A worker that failed while waiting is forgotten: the read then starts its own.
  const forget = () => {
    if (early === worker) early = null;
  };
  worker.once("error", forget);
  worker.once("exit", forget);
  early = worker;
}

/** The early worker if one is waiting, else a new one; the caller posts it a piece or terminates it. */
export function takePieceReader(): Worker {
  const worker = early ?? spawnPieceReader();
  early = null;
  worker.ref();
  return worker;
}

function spawnPieceReader(): Worker {
  return spawnWorker("piece-worker", { resourceLimits: { maxOldGenerationSizeMb: PIECE_HEAP_MB } });
}

function isBigFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size >= PARALLEL_FROM_BYTES;
  } catch {
    return false;
  }
}
