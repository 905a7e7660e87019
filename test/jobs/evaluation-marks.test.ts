import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliveryReceiver, type ReceiveDelivery } from "../../src/http/ingest/delivery-receiver.js";
import {
  AlertEvaluationRequests,
  EVALUATE_ALERTS,
  withAlertEvaluations,
} from "../../src/jobs/alerts/alert-evaluation-jobs.js";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { JobWorker } from "../../src/jobs/job-worker.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { type Logger, silentLogger } from "../../src/log/logger.js";
import { openPostgresStore, type Store } from "../../src/store/index.js";
import { startEmulator } from "../sandbox/helpers.js";
import { freePort, startAppProcess } from "./app-process.js";
import { postgresDatabase, type TempDatabase } from "./temp-postgres.js";
import { until } from "./until.js";

/**
 * On PostgreSQL a push's rows and the mark of their alert evaluation commit together, and a relay turns
 * marks into pg-boss jobs: a kill -9 after the commit, two instances relaying at once, or a failed relay
 * still end in one evaluation per slot of pushes, run after the rows it must see were committed.
 */
const SLOT_MS = 300;
const ROOT = join(import.meta.dirname, "../..");

let database: TempDatabase;
const closers: Array<() => Promise<void>> = [];
beforeEach(async () => {
  database = await postgresDatabase();
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await database.remove();
});

interface Instance {
  store: Store;
  queue: JobQueue;
  evaluations: AlertEvaluationRequests;
  receive: ReceiveDelivery;
}

/** One instance as main.ts wires it: pushes mark their evaluation, and each commit asks for a relay. */
async function instance(logger: Logger = silentLogger, slotMs = SLOT_MS): Promise<Instance> {
  const store = await openPostgresStore(database.url);
  const queue = await openPgBossJobQueue(database.url);
  const evaluations = new AlertEvaluationRequests({ queue, logger, slotMs });
  closers.push(async () => {
    await evaluations.stop();
    await queue.close();
    await store.close();
  });
  const receive = deliveryReceiver(store, {
    logger,
    withLiveData: (tx) => evaluations.within(tx),
    onLiveData: () => evaluations.request(),
  });
  return { store, queue, evaluations, receive };
}

const delivery = (id: string) =>
  JSON.stringify({ id, date: "2025-05-01", campaign: "Brand", channel: "google", spend: 120.5, clicks: 3 });

async function query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

const marks = async () =>
  (await query<{ count: number }>("SELECT count(*)::int AS count FROM jobs_due"))[0]?.count;
const evaluationKeys = async () =>
  (
    await query<{ key: string }>(
      `SELECT data->>'key' AS key FROM pgboss.job WHERE data->>'kind' = '${EVALUATE_ALERTS}' ORDER BY 1`,
    )
  ).map((row) => row.key);
const liveRows = async () =>
  (await query<{ external_id: string }>("SELECT external_id FROM live_metrics ORDER BY 1")).map(
    (row) => row.external_id,
  );

/** Runs every job of the queue; counts the alert evaluations. */
function countingWorker(queue: JobQueue) {
  const ran: string[] = [];
  const worker = new JobWorker({
    queue,
    logger: silentLogger,
    pollMs: 50,
    handle: withAlertEvaluations(
      async (job) => {
        throw new Error(`unexpected job ${job.kind}`);
      },
      async () => {
        ran.push("evaluated");
      },
    ),
  });
  closers.push(async () => {
    await worker.drain(5_000);
  });
  return { worker, ran };
}

