import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, type RunningServer, serveHttp } from "../../src/http/index.js";
import type { Store } from "../../src/store/index.js";
import { type TempStore, tempStore } from "../store/temp-store.js";
import { METRICS_ROW, SECRET, signed } from "./http-harness.js";
import { type RawAnswer, type RawRequest, rawExchange } from "./raw-exchange.js";

/**
 * The webhook's Node fast path must answer exactly as the Hono route does. Every request here goes to two
 * servers of the same app over two fresh stores: one with the fast path in front, one with Hono alone.
 */

interface Served {
  server: RunningServer;
  store: Store;
  /** Whether the fast path served each request (empty for Hono alone). */
  taken: boolean[];
  errors: unknown[][];
}

const temps: TempStore[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const temp of temps.splice(0)) temp.remove();
});

const LIMIT = 64 * 1024;

async function serve(fast: boolean, breakStore = false): Promise<Served> {
  const temp = tempStore();
  temps.push(temp);
  const opened = temp.open();
  const store: Store = breakStore
    ? {
        ...opened,
        saveLiveBatch: () => {
          throw new Error("disk I/O error");
        },
      }
    : opened;
  const errors: unknown[][] = [];
  const app = createHttpApp({
    store,
    config: { webhookSecret: SECRET, sandbox: false, corsOrigins: [] },
    insights: async () => "",
    logger: { warn: () => {}, error: (...args: unknown[]) => errors.push(args) },
    limits: { webhookBytes: LIMIT },
  });
  const taken: boolean[] = [];
  const fastPath = app.nodeFastPath;
  if (!fastPath) throw new Error("a signed app without CORS has a fast path");
  const server = await serveHttp(
    fast
      ? {
          fetch: app.fetch,
          nodeFastPath: (request, response) => {
            const took = fastPath(request, response);
            taken.push(took);
            return took;
          },
        }
      : { fetch: app.fetch },
    { port: 0 },
  );
  servers.push(server);
  return { server, store, taken, errors };
}

async function both(requests: RawRequest[], breakStore = false) {
  const fast = await serve(true, breakStore);
  const hono = await serve(false, breakStore);
  const answers: { fast: RawAnswer; hono: RawAnswer }[] = [];
  for (const request of requests) {
    answers.push({
      fast: await rawExchange(fast.server.port, request),
      hono: await rawExchange(hono.server.port, request),
    });
  }
  return { answers, fast, hono };
}

const JSON_HEADER: [string, string] = ["content-type", "application/json"];
const BEARER: [string, string] = ["authorization", `Bearer ${SECRET}`];

function signedRequest(body: string | Buffer, extra: [string, string][] = [], at?: number): RawRequest {
  const headers = Object.entries(signed(body, at)).filter(([name]) => name !== "content-type");
  return { path: "/webhooks/ingest", headers: [JSON_HEADER, ...headers, ...extra], body };
}

const row = (overrides: Record<string, unknown> = {}) => JSON.stringify({ ...METRICS_ROW, ...overrides });
const now = () => Math.floor(Date.now() / 1000);

/** The skew in a stale-timestamp answer may differ by a second between the two servers. */
const steady = (answer: RawAnswer) => ({
  ...answer,
  body: answer.body.replace(/is \d+ s away/, "is N s away"),
});

