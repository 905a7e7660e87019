import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { loadExport, ParsePool } from "../src/ingest/index.js";
import { ensureBigCsv } from "./big-csv.js";

/**
 * Issue 16's target for the app: while a ~200 MB export is analysed, a health check answers with p99 under
 * 100 ms. A plain HTTP server on loopback is polled every 10 ms during the parse, once with the parse on
 * the calling thread (as uploads were read before) and once through the worker pool the app uses.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const ROWS = 3_500_000;

export async function run(): Promise<void> {
  const big = await ensureBigCsv(join(root, "bench/out/upload-200mb.csv"), ROWS);
  const bytes = readFileSync(big.path);
  console.log(
    `file: ${(big.bytes / 1e6).toFixed(0)} MB, ${ROWS.toLocaleString("en-US")} rows, read from memory as an upload`,
  );
  const pool = new ParsePool({ size: 1 });
  await pool.analyze({ path: "samples/google-ads-campaign-totals.csv" });
  try {
    for (const [label, parse] of [
      ["on the calling thread", () => loadExport({ bytes, name: "upload.csv" })],
      ["in the worker pool", () => pool.analyze({ bytes, name: "upload.csv" })],
    ] as const) {
      const { latencies, seconds } = await pollWhile(parse);
      const sorted = [...latencies].sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
      console.log(
        `${label}: parse ${seconds.toFixed(2)} s; /healthz answered ${latencies.length} times, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
      );
    }
  } finally {
    await pool.close();
  }
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

async function pollWhile(parse: () => Promise<unknown>): Promise<{ latencies: number[]; seconds: number }> {
  const server = createServer((_, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `http://127.0.0.1:${port}/healthz` } });
  const done = new Promise<number[]>((resolve) => poller.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  await parse();
  const seconds = (performance.now() - started) / 1000;
  poller.postMessage("stop");
  const latencies = await done;
  await poller.terminate();
  server.close();
  return { latencies, seconds };
}
