import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { AlertEvaluationRequests, EVALUATE_ALERTS } from "../../src/jobs/alerts/alert-evaluation-jobs.js";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { silentLogger } from "../../src/log/logger.js";
import { type Api, METRICS_ROW, postJson, startApi } from "./http-harness.js";

let api: Api | undefined;
let queue: JobQueue | undefined;
afterEach(async () => {
  await queue?.close();
  await api?.close();
  api = undefined;
  queue = undefined;
});

const SLOT_MS = 2_000;

/** The app as main.ts wires it: pushed rows ask for an alert evaluation in their own transaction. */
async function startWithEvaluations(): Promise<Api> {
  let evaluations: AlertEvaluationRequests | undefined;
  const started = await startApi({
    withLiveData: async (tx) => evaluations?.within(tx),
    onLiveData: () => evaluations?.request(),
  });
  queue = openSqliteJobQueue(started.temp.path);
  evaluations = new AlertEvaluationRequests({
    queue,
    logger: silentLogger,
    slotMs: SLOT_MS,
  });
  return started;
}

function read<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const liveRows = (path: string) =>
  read<{ external_id: string }>(path, "SELECT external_id FROM live_metrics");
const evaluationJobs = (path: string) =>
  read<{ key: string; run_at: number }>(
    path,
    `SELECT key, run_at FROM jobs WHERE kind = '${EVALUATE_ALERTS}'`,
  );

describe("an alert evaluation commits with the pushed rows (SQLite)", () => {
  it("stores the rows and their evaluation, due when the slot ends", async () => {
    api = await startWithEvaluations();
    const before = Date.now();
    const response = await postJson(api, "/webhooks/ingest", JSON.stringify(METRICS_ROW));
    expect(response.status).toBe(200);
    expect(liveRows(api.temp.path)).toEqual([{ external_id: "row-1" }]);
    const [job, ...others] = evaluationJobs(api.temp.path);
    expect(others).toEqual([]);
    const slot = Number(job?.key.split(":")[1]);
    expect(slot).toBeGreaterThanOrEqual(Math.floor(before / SLOT_MS));
    expect(job?.run_at).toBe((slot + 1) * SLOT_MS);
  });

  it("stores neither when the evaluation cannot be written, and the sender is told to retry", async () => {
    api = await startWithEvaluations();
    // The job table refuses every write, as a full disk would refuse the second write of a transaction.
    const db = new Database(api.temp.path);
    db.exec("CREATE TRIGGER refuse_jobs BEFORE INSERT ON jobs BEGIN SELECT RAISE(ABORT, 'no room'); END");
    db.close();
    const response = await postJson(api, "/webhooks/ingest", JSON.stringify(METRICS_ROW));
    expect(response.status).toBe(500);
    expect(liveRows(api.temp.path)).toEqual([]);
    expect(evaluationJobs(api.temp.path)).toEqual([]);
  });

  it("writes nothing for a push that changes nothing (a duplicate)", async () => {
    api = await startWithEvaluations();
    const body = JSON.stringify(METRICS_ROW);
    expect((await postJson(api, "/webhooks/ingest", body)).status).toBe(200);
    const db = new Database(api.temp.path);
    db.exec("DELETE FROM jobs");
    db.close();
    expect((await postJson(api, "/webhooks/ingest", body)).status).toBe(200);
    expect(evaluationJobs(api.temp.path)).toEqual([]);
  });
});
