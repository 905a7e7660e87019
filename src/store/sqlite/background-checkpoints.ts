import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Database } from "better-sqlite3";

/**
 * Pages the WAL may hold before the writing connection checkpoints by itself: only when the background
 * checkpoints cannot keep up (a long read holding old pages, the worker gone). About 400 MB of WAL: a big
 * upload's save writes hundreds of MB faster than the worker copies them back, and at a tenth of this
 * the writer's own checkpoints held the event loop several times during one save.
 */
const FALLBACK_PAGES = 100_000;
const INTERVAL_MS = 100;

// Plain JavaScript run as the worker's script: it needs only the driver, so no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or failed this time: the next turn tries again, and the writer's own fallback bounds the WAL.
  }
}, workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Ends the worker and its connection; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL on a worker thread with its own connection, so the copy back into the database file
 * and its fsyncs (milliseconds each on a network disk) no longer stall the event loop inside a commit
 * every thousand pages. Commits are unchanged: each is written to the WAL before it returns, so what was
 * acknowledged survives a kill -9 as before. A PASSIVE checkpoint never waits for or blocks the writer.
 */
export function checkpointInBackground(db: Database, path: string): BackgroundCheckpoints {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, intervalMs: INTERVAL_MS },
  });
  // The process may exit without closing the store (a CLI run, a test): the worker must not hold it open.
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once("exit", () => resolve());
  });
  worker.once("error", () => {
    // The worker could not start or failed: the writer checkpoints by itself again, as SQLite does by default.
    if (db.open) db.pragma("wal_autocheckpoint = 1000");
  });
  return {
    stop: async () => {
      // Held open until it has exited: unreferenced, a process with nothing else to do would end mid-close.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