describe("the webhook's Node fast path", () => {
  it("serves everyday deliveries and every refusal after the body exactly as Hono does", async () => {
    const batch = JSON.stringify({
      source: "n8n",
      records: [METRICS_ROW, { ...METRICS_ROW, id: "row-2", spend: "12,50" }, { kind: "lead", id: "l-1" }],
    });
    const cases: [string, RawRequest, number][] = [
      ["a signed record", signedRequest(row()), 200],
      ["the same record again (a duplicate)", signedRequest(row()), 200],
      ["a correction", signedRequest(row({ spend: 99 })), 200],
      ["a partly bad batch", signedRequest(batch), 200],
      [
        "a bearer token on the alias path",
        { path: "/integrations/webhook/ingest-data", headers: [JSON_HEADER, BEARER], body: row({ id: "b" }) },
        200,
      ],
      [
        "a +json media type",
        {
          path: "/webhooks/ingest",
          headers: [["content-type", "application/vnd.mpo+json"], BEARER],
          body: row({ id: "c" }),
        },
        200,
      ],
      [
        "a charset parameter",
        {
          path: "/webhooks/ingest",
          headers: [["content-type", "application/json; charset=utf-8"], BEARER],
          body: row({ id: "d" }),
        },
        200,
      ],
      ["no credentials", { path: "/webhooks/ingest", headers: [JSON_HEADER], body: row() }, 401],
      [
        "a wrong bearer token",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, ["authorization", "Bearer guess"]], body: row() },
        401,
      ],
      ["a signature of another body", { ...signedRequest(row({ spend: 1 })), body: row() }, 401],
      ["a stale timestamp", signedRequest(row(), [], now() - 3600), 401],
      ["a timestamp from the future", signedRequest(row(), [], now() + 3600), 401],
      [
        "a malformed signature",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, ["x-mpo-signature", "md5=abc"]], body: row() },
        401,
      ],
      ["malformed JSON", signedRequest('{"date": "2025-05-01",, }'), 400],
      ["an empty body", signedRequest(""), 400],
      ["a body that is not UTF-8", signedRequest(Buffer.from([0x7b, 0xff, 0x7d])), 400],
      ["wrong types", signedRequest(row({ id: "t", spend: "lots", date: "May 1st" })), 422],
      ["an envelope that is not one", signedRequest(JSON.stringify({ records: "all" })), 422],
      [
        "an Idempotency-Key, first time",
        signedRequest(row({ id: "k" }), [["idempotency-key", "key-1"]]),
        200,
      ],
      ["an Idempotency-Key, retried", signedRequest(row({ id: "k" }), [["idempotency-key", "key-1"]]), 200],
      [
        "an Idempotency-Key reused for another body",
        signedRequest(row({ id: "k2" }), [["idempotency-key", "key-1"]]),
        422,
      ],
      ["an unusable Idempotency-Key", signedRequest(row(), [["idempotency-key", "x".repeat(300)]]), 400],
    ];
    const { answers, fast } = await both(cases.map(([, request]) => request));
    cases.forEach(([name, , status], index) => {
      const answer = answers[index] as { fast: RawAnswer; hono: RawAnswer };
      expect(steady(answer.fast), name).toEqual(steady(answer.hono));
      expect(answer.fast.status, name).toBe(status);
    });
    expect(fast.taken).toEqual(cases.map(() => true));
    expect(answers[1]?.fast.body).toContain('"duplicates":1');
    expect(answers[2]?.fast.body).toContain('"updated":1');
    expect(answers[19]?.fast.body).toBe(answers[18]?.fast.body);
    expect(fast.store.recentEvents(100)).toHaveLength(7);
  });

  it("leaves to Hono what it does not serve, and Hono answers it as before", async () => {
    const big = row({ campaign: "x".repeat(LIMIT) });
    const cases: [string, RawRequest, number][] = [
      [
        "a declared length over the limit",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, BEARER], body: big },
        413,
      ],
      [
        "a chunked body over the limit",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, BEARER], body: big, chunked: true },
        413,
      ],
      [
        "a chunked body within it",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, BEARER], body: row(), chunked: true },
        200,
      ],
      [
        "another Content-Type",
        { path: "/webhooks/ingest", headers: [["content-type", "text/plain"], BEARER], body: row() },
        415,
      ],
      ["no Content-Type", { path: "/webhooks/ingest", headers: [BEARER], body: row() }, 415],
      [
        "a query string",
        { path: "/webhooks/ingest?from=n8n", headers: [JSON_HEADER, BEARER], body: row({ id: "q" }) },
        200,
      ],
      [
        "a repeated Content-Type",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, JSON_HEADER, BEARER], body: row() },
        415,
      ],
      [
        "a repeated Authorization",
        { path: "/webhooks/ingest", headers: [JSON_HEADER, BEARER, BEARER], body: row() },
        401,
      ],
      ["another method", { method: "GET", path: "/webhooks/ingest", headers: [BEARER] }, 404],
      ["another path", { path: "/webhooks/ingest/", headers: [JSON_HEADER, BEARER], body: row() }, 404],
    ];
    const { answers, fast } = await both(cases.map(([, request]) => request));
    cases.forEach(([name, , status], index) => {
      const answer = answers[index] as { fast: RawAnswer; hono: RawAnswer };
      expect(answer.fast, name).toEqual(answer.hono);
      expect(answer.fast.status, name).toBe(status);
    });
    expect(fast.taken).toEqual(cases.map(() => false));
    expect(fast.store.recentEvents(100)).toHaveLength(2);
  });

  it("answers 500 as Hono does when the store fails, logging the route and the reason only", async () => {
    const { answers, fast, hono } = await both([signedRequest(row())], true);
    expect(answers[0]?.fast).toEqual(answers[0]?.hono);
    expect(answers[0]?.fast.status).toBe(500);
    expect(JSON.parse(answers[0]?.fast.body ?? "")).toEqual({
      error: "internal error: nothing was stored; retry the request",
    });
    expect(fast.errors).toEqual(hono.errors);
    expect(fast.errors).toEqual([["POST /webhooks/ingest failed", "disk I/O error"]]);
  });

  it("is left out where Hono has work of its own on every webhook request: CORS, or no secret", () => {
    const temp = tempStore();
    temps.push(temp);
    const store = temp.open();
    const app = (config: { webhookSecret?: string; sandbox: boolean; corsOrigins: string[] }) =>
      createHttpApp({ store, config, insights: async () => "" });
    expect(app({ webhookSecret: SECRET, sandbox: false, corsOrigins: [] }).nodeFastPath).not.toBeNull();
    expect(app({ webhookSecret: SECRET, sandbox: false, corsOrigins: ["*"] }).nodeFastPath).toBeNull();
    expect(app({ sandbox: true, corsOrigins: [] }).nodeFastPath).toBeNull();
  });

  it("stores nothing from a sender that hangs up mid-body, and goes on serving", async () => {
    const fast = await serve(true);
    const body = row();
    const request = signedRequest(body);
    const head = [
      "POST /webhooks/ingest HTTP/1.1",
      "host: 127.0.0.1",
      ...request.headers.map(([name, value]) => `${name}: ${value}`),
      `content-length: ${body.length}`,
    ].join("\r\n");
    await new Promise<void>((resolve) => {
      const socket = connect(fast.server.port, "127.0.0.1", () => {
        socket.write(`${head}\r\n\r\n${body.slice(0, 20)}`, () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on("close", () => resolve());
    });
    expect((await rawExchange(fast.server.port, signedRequest(row({ id: "after" })))).status).toBe(200);
    expect(fast.taken).toEqual([true, true]);
    expect(fast.store.recentEvents(10).map((item) => item.externalId)).toEqual(["after"]);
    expect(fast.errors).toEqual([]);
  });
});
