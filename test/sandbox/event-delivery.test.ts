import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningApp, SIGNING_SECRET, seedChannel, startBoltApp, startEmulator } from "./helpers.js";

let emulator: SlackEmulator | undefined;
let running: RunningApp | undefined;
let raw: Server | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await new Promise((resolve) => (raw ? raw.close(resolve) : resolve(undefined)));
  raw = undefined;
  await emulator?.close();
  emulator = undefined;
});

interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare HTTP endpoint that records what Slack would send and answers with `status`. */
async function captureRequests(status: number): Promise<{ url: string; requests: Captured[] }> {
  const requests: Captured[] = [];
  raw = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => raw?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/slack/events`, requests };
}

describe("Events API delivery", () => {
  it("sends event_callback envelopes signed with v0 HMAC-SHA256 of the raw body", async () => {
    emulator = await startEmulator();
    const { url, requests } = await captureRequests(200);
    emulator.setRequestUrl(url);
    const { user, channel } = seedChannel(emulator);
    const posted = emulator.postMessage({
      user: user.id,
      channel: channel.id,
      text: `${emulator.botMention} hi`,
    });
    await emulator.idle();
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const timestamp = request.headers["x-slack-request-timestamp"] as string;
      const expected = createHmac("sha256", SIGNING_SECRET)
        .update(`v0:${timestamp}:${request.body}`)
        .digest("hex");
      expect(request.headers["x-slack-signature"]).toBe(`v0=${expected}`);
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["x-slack-retry-num"]).toBeUndefined();
    }
    const envelopes = requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    const mention = envelopes.find((e) => (e.event as { type: string }).type === "app_mention");
    expect(mention).toMatchObject({
      type: "event_callback",
      team_id: emulator.teamId,
      api_app_id: emulator.appId,
      event_id: expect.stringMatching(/^Ev/),
      event_time: expect.any(Number),
      authorizations: [{ team_id: emulator.teamId, user_id: emulator.botUserId, is_bot: true }],
      event: {
        type: "app_mention",
        user: user.id,
        channel: channel.id,
        ts: posted.ts,
        text: `${emulator.botMention} hi`,
      },
    });
  });

  it("retries a failing endpoint three times with X-Slack-Retry-Num and X-Slack-Retry-Reason, same event_id", async () => {
    emulator = await startEmulator({ retryDelaysMs: [0, 0, 0], events: ["app_mention"] });
    const { url, requests } = await captureRequests(500);
    emulator.setRequestUrl(url);
    const { user, channel } = seedChannel(emulator);
    emulator.postMessage({ user: user.id, channel: channel.id, text: `${emulator.botMention} hi` });
    await emulator.idle();
    expect(requests.map((r) => [r.headers["x-slack-retry-num"], r.headers["x-slack-retry-reason"]])).toEqual([
      [undefined, undefined],
      ["1", "http_error"],
      ["2", "http_error"],
      ["3", "http_error"],
    ]);
    expect(new Set(requests.map((r) => (JSON.parse(r.body) as { event_id: string }).event_id)).size).toBe(1);
    expect(emulator.transcript().deliveries.map((d) => [d.attempt, d.status, d.outcome])).toEqual([
      [1, 500, "http_error"],
      [2, 500, "http_error"],
      [3, 500, "http_error"],
      [4, 500, "http_error"],
    ]);
  });

  it("retries with connection_failed when nothing listens at the request URL", async () => {
    emulator = await startEmulator({ retryDelaysMs: [0, 0, 0], events: ["app_mention"] });
    const { url } = await captureRequests(200);
    await new Promise((resolve) => raw?.close(resolve));
    raw = undefined;
    emulator.setRequestUrl(url);
    const { user, channel } = seedChannel(emulator);
    emulator.postMessage({ user: user.id, channel: channel.id, text: `${emulator.botMention} anyone?` });
    await emulator.idle();
    expect(emulator.transcript().deliveries.map((d) => [d.outcome, d.retryReason])).toEqual([
      ["connection_failed", undefined],
      ["connection_failed", "connection_failed"],
      ["connection_failed", "connection_failed"],
      ["connection_failed", "connection_failed"],
    ]);
  });

  it("delivers only subscribed events from conversations the bot is in", async () => {
    emulator = await startEmulator({ events: ["app_mention", "message.im"] });
    const { url, requests } = await captureRequests(200);
    emulator.setRequestUrl(url);
    const { user, channel } = seedChannel(emulator);
    const outside = emulator.createChannel({ name: "random", members: [user.id] });
    emulator.postMessage({ user: user.id, channel: channel.id, text: "no mention" });
    emulator.postMessage({ user: user.id, channel: outside.id, text: `${emulator.botMention} not invited` });
    emulator.postMessage({ user: user.id, channel: emulator.openDm(user.id).id, text: "in the DM" });
    await emulator.idle();
    expect(requests.map((r) => (JSON.parse(r.body) as { event: { text: string } }).event.text)).toEqual([
      "in the DM",
    ]);
    expect(emulator.transcript().events.map((e) => [e.type, e.delivered])).toEqual([
      ["message", false],
      ["message", false],
      ["app_mention", false],
      ["message", true],
    ]);
  });
});

describe("with Bolt's HTTP receiver", () => {
  it("passes url_verification", async () => {
    emulator = await startEmulator();
    running = await startBoltApp(emulator, () => {});
    await expect(emulator.verifyRequestUrl()).resolves.toMatchObject({ ok: true, status: 200 });
  });

  it("is rejected by an app holding a different signing secret", async () => {
    emulator = await startEmulator({ retryDelaysMs: [0, 0, 0], events: ["app_mention"] });
    let handled = 0;
    running = await startBoltApp(
      emulator,
      (app) => {
        app.event("app_mention", async () => {
          handled++;
        });
      },
      { signingSecret: "not-the-emulator-secret" },
    );
    const { user, channel } = seedChannel(emulator);
    emulator.postMessage({ user: user.id, channel: channel.id, text: `${emulator.botMention} hi` });
    await emulator.idle();
    expect(handled).toBe(0);
    const deliveries = emulator.transcript().deliveries;
    expect(deliveries).toHaveLength(4);
    expect(deliveries.every((d) => d.status === 401 && d.outcome === "http_error")).toBe(true);
  });

  it("retries an event the app is too slow to acknowledge, with X-Slack-Retry-Num 1 and the same event_id", async () => {
    emulator = await startEmulator({ ackTimeoutMs: 250, retryDelaysMs: [0, 0, 0], events: ["app_mention"] });
    const seen: { retryNum?: number; retryReason?: string; eventId: string }[] = [];
    let releaseFirst = () => {};
    const firstMayFinish = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    running = await startBoltApp(
      emulator,
      (app) => {
        app.event("app_mention", async ({ body, context }) => {
          seen.push({ retryNum: context.retryNum, retryReason: context.retryReason, eventId: body.event_id });
          // The first delivery holds its acknowledgement until Slack's retry has arrived.
          if (context.retryNum === undefined) await firstMayFinish;
          else releaseFirst();
        });
      },
      { processBeforeResponse: true },
    );
    const { user, channel } = seedChannel(emulator);
    emulator.postMessage({ user: user.id, channel: channel.id, text: `${emulator.botMention} slow` });
    await emulator.idle();
    const eventId = seen[0]?.eventId;
    expect(seen).toEqual([
      { retryNum: undefined, retryReason: undefined, eventId },
      { retryNum: 1, retryReason: "http_timeout", eventId },
    ]);
    expect(emulator.transcript().deliveries.map((d) => [d.id, d.attempt, d.outcome, d.retryReason])).toEqual([
      [eventId, 1, "http_timeout", undefined],
      [eventId, 2, "acked", "http_timeout"],
    ]);
  });
});
