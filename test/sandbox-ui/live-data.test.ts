import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { liveBatch, webhookLiveData, webhookSignatureHeaders } from "@mpo/slack-sandbox/ui";
import { describe, expect, it } from "vitest";

describe("simulated live data", () => {
  it("signs timestamp.body with HMAC-SHA256 as the webhook expects", () => {
    const headers = webhookSignatureHeaders("s3cret", '{"a":1}', new Date("2025-10-01T09:00:00Z"));
    expect(headers["X-MPO-Timestamp"]).toBe("1759309200");
    const expected = createHmac("sha256", "s3cret").update('1759309200.{"a":1}').digest("hex");
    expect(headers["X-MPO-Signature"]).toBe(`sha256=${expected}`);
  });

  it("builds a day of figures in which only retargeting falls under ROAS 2", () => {
    const batch = liveBatch("2025-10-01", 9);
    expect(batch.records).toHaveLength(4);
    const roas = Object.fromEntries(batch.records.map((r) => [r.campaign, r.revenue / r.spend]));
    expect(roas["Retargeting - Cart abandoners"]).toBeLessThan(2);
    expect(Object.values(roas).filter((value) => value < 2)).toHaveLength(1);
    expect(new Set(batch.records.map((r) => r.id)).size).toBe(4);
    // A later push of the same day keeps the ids, so the webhook replaces the figures.
    expect(liveBatch("2025-10-01", 12).records.map((r) => r.id)).toEqual(batch.records.map((r) => r.id));
  });

  it("POSTs the signed batch and reports the webhook's answer", async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ accepted: 4, rejected: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.address() as AddressInfo;
    const send = webhookLiveData({
      url: `http://127.0.0.1:${port}/webhooks/ingest`,
      secret: "s3cret",
      now: () => new Date("2025-10-01T09:00:00Z"),
    });
    const result = await send();
    server.close();
    expect(result).toEqual({
      ok: true,
      summary: "Sent 4 rows (today up to hour 9) to the webhook: 4 accepted.",
    });
    const [request] = received;
    const timestamp = String(request?.headers["x-mpo-timestamp"]);
    const digest = createHmac("sha256", "s3cret").update(`${timestamp}.${request?.body}`).digest("hex");
    expect(request?.headers["x-mpo-signature"]).toBe(`sha256=${digest}`);
    const sent = JSON.parse(request?.body ?? "{}") as { source: string; records: { date: string }[] };
    expect(sent.source).toBe("sandbox");
    expect(sent.records.map((record) => record.date)).toEqual(Array(4).fill("2025-10-01"));
  });

  it("says so when the webhook cannot be reached", async () => {
    const send = webhookLiveData({ url: "http://127.0.0.1:9/webhooks/ingest", secret: "x" });
    const result = await send();
    expect(result.ok).toBe(false);
    expect(result.summary).toContain("could not be reached");
  });
});
