import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { METRICS_COLUMNS } from "../../src/store/rows/live-rows.js";
import { checkpointInBackground } from "../../src/store/sqlite/background-checkpoints.js";
import { openMigratedDatabase } from "../../src/store/sqlite/open-migrated-database.js";

/**
 * The least a durable signed webhook can cost on Node, to tell the app's overhead from the platform's: bare
 * node:http, the body read, its HMAC checked as the app checks it, JSON.parse, and one prepared INSERT into
 * the store's own `live_metrics` table (its indexes included) in a transaction of its own, on a file opened
 * with the store's pragmas (WAL, synchronous = NORMAL, foreign keys, background checkpoints:
 * `openSqliteStore`). It answers 200 after the COMMIT, as the app does. No validation, no idempotency, no
 * field budget, no error handling worth the name: measurement code, never a product path.
 */
export async function serveWebhookFloor(databasePath: string, secret: string): Promise<number> {
  const db = openMigratedDatabase(databasePath, ["synchronous = NORMAL", "foreign_keys = ON"]);
  checkpointInBackground(db, databasePath);
  const insert = db.prepare(
    `INSERT INTO live_metrics (${METRICS_COLUMNS.join(", ")}) VALUES (${METRICS_COLUMNS.map(() => "?").join(", ")})
     ON CONFLICT DO NOTHING`,
  );
  const begin = db.prepare("BEGIN");
  const commit = db.prepare("COMMIT");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const signature = Buffer.from(
        String(request.headers["x-mpo-signature"]).slice("sha256=".length),
        "hex",
      );
      const expected = createHmac("sha256", secret)
        .update(`${request.headers["x-mpo-timestamp"]}.`)
        .update(body)
        .digest();
      if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
        response.writeHead(401).end();
        return;
      }
      const record = JSON.parse(body.toString("utf8"));
      begin.run();
      // In METRICS_COLUMNS' order, as the store binds them: the unknown workspace, no currency or extras.
      insert.run(
        null,
        null,
        "webhook",
        record.id,
        record.date,
        record.campaign,
        record.channel,
        record.spend,
        record.impressions,
        record.clicks,
        record.conversions,
        record.revenue,
        null,
        null,
        null,
        Date.now(),
      );
      commit.run();
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}
