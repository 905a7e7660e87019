import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isValidSlackRequest } from "@slack/bolt";
import { DEFAULT_READER, withReader } from "../src/format/reader-locale.js";
import { createHttpApp } from "../src/http/index.js";
import { type ExportInput, loadExport, ParsePool } from "../src/ingest/index.js";
import { postReport } from "../src/slack/flows/post-report.js";
import { publishHome } from "../src/slack/flows/publish-home.js";
import { replyToQuestion } from "../src/slack/flows/reply-to-question.js";
import { analysisOf, type UploadAnalysis, uploadFollowUp } from "../src/slack/flows/upload-analysis.js";
import { openSqliteStore, type Store } from "../src/store/index.js";
import { ensureBigCsv, ensureUniqueCsv } from "./big-csv.js";
import { restUploadBody, UPLOAD_LIMIT_BYTES, WEBHOOK_SECRET } from "./support/rest-upload-body.js";
import { answeringClient, benchSlackDeps } from "./support/slack-flow-deps.js";

/**
 * Issue 16's target for the app: while a ~200 MB export is analysed, a health check answers with p99 under
 * 100 ms. A plain HTTP server on loopback is polled every 10 ms during the parse, once with the parse on
 * the calling thread (as uploads were read before) and once through the worker pool the app uses; then
 * during what the upload flow does next, saving the dataset to the store (a SQLite file in a temp folder,
 * as `DATABASE_URL=sqlite:` runs), and during the summary and charts its reply is made of: worked out on
 * the calling thread (as uploads did before) and in the pool's worker right after the parse (as uploads
 * are now read, the parse included), for a generic export and for one with three all-unique text columns.
 * Once the generic export is stored, what people then do with it is measured the same way: `/report`, a
 * question in its thread, App Home, and the REST API's upload of an export as big as it accepts.
 * `UPLOAD_BENCH_STEPS=stored` runs only those (after the parse and save they need).
 *
 * Slack deliveries are measured the same way: every 100 ms the poller posts a signed Events API envelope,
 * which is acked as the app acks one (signature checked, the event stored as a job in the same store,
 * then 200). Slack gives up after 3 s, so an ack slower than that is a late delivery.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const ROWS = 3_500_000;
const SIGNING_SECRET = "bench-signing-secret";
const SLACK_LIMIT_MS = 3_000;

export async function run(): Promise<void> {
  const big = await ensureBigCsv(join(root, "bench/out/upload-200mb.csv"), ROWS);
  const unique = await ensureUniqueCsv(join(root, "bench/out/unique-6m.csv"));
  const pool = new ParsePool({ size: 1 });
  // The worker's code, the reply's included, loaded before anything is measured.
  await replyInWorker(pool, { path: "samples/google-ads-campaign-totals.csv" });
  const folder = mkdtempSync(join(tmpdir(), "mpo-upload-bench-"));
  const storedOnly = process.env.UPLOAD_BENCH_STEPS === "stored";
  const store = openSqliteStore(join(folder, "mpo.db"));
  active = store;
  console.log(`uptime: ${execFileSync("uptime").toString().trim()}`);
  try {
    // What /healthz and an ack take here with the app idle: on a busy machine the floor for every step.
    await measure("idle, for comparison", () => new Promise((resolve) => setTimeout(resolve, 2_000)));
    const bytes = readFileSync(big.path);
    console.log(
      `generic file: ${(big.bytes / 1e6).toFixed(0)} MB, ${ROWS.toLocaleString("en-US")} rows, read from memory as an upload`,
    );
    // With UPLOAD_BENCH_STEPS=stored only what the stored-dataset steps need is run: the parse in the pool.
    const { outcome } = storedOnly
      ? await measure("parse in the worker pool", () => pool.analyze({ bytes, name: "upload.csv" }))
      : await measure("parse on the calling thread", () => loadExport({ bytes, name: "upload.csv" }));
    if (!storedOnly)
      await measure("parse in the worker pool", () => pool.analyze({ bytes, name: "upload.csv" }));
    await measure("save to the SQLite store", () => saveOf(store, outcome.facts, outcome.receipt, "generic"));
    await storedDatasetSteps(store, folder);
    if (storedOnly) return;
    await measure("the reply's summary and charts on the calling thread", () => analysisOf(outcome));
    await measure("parse, then the reply's summary and charts, in the worker pool", () =>
      replyInWorker(pool, { bytes, name: "upload.csv" }),
    );
    const uniqueBytes = readFileSync(unique.path);
    console.log(`all-unique file: ${(unique.bytes / 1e6).toFixed(0)} MB, three all-unique text columns`);
    const parsed = await measure("parse in the worker pool", () =>
      pool.analyze({ bytes: uniqueBytes, name: "unique.csv" }),
    );
    await measure("save to the SQLite store", () =>
      saveOf(store, parsed.outcome.facts, parsed.outcome.receipt, "unique"),
    );
    await measure("the reply's summary and charts on the calling thread", () => analysisOf(parsed.outcome));
    await measure("parse, then the reply's summary and charts, in the worker pool", () =>
      replyInWorker(pool, { bytes: uniqueBytes, name: "unique.csv" }),
    );
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
    await pool.close();
  }
}

const CHANNEL = "C-bench";
const ASKER = "U-bench";
const WORKSPACE = { team: null, enterprise: null };

/**
 * What people do with the 3.5M-row dataset once it is stored, each through the app's own flow (a Slack
 * client that answers at once, the offline analyst): `/report`, a question in the report's thread, App
 * Home opened; then the REST API's upload of an export as big as it accepts.
 */
