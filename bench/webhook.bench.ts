/**
 * Signed single-record webhook ingests per second, stored durably in SQLite, and their p99 latency, beside
 * a bare node:http server that only parses the JSON, both loaded by autocannon at 2 connections over
 * loopback. Each server runs in its own process (this file, started with a `serve-*` argument), so the
 * load generator does not share its event loop. Targets: at least 40% of the bare rate, p99 under 20 ms.
 *
 * Each server also reports the CPU time it spent per request during the measured run: on a shared or
 * busy machine the rates swing with other processes, and CPU per request shows what the server costs.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createHttpApp, serveHttp, signWebhookBody } from "../src/http/index.js";
import { openSqliteStore } from "../src/store/index.js";

const SECRET = "bench-webhook-secret";
const CONNECTIONS = 2;
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
}
interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: { method: string; setupRequest: (request: RawRequest) => RawRequest }[];
}) => Promise<AutocannonResult>;

// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

let sequence = 0;

/** A fresh record per request (its own id, so every one is stored), signed now. */
function signedRecord(request: RawRequest): RawRequest {
  sequence += 1;
  const body = JSON.stringify({
    id: `bench-${process.pid}-${sequence}`,
    date: "2025-05-10",
    campaign: `Campaign ${sequence % 50}`,
    channel: "meta",
    spend: 12.5,
    impressions: 1000,
    clicks: 30,
    conversions: 2,
    revenue: 48,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...request,
    method: "POST",
    path: "/webhooks/ingest",
    headers: {
      "content-type": "application/json",
      "x-mpo-timestamp": String(timestamp),
      "x-mpo-signature": signWebhookBody(SECRET, timestamp, body),
    },
    body,
  };
}

async function load(url: string, duration: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: "POST", setupRequest: signedRecord }],
  });
}

interface Measured {
  load: AutocannonResult;
  /** Server CPU (user + system) per request served during the measured run. */
  cpuMicros: number;
}

/** Starts a server process; its stdout gives the port, then (after SIGTERM) its CPU per request. */
async function measure(mode: string): Promise<Measured> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const port = (await lines.next()).value as string;
  const url = `http://127.0.0.1:${port.trim()}`;
  try {
    await load(url, WARMUP_SECONDS);
    child.kill("SIGUSR2");
    const result = await load(url, SECONDS);
    child.kill("SIGTERM");
    const cpu = (await lines.next()).value as string;
    return { load: result, cpuMicros: Number(cpu) };
  } finally {
    if (child.exitCode === null) await once(child, "exit");
  }
}

function line(name: string, { load: result, cpuMicros }: Measured): string {
  const rate = result.requests.average.toFixed(0).padStart(6);
  const p50 = result.latency.p50.toFixed(0).padStart(3);
  const p99 = result.latency.p99.toFixed(0).padStart(3);
  const failures = result.non2xx + result.errors;
  const cpu = cpuMicros.toFixed(0).padStart(4);
  return `${name.padEnd(48)} ${rate} req/s   p50 ${p50} ms   p99 ${p99} ms   server CPU ${cpu} µs/request${failures ? `   ${failures} failed` : ""}`;
}

export async function run(): Promise<void> {
  console.log(
    `autocannon, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, loopback`,
  );
  const bare = await measure("serve-bare");
  console.log(line("bare node:http, JSON.parse only", bare));
  const normal = await measure("serve-webhook");
  console.log(line("webhook, signed, SQLite WAL synchronous=NORMAL", normal));
  const full = await measure("serve-webhook-full");
  console.log(line("webhook, signed, SQLite WAL synchronous=FULL", full));
  const ratio = ({ load: result }: Measured) =>
    `${((100 * result.requests.average) / bare.load.requests.average).toFixed(0)}%`;
  console.log(
    `rate relative to bare: ${ratio(normal)} (NORMAL, the default), ${ratio(full)} (FULL); target ≥ 40%, p99 < 20 ms`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(", ")} on ${cpus().length} CPUs`,
  );
}

/** Counts requests between SIGUSR2 (after the warm-up) and SIGTERM, then prints CPU per request and exits. */
function reportCpuOnExit(): () => void {
  let served = 0;
  let since = process.cpuUsage();
  process.on("SIGUSR2", () => {
    served = 0;
    since = process.cpuUsage();
  });
  process.on("SIGTERM", () => {
    const used = process.cpuUsage(since);
    process.stdout.write(`${served > 0 ? (used.user + used.system) / served : 0}\n`, () => process.exit(0));
  });
  return () => {
    served += 1;
  };
}

/** The servers, each in its own process. */
async function serve(mode: string): Promise<void> {
  const served = reportCpuOnExit();
  if (mode === "serve-bare") {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        served();
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"ok":true}');
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
    });
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), "mpo-bench-"));
  process.on("exit", () => rmSync(folder, { recursive: true, force: true }));
  const store = openSqliteStore(join(folder, "bench.db"), {
    durability: mode === "serve-webhook-full" ? "full" : "normal",
  });
  const app = createHttpApp({
    store,
    config: { webhookSecret: SECRET, sandbox: false, corsOrigins: [] },
    insights: async () => "",
    onLiveData: served,
  });
  const server = await serveHttp(app, { port: 0 });
  process.stdout.write(`${server.port}\n`);
}

const mode = process.argv[2];
if (process.argv[1] === fileURLToPath(import.meta.url) && mode?.startsWith("serve-")) await serve(mode);
