import { createHmac, timingSafeEqual } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { webApi } from "@slack/bolt";
import { Hono } from "hono";

export const WEBHOOK_SECRET = "sandbox-webhook-secret-for-tests";

interface MetricsRecord {
  campaign?: string;
  spend?: number;
  revenue?: number;
}

/**
 * A stand-in for the app's `POST /webhooks/ingest`: it checks the signature exactly as specified
 * (HMAC-SHA256 of `timestamp.body`), then posts an alert for each campaign under ROAS 2.
 */
export async function startDemoWebhook(client: webApi.WebClient, alertChannel: string) {
  const alerted = new Set<string>();
  const app = new Hono();
  app.post("/webhooks/ingest", async (c) => {
    const body = await c.req.text();
    const timestamp = c.req.header("X-MPO-Timestamp") ?? "";
    const expected = `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
    const given = c.req.header("X-MPO-Signature") ?? "";
    if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
      return c.json({ error: "bad signature" }, 401);
    }
    const batch = JSON.parse(body) as { records: MetricsRecord[] };
    for (const record of batch.records) {
      const roas = record.spend ? (record.revenue ?? 0) / record.spend : null;
      if (roas === null || roas >= 2 || !record.campaign || alerted.has(record.campaign)) continue;
      alerted.add(record.campaign);
      await client.chat.postMessage({
        channel: alertChannel,
        text: `ROAS alert: ${record.campaign} at ${roas.toFixed(2)}x`,
        blocks: [
          {
            type: "header",
            text: { type: "plain_text", text: ":rotating_light: ROAS below 2 in the last 24 h", emoji: true },
          },
          {
            type: "section",
            text: {
              type: "mrkdwn",
              text: `*${record.campaign}* is returning *${roas.toFixed(2)}x* on $${record.spend?.toFixed(2)} spend today.\nRule: \`roas < 2 window 24h by campaign\``,
            },
          },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                action_id: "alert_open_thread",
                style: "danger",
                text: { type: "plain_text", text: "Ask the analyst why" },
              },
            ],
          },
        ],
      });
    }
    return c.json({ accepted: batch.records.length, rejected: 0 });
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/ingest`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