async function storedDatasetSteps(store: Store, folder: string): Promise<void> {
  const deps = await benchSlackDeps(store, folder);
  const { client, posted } = answeringClient(CHANNEL);
  const place = { channel: CHANNEL, user: ASKER, workspace: WORKSPACE };
  await measure("/report on the stored 3.5M-row dataset", () =>
    withReader(DEFAULT_READER, () =>
      postReport(deps, client, { period: null, by: null, dataset: null }, place),
    ),
  );
  // The report's message starts the thread the question is asked in.
  const reportTs = posted[0] as string;
  await measure("a follow-up question in its thread (offline analyst)", () =>
    withReader(DEFAULT_READER, () =>
      replyToQuestion(deps, client, "which campaign had the highest spend?", {
        ...place,
        threadTs: reportTs,
        anyChannel: false,
      }),
    ),
  );
  await measure("App Home opened", () =>
    withReader(DEFAULT_READER, () => publishHome(deps, client, { user: ASKER, workspace: WORKSPACE })),
  );
  await deps.targets.close();
  const body = await restUploadBody();
  console.log(
    `REST upload: ${(body.bytes.length / 1e6).toFixed(0)} MB multipart body (the route takes up to ${UPLOAD_LIMIT_BYTES / 2 ** 20} MiB)`,
  );
  const http = createHttpApp({
    store,
    config: { webhookSecret: WEBHOOK_SECRET, sandbox: false, corsOrigins: [] },
    insights: async () => ({ text: "" }) as never,
  });
  await measure("POST /analytics/upload-csv with an export just under its limit", async () => {
    const response = await http.fetch(
      new Request("http://127.0.0.1/analytics/upload-csv?by=campaign", {
        method: "POST",
        headers: { authorization: `Bearer ${WEBHOOK_SECRET}`, "content-type": body.contentType },
        body: body.bytes,
      }),
    );
    if (!response.ok) throw new Error(`upload-csv answered ${response.status}: ${await response.text()}`);
    return response.json();
  });
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

/**
 * As the upload flow reads a file (upload-analysis.ts), through this bench's own pool: the bytes are handed
 * over to the worker (not copied, as `pool.analyze` does), so this is the last step to use them.
 */
function replyInWorker(pool: ParsePool, input: ExportInput) {
  return pool.analyzeThen<UploadAnalysis>(input, uploadFollowUp(DEFAULT_READER), { handOver: true });
}

/**
 * Prints the step's wall and CPU time (the whole process's, the poller's few requests included), the
 * health check's p99 and max, and the Slack acks' p99, max and how many came later than Slack waits.
 */
async function measure<T>(label: string, step: () => Promise<T>): Promise<{ outcome: T }> {
  const cpu = process.cpuUsage();
  const { latencies, acks, seconds, outcome } = await pollWhile(step);
  const used = process.cpuUsage(cpu);
  const late = acks.filter((ms) => ms > SLACK_LIMIT_MS).length;
  console.log(
    `  ${label}: ${seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; /healthz answered ${latencies.length} times, ${spread(latencies)}; Slack events acked ${acks.length} times, ${spread(acks)}, ${late} late (over ${SLACK_LIMIT_MS / 1000} s)`,
  );
  return { outcome };
}

function spread(latencies: readonly number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
  return `p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`;
}

/** Polls from another thread: a poller on the parsing thread could not even send while it is blocked. */
const POLLER = `
const { createHmac } = require("node:crypto");
const { parentPort, workerData } = require("node:worker_threads");
const latencies = [];
const acks = [];
let polling = true;
parentPort.on("message", () => { polling = false; });
const timed = async (list, request) => {
  const started = performance.now();
  const response = await request();
  await response.text();
  if (!response.ok) throw new Error("answered " + response.status);
  list.push(performance.now() - started);
};
const deliver = (n) => {
  const body = JSON.stringify({ type: "event_callback", team_id: "T1", event_id: "EvBench" + workerData.step + "x" + n,
    event: { type: "message", channel: "C1", user: "U1", text: "hi", ts: n + ".000100" } });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", workerData.secret).update("v0:" + timestamp + ":" + body).digest("hex");
  return fetch(workerData.url + "/slack/events", { method: "POST", body, headers: {
    "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature } });
};
(async () => {
  const deliveries = [];
  for (let n = 0; polling; n++) {
    if (n % 10 === 0) deliveries.push(timed(acks, () => deliver(n)));
    await timed(latencies, () => fetch(workerData.url + "/healthz"));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(deliveries);
  parentPort.postMessage({ latencies, acks });
})();
`;

/** The store the Slack route keeps events in: the one being saved to, as in the app. */
let active: Store | undefined;
let steps = 0;

/** As the app's receiver: the signature checked against the raw body, the event kept as a job, then 200. */
async function ackSlackEvent(request: IncomingMessage): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString();
  const valid = isValidSlackRequest({
    signingSecret: SIGNING_SECRET,
    body,
    headers: {
      "x-slack-signature": String(request.headers["x-slack-signature"]),
      "x-slack-request-timestamp": Number(request.headers["x-slack-request-timestamp"]),
    },
  });
  if (!valid || !active?.enqueueJob) return 401;
  const envelope = JSON.parse(body) as { event_id: string };
  await active.enqueueJob({ kind: "slack-event", payload: envelope, key: `event:${envelope.event_id}` });
  return 200;
}

async function pollWhile<T>(
  step: () => Promise<T>,
): Promise<{ latencies: number[]; acks: number[]; seconds: number; outcome: T }> {
  const server = createServer((request, response) => {
    if (request.method !== "POST") return void response.end("ok");
    ackSlackEvent(request).then(
      (status) => response.writeHead(status).end(),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  steps += 1;
  const poller = new Worker(POLLER, {
    eval: true,
    workerData: { url: `http://127.0.0.1:${port}`, secret: SIGNING_SECRET, step: steps },
  });
  const done = new Promise<{ latencies: number[]; acks: number[] }>((resolve, reject) => {
    poller.once("message", resolve);
    poller.once("error", reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = performance.now();
  const outcome = await step();
  const seconds = (performance.now() - started) / 1000;
  poller.postMessage("stop");
  const { latencies, acks } = await done;
  await poller.terminate();
  server.close();
  return { latencies, acks, seconds, outcome };
}
