import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { loadExport, ParsePool } from "../src/ingest/index.js";
import { openSqliteStore } from "../src/store/index.js";
import { ensureBigCsv, ensureUniqueCsv } from "./big-csv.js";

/**
 * Issue 16's target for the app: while a ~200 MB export is analysed, a health check answers with p99 under
 * 100 ms. A plain HTTP server on loopback is polled every 10 ms during the parse, once with the parse on
 * the calling thread (as uploads were read before) and once through the worker pool the app uses; then
 * during what the upload flow does next, saving the dataset to the store (a SQLite file in a temp folder,
 * as `DATABASE_URL=sqlite:` runs), for a generic export and for one with three all-unique text columns.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const ROWS = 3_500_000;

export async function run(): Promise<void> {
  const big = await ensureBigCsv(join(root, "bench/out/upload-200mb.csv"), ROWS);
  const unique = await ensureUniqueCsv(join(root, "bench/out/unique-6m.csv"));
  const pool = new ParsePool({ size: 1 });
  await pool.analyze({ path: "samples/google-ads-campaign-totals.csv" });
  const folder = mkdtempSync(join(tmpdir(), "mpo-upload-bench-"));
  const store = openSqliteStore(join(folder, "mpo.db"));
  try {
    const bytes = readFileSync(big.path);
    console.log(
      `generic file: ${(big.bytes / 1e6).toFixed(0)} MB, ${ROWS.toLocaleString("en-US")} rows, read from memory as an upload`,
    );
    const { outcome } = await measure("parse on the calling thread", () =>
      loadExport({ bytes, name: "upload.csv" }),
    );
    await measure("parse in the worker pool", () => pool.analyze({ bytes, name: "upload.csv" }));
    await measure("save to the SQLite store", () => saveOf(store, outcome.facts, outcome.receipt, "generic"));
    const uniqueBytes = readFileSync(unique.path);
    console.log(`all-unique file: ${(unique.bytes / 1e6).toFixed(0)} MB, three all-unique text columns`);
    const parsed = await measure("parse in the worker pool", () =>
      pool.analyze({ bytes: uniqueBytes, name: "unique.csv" }),
    );
    await measure("save to the SQLite store", () =>
      saveOf(store, parsed.outcome.facts, parsed.outcome.receipt, "unique"),
    );
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
    await pool.close();
  }
}

type Parsed = Awaited<ReturnType<ParsePool["analyze"]>>;

function saveOf(
  store: ReturnType<typeof openSqliteStore>,
  facts: Parsed["facts"],
  receipt: Parsed["receipt"],
  name: string,
) {
  return store.saveDataset({ channel: "C-bench", name: `${name}.csv`, receipt, facts });
}

/** Prints the step's wall and CPU time (the whole process's, the poller's few requests included) and the health check's p99 and max. */
async function measure<T>(label: string, step: () => Promise<T>): Promise<{ outcome: T }> {
  const cpu = process.cpuUsage();
  const { latencies, seconds, outcome } = await pollWhile(step);
  const used = process.cpuUsage(cpu);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
  console.log(
    `  ${label}: ${seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; /healthz answered ${latencies.length} times, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
  );
  return { outcome };
}

/** Polls from another thread: a poller on the parsing thread could not even send while it is blocked. */
const POLLER = `
const { parentPort, workerData } = require("node:worker_threads");
const latencies = [];
let polling = true;
parentPort.on("message", () => { polling = false; });
(async () => {
  while (polling) {
    const started = performance.now();
    await fetch(workerData.url).then((response) => response.text());
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage(latencies);
})();
`;

async function pollWhile<T>(
  step: () => Promise<T>,
): Promise<{ latencies: number[]; seconds: number; outcome: T }> {
  const server = createServer((_, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `http://127.0.0.1:${port}/healthz` } });
  const done = new Promise<number[]>((resolve) => poller.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const outcome = await step();
  const seconds = (performance.now() - started) / 1000;
  poller.postMessage("stop");
  const latencies = await done;
  await poller.terminate();
  server.close();
  return { latencies, seconds, outcome };
}
