import { readFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { liveBatch } from "@mpo/slack-sandbox/ui";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { signWebhookBody } from "../../src/http/index.js";
import { seedChannel, startEmulator } from "../sandbox/helpers.js";
import { type AppProcess, freePort, SUBSCRIBED_EVENTS, startAppProcess } from "./app-process.js";
import { postgresDatabase, type TempDatabase } from "./temp-postgres.js";

/**
 * Issue 17, item 2: two instances of the app (real processes) on one PostgreSQL database, with Slack's
 * events spread over both by a round-robin balancer on loopback, as a load balancer in front of a
 * deployment spreads them. 200 mentions, 20 uploads and a stream of live pushes to both: every question
 * and upload is answered exactly once, and each alert rule and key is posted once.
 */
const SAMPLE = readFileSync(join(import.meta.dirname, "../../samples/google-ads-campaign-totals.csv"));
const WEBHOOK_SECRET = "crash-test-webhook-secret-0123456789";

const apps: AppProcess[] = [];
let emulator: SlackEmulator | undefined;
let database: TempDatabase | undefined;
let balancer: Server | undefined;
afterAll(async () => {
  for (const app of apps) {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill("SIGKILL");
    await app.exited;
  }
  await new Promise((resolve) => (balancer ? balancer.close(resolve) : resolve(undefined)));
  await emulator?.close();
  await database?.remove();
});

/** Forwards each request to the next port in turn, and counts what each got. */
async function roundRobin(ports: readonly number[]): Promise<{ url: string; served: number[] }> {
  const served = ports.map(() => 0);
  let next = 0;
  balancer = createServer((incoming, outgoing) => {
    const index = next++ % ports.length;
    served[index] = (served[index] ?? 0) + 1;
    const upstream = request(
      {
        host: "127.0.0.1",
        port: ports[index],
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => balancer?.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/slack/events`, served };
}

/** A wait that, when it fails, says what the instances logged. */
async function withLogs<T>(wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    const logs = apps.map((app, index) => `instance ${index + 1}:\n${app.log().slice(-4_000)}`).join("\n");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`);
  }
}

function pushLive(port: number, hours: number): Promise<Response> {
  const body = JSON.stringify(liveBatch(new Date().toISOString().slice(0, 10), hours, "two-instances"));
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`http://127.0.0.1:${port}/webhooks/ingest`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-mpo-timestamp": timestamp,
      "x-mpo-signature": signWebhookBody(WEBHOOK_SECRET, timestamp, body),
    },
  });
}

describe("two instances on one PostgreSQL (issue 17, item 2)", () => {
  it("answers 200 mentions and 20 uploads once each, and posts each alert once, with events spread over both", async () => {
    database = await postgresDatabase();
    const slack = await startEmulator({
      retryDelaysMs: [0, 500, 1_000],
      events: SUBSCRIBED_EVENTS,
      ackTimeoutMs: 30_000,
    });
    emulator = slack;
    const ports = [await freePort(), await freePort()];
    // The first start migrates; the second then finds the schema current.
    for (const port of ports) apps.push(await startAppProcess(slack, { port, databaseUrl: database.url }));
    const spread = await roundRobin(ports);
    slack.setRequestUrl(spread.url);

    const { user, channel } = seedChannel(slack);
    const first = slack.uploadFile({
      user: user.id,
      channel: channel.id,
      filename: "google-ads.csv",
      content: SAMPLE,
    });
    await withLogs(
      slack.waitForMessage(
        { channel: channel.id, threadTs: first.ts, fromBot: true, text: /Analysis of/ },
        { timeoutMs: 120_000 },
      ),
    );
    await slack.runSlashCommand({
      user: user.id,
      channel: channel.id,
      command: "/alert",
      text: "add roas < 2.3 window 1d by channel",
    });

    const questions = Array.from(
      { length: 200 },
      () =>
        slack.postMessage({
          user: user.id,
          channel: channel.id,
          text: `${slack.botMention} what was the total spend?`,
        }).ts,
    );
    const uploads = Array.from(
      { length: 20 },
      (_, index) =>
        slack.uploadFile({
          user: user.id,
          channel: channel.id,
          filename: `google-ads-${index}.csv`,
          content: SAMPLE,
        }).ts,
    );
    const pushes = await Promise.all(
      Array.from({ length: 60 }, (_, index) => pushLive(ports[index % 2] as number, 1 + (index % 24))),
    );
    const refused = await Promise.all(
      pushes.filter((response) => response.status >= 300).map((response) => response.text()),
    );
    await withLogs(refused.length === 0 ? Promise.resolve() : Promise.reject(new Error(refused.join("\n"))));

    const replies = (threadTs: string) => slack.messages({ channel: channel.id, threadTs, fromBot: true });
    await withLogs(
      slack.waitFor(
        () =>
          questions.every((ts) => replies(ts).some((reply) => /Spend/.test(reply.text))) &&
          uploads.every((ts) => replies(ts).some((reply) => /Analysis of/.test(reply.text))),
        { timeoutMs: 300_000 },
      ),
    );
    await withLogs(
      slack.waitForMessage({ channel: channel.id, fromBot: true, text: /^Alert/ }, { timeoutMs: 60_000 }),
    );

    expect(questions.map((ts) => replies(ts).length).filter((count) => count !== 1)).toEqual([]);
    expect(
      uploads
        .map((ts) => replies(ts).filter((reply) => /Analysis of/.test(reply.text)).length)
        .filter((count) => count !== 1),
    ).toEqual([]);
    // Both instances took Slack's events.
    expect(spread.served.every((count) => count > 50)).toBe(true);

    // Let any evaluation still due run, then count: one alert per rule and key, each posted once.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const alerts = await client.query<{ rule_id: string; key: string; count: number; posted: number }>(
      "SELECT rule_id, key, count(*)::int AS count, count(message_ts)::int AS posted FROM alerts GROUP BY rule_id, key",
    );
    await client.end();
    expect(alerts.rows.length).toBeGreaterThan(0);
    expect(alerts.rows.filter((row) => row.count !== 1 || row.posted !== 1)).toEqual([]);
    const alertMessages = slack
      .messages({ channel: channel.id, fromBot: true })
      .filter((message) => /^Alert/.test(message.text) && (message.threadTs ?? message.ts) === message.ts);
    expect(alertMessages).toHaveLength(alerts.rows.length);
  }, 600_000);
});
