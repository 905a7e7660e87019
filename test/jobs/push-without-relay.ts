/**
 * A process that stores one webhook delivery on PostgreSQL as the app does (rows and the mark of their
 * alert evaluation in one transaction), says so on stdout, and then waits to be killed before any relay
 * runs: what a kill -9 between a push's commit and its relay leaves behind.
 */
import { deliveryReceiver } from "../../src/http/ingest/delivery-receiver.js";
import { AlertEvaluationRequests } from "../../src/jobs/alerts/alert-evaluation-jobs.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { silentLogger } from "../../src/log/logger.js";
import { openPostgresStore } from "../../src/store/index.js";

const url = process.env.DATABASE_URL as string;
const store = await openPostgresStore(url);
const queue = await openPgBossJobQueue(url);
const evaluations = new AlertEvaluationRequests({ queue, logger: silentLogger });
const receive = deliveryReceiver(store, {
  logger: silentLogger,
  withLiveData: (tx) => evaluations.within(tx),
});
const answer = await receive({ body: Buffer.from(process.env.DELIVERY as string) });
process.stdout.write(`stored ${answer.status}\n`);
setInterval(() => undefined, 60_000);