describe("alert evaluations marked with the pushed rows (PostgreSQL)", () => {
  it("evaluates rows once after a kill -9 between their commit and the relay", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "test/jobs/push-without-relay.ts")],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATABASE_URL: database.url, DELIVERY: delivery("row-1") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const stored = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", resolve);
      void exited.then(() => reject(new Error(`the pushing process ended first:\n${stderr}`)));
    });
    expect(stored).toBe("stored 200");
    child.kill("SIGKILL");
    await exited;
    expect(await liveRows()).toEqual(["row-1"]);
    expect(await marks()).toBe(1);
    expect(await evaluationKeys()).toEqual([]);

    // The restart relays what the dead process left, then runs its evaluation once.
    const restarted = await instance();
    await restarted.evaluations.start();
    expect(await marks()).toBe(0);
    expect(await evaluationKeys()).toHaveLength(1);
    const { worker, ran } = countingWorker(restarted.queue);
    await worker.start();
    await until(async () => ran.length > 0 && (await restarted.queue.backlog()).waiting === 0);
    await restarted.evaluations.relay();
    expect(await evaluationKeys()).toHaveLength(1);
    expect(ran).toEqual(["evaluated"]);
  }, 60_000);

  it("relays at start the marks a killed process left: the app as its own process", async () => {
    const first = await instance();
    expect(
      await first.store.transaction(async (tx) => {
        await tx.saveLiveBatch({
          source: "n8n",
          records: [{ kind: "metrics", externalId: "row-1", date: "2025-05-01", spend: 1 }],
        });
        await first.evaluations.within(tx);
        return "stored";
      }),
    ).toBe("stored");
    expect(await marks()).toBe(1);
    const emulator = await startEmulator();
    closers.push(() => emulator.close());
    const app = await startAppProcess(emulator, { port: await freePort(), databaseUrl: database.url });
    closers.push(async () => {
      app.child.kill("SIGTERM");
      await app.exited;
    });
    expect(await marks()).toBe(0);
    expect(await evaluationKeys()).toHaveLength(1);
  }, 60_000);

  it("makes one evaluation per slot when two instances take pushes and relay at once", async () => {
    const [one, two] = [await instance(), await instance()];
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, index) =>
        (index % 2 === 0 ? one : two).receive({ body: Buffer.from(delivery(`row-${index}`)) }),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    await Promise.all([one.evaluations.relay(), two.evaluations.relay()]);
    expect(await liveRows()).toHaveLength(120);
    expect(await marks()).toBe(0);
    const keys = await evaluationKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);

    // Both instances' workers share the jobs; each slot is evaluated once.
    const workers = [countingWorker(one.queue), countingWorker(two.queue)];
    for (const { worker } of workers) await worker.start();
    await until(async () => workers.flatMap(({ ran }) => ran).length >= keys.length);
    await until(async () => (await one.queue.backlog()).waiting === 0);
    expect(workers.flatMap(({ ran }) => ran)).toHaveLength(keys.length);
  }, 60_000);

  it("deletes later marks of a slot whose job is written, adding no job", async () => {
    // A slot of a minute: the pushes below all fall in the first one's.
    const { receive, evaluations } = await instance(silentLogger, 60_000);
    const before = Math.floor(Date.now() / 60_000);
    for (let push = 1; push <= 3; push++) {
      expect((await receive({ body: Buffer.from(delivery(`row-${push}`)) })).status).toBe(200);
      await evaluations.relay();
      expect(await marks()).toBe(0);
    }
    const keys = await evaluationKeys();
    expect(keys).toHaveLength(1);
    const slot = Number(keys[0]?.split(":")[1]);
    expect(slot).toBeGreaterThanOrEqual(before);
    expect(slot).toBeLessThanOrEqual(Math.floor(Date.now() / 60_000));
  });

  it("never holds up another instance's push: a push not yet committed holds its mark only", async () => {
    const { receive } = await instance();
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    closers.push(() => other.end());
    await other.query("BEGIN");
    await other.query("INSERT INTO jobs_due (kind, marked_at) VALUES ($1, 0)", [EVALUATE_ALERTS]);
    // Were marks keyed by slot, this push would wait for the open transaction to end.
    const answer = await receive({ body: Buffer.from(delivery("row-1")) });
    expect(answer.status).toBe(200);
    await other.query("COMMIT");
  });

  it("stores nothing when the mark cannot be written: the delivery fails, for the sender to retry", async () => {
    const { receive } = await instance();
    await query(`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no room'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_marks BEFORE INSERT ON jobs_due FOR EACH ROW EXECUTE FUNCTION refuse()`);
    await expect(receive({ body: Buffer.from(delivery("row-1")) })).rejects.toThrow("no room");
    expect(await liveRows()).toEqual([]);
    await query("DROP TRIGGER refuse_marks ON jobs_due");
    expect((await receive({ body: Buffer.from(delivery("row-1")) })).status).toBe(200);
    expect(await liveRows()).toEqual(["row-1"]);
  });

  it("keeps the marks when the job cannot be written, and writes it on the next round", async () => {
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (message) => errors.push(message) };
    const { receive, evaluations } = await instance(logger);
    await query(`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no room'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_keys BEFORE INSERT ON job_keys FOR EACH ROW EXECUTE FUNCTION refuse()`);
    expect((await receive({ body: Buffer.from(delivery("row-1")) })).status).toBe(200);
    await evaluations.relay();
    // The push's own relay and this one (asked for while that ran) both failed.
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(
      new Set(["alerts: could not relay the evaluation of new live data; it is retried shortly"]),
    );
    expect(await marks()).toBe(1);
    expect(await evaluationKeys()).toEqual([]);

    await query("DROP TRIGGER refuse_keys ON job_keys");
    await evaluations.relay();
    expect(await marks()).toBe(0);
    expect(await evaluationKeys()).toHaveLength(1);
  });
});
