import { request } from "node:http";
import { slackSignature } from "@mpo/slack-sandbox/emulator";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, serveHttp } from "../../src/http/index.js";
import type { Logger } from "../../src/log/logger.js";
import { HonoReceiver } from "../../src/slack/hono-receiver.js";
import { slackEventsRoute } from "../../src/slack/slack-events-route.js";
import { answerBeforeBody } from "./partial-request.js";

const SIGNING_SECRET = "slack-signing-secret-for-tests";
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveEvents() {
  const warnings: string[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (message) => warnings.push(message),
    error() {},
  };
  const receiver = new HonoReceiver({ signingSecret: SIGNING_SECRET, logger });
  const app = new Hono();
  app.post("/slack/events", ...slackEventsRoute(() => receiver));
  server = await serveHttp(app, { port: 0 });
  return { port: server.port, url: `${server.url}/slack/events`, warnings };
}

const now = () => Math.floor(Date.now() / 1000);

function slackHeaders(body: string, at = now()) {
  return {
    "content-type": "application/json",
    "x-slack-request-timestamp": String(at),
    "x-slack-signature": slackSignature(SIGNING_SECRET, at, body),
  };
}

const CHALLENGE = JSON.stringify({ type: "url_verification", challenge: "c-123" });

describe("POST /slack/events against hostile requests", () => {
  it("answers Slack's signed url_verification", async () => {
    const { url } = await serveEvents();
    const response = await fetch(url, { method: "POST", headers: slackHeaders(CHALLENGE), body: CHALLENGE });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "c-123" });
  });

  it("refuses an unsigned 400 MB body before reading it (issue 13, item 1)", async () => {
    const { port } = await serveEvents();
    const answer = await answerBeforeBody(
      port,
      "/slack/events",
      { "content-type": "application/json" },
      400e6,
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toMatch(/only Slack's signed requests/);
  });

  it("refuses a declared length over 1 MB even with signature headers of the right shape", async () => {
    const { port } = await serveEvents();
    const answer = await answerBeforeBody(port, "/slack/events", slackHeaders("anything"), 400e6);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/larger than 1 MB/);
  });

  it("counts the bytes of a chunked body and refuses it past 1 MB", async () => {
    const { url } = await serveEvents();
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(url, { method: "POST", headers: slackHeaders("x") }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on("error", reject);
      // No Content-Length: Node sends the body chunked.
      for (let chunk = 0; chunk < 40; chunk++) outgoing.write("x".repeat(64 * 1024));
      outgoing.end();
    });
    expect(status).toBe(413);
  });

  it("refuses a correctly signed request dated in the future beyond a minute (issue 13, item 11)", async () => {
    const { url } = await serveEvents();
    const ahead = now() + 10 * 60;
    const response = await fetch(url, {
      method: "POST",
      headers: slackHeaders(CHALLENGE, ahead),
      body: CHALLENGE,
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/in the future: check the sender's clock/);
    const slightlyAhead = await fetch(url, {
      method: "POST",
      headers: slackHeaders(CHALLENGE, now() + 20),
      body: CHALLENGE,
    });
    expect(slightlyAhead.status).toBe(200);
  });

  it("writes a few warning lines for a flood of bad signatures, not one per request (issue 13, item 13)", async () => {
    const { url, warnings } = await serveEvents();
    for (let i = 0; i < 60; i++) {
      const headers = { ...slackHeaders(CHALLENGE), "x-slack-signature": `v0=${"0".repeat(64)}` };
      const response = await fetch(url, { method: "POST", headers, body: CHALLENGE });
      expect(response.status).toBe(401);
    }
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(10);
  });
});
