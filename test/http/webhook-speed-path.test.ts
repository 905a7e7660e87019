import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp, type RunningServer, serveHttp, signWebhookBody } from "../../src/http/index.js";
import { type TempStore, tempStore } from "../store/temp-store.js";
import { SECRET } from "./http-harness.js";

/**
 * The webhook's speed-only path answers byte for byte as the Hono path does: the same requests go to a
 * server with the speed path in front and to one with Hono alone (each over its own SQLite file), and the
 * whole answers (status line, headers but Date, body) must match. The speed path must also have served the
 * everyday deliveries itself, and left every other form to Hono before reading a byte of it.
 */
interface Side {
  server: RunningServer;
  temp: TempStore;
  /** Requests the speed path handed to Hono. */
  handedOn: string[];
}

async function startSide(withSpeedPath: boolean): Promise<Side> {
  const temp = tempStore();
  const handedOn: string[] = [];
  const app = createHttpApp({
    store: await temp.open(),
    config: { webhookSecret: SECRET, sandbox: false, corsOrigins: [] },
    insights: async () => "",
    logger: { warn: () => {}, error: () => {} },
    limits: { webhookBytes: 2048 },
  });
  const { frontDoor } = app;
  expect(frontDoor).toBeDefined();
  const server = await serveHttp(
    {
      fetch: app.fetch,
      frontDoor:
        withSpeedPath && frontDoor
          ? (hono) =>
              frontDoor((request, response) => {
                handedOn.push(`${request.method} ${request.url}`);
                return hono(request, response);
              })
          : undefined,
    },
    { port: 0 },
  );
  return { server, temp, handedOn };
}

/** The whole answer to one request sent as written, without its Date header. */
function exchange(port: number, head: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${head}\r\n\r\n${body}`));
    const received: Buffer[] = [];
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", reject);
    socket.on("end", () =>
      resolve(
        Buffer.concat(received)
          .toString("utf8")
          .replace(/\r\nDate: [^\r]*/, ""),
      ),
    );
  });
}

function request(
  path: string,
  headers: string[],
  body: string,
  method = "POST",
): { head: string; body: string } {
  const lines = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close", ...headers];
  if (!headers.some((line) => /^transfer-encoding:/i.test(line))) {
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return { head: lines.join("\r\n"), body };
}

function signedHeaders(body: string, at = Math.floor(Date.now() / 1000)): string[] {
  return [`X-MPO-Timestamp: ${at}`, `X-MPO-Signature: ${signWebhookBody(SECRET, at, body)}`];
}

const RECORD = JSON.stringify({ id: "r-1", date: "2025-05-10", campaign: "Brand", spend: 12.5, clicks: 3 });
const NO_ID = JSON.stringify({ date: "2025-05-10", campaign: "Brand", spend: 1 });
const JSON_TYPE = "Content-Type: application/json";

/** Everyday deliveries, and the refusals the speed path gives itself once it has read a body. */
const SERVED = {
  "a signed record": request("/webhooks/ingest", [JSON_TYPE, ...signedHeaders(RECORD)], RECORD),
  "the same record again (a duplicate)": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders(RECORD)],
    RECORD,
  ),
  "a corrected record": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders(RECORD.replace("12.5", "13"))],
    RECORD.replace("12.5", "13"),
  ),
  "a bearer token and a +json type": request(
    "/integrations/webhook/ingest-data",
    ["Content-Type: application/vnd.api+json; charset=utf-8", `Authorization: Bearer ${SECRET}`],
    JSON.stringify([{ id: "r-2", date: "2025-05-11", spend: 4 }]),
  ),
  "an Idempotency-Key": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Idempotency-Key: key-1", ...signedHeaders(NO_ID)],
    NO_ID,
  ),
  "the same key replayed": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Idempotency-Key: key-1", ...signedHeaders(NO_ID)],
    NO_ID,
  ),
  "the same key for another body": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Idempotency-Key: key-1", ...signedHeaders(RECORD)],
    RECORD,
  ),
  "a repeated Idempotency-Key header": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Idempotency-Key: a", "Idempotency-Key: b", ...signedHeaders(NO_ID)],
    NO_ID,
  ),
  "a malformed key": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Idempotency-Key: a b", ...signedHeaders(NO_ID)],
    NO_ID,
  ),
  "a signature that does not cover the body": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders(RECORD)],
    RECORD.replace("Brand", "Brant"),
  ),
  "malformed JSON": request("/webhooks/ingest", [JSON_TYPE, ...signedHeaders('{"id": ')], '{"id": '),
  "an empty body": request("/webhooks/ingest", [JSON_TYPE, ...signedHeaders("")], ""),
  "a rejected record beside a good one": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders('[{"date":"2025-13-40"},{"id":"r-3","date":"2025-05-12"}]')],
    '[{"date":"2025-13-40"},{"id":"r-3","date":"2025-05-12"}]',
  ),
};

/** Forms the speed path leaves to Hono, judged from the headers alone. */
const HANDED_ON = {
  "no credentials": request("/webhooks/ingest", [JSON_TYPE], RECORD),
  "a wrong bearer token": request("/webhooks/ingest", [JSON_TYPE, "Authorization: Bearer nope"], RECORD),
  "a stale signature": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders(RECORD, Math.floor(Date.now() / 1000) - 3600)],
    RECORD,
  ),
  "a repeated Authorization header": request(
    "/webhooks/ingest",
    [JSON_TYPE, `Authorization: Bearer ${SECRET}`, "Authorization: Bearer other"],
    RECORD,
  ),
  "a form body": request("/webhooks/ingest", ["Content-Type: text/plain", ...signedHeaders(RECORD)], RECORD),
  "two Content-Types": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Content-Type: text/plain", ...signedHeaders(RECORD)],
    RECORD,
  ),
  "a body over the limit": request(
    "/webhooks/ingest",
    [JSON_TYPE, ...signedHeaders(`[${`${RECORD},`.repeat(40)}${RECORD}]`)],
    `[${`${RECORD},`.repeat(40)}${RECORD}]`,
  ),
  "a chunked body": request(
    "/webhooks/ingest",
    [JSON_TYPE, "Transfer-Encoding: chunked", ...signedHeaders(RECORD)],
    `${Buffer.byteLength(RECORD).toString(16)}\r\n${RECORD}\r\n0\r\n\r\n`,
  ),
  "a query string": request("/webhooks/ingest?debug=1", [JSON_TYPE, ...signedHeaders(RECORD)], RECORD),
  "a trailing slash": request("/webhooks/ingest/", [JSON_TYPE, ...signedHeaders(RECORD)], RECORD),
  "a GET": request("/webhooks/ingest", [], "", "GET"),
};

describe("the webhook's speed-only path", () => {
  let speed: Side;
  let plain: Side;
  beforeAll(async () => {
    [speed, plain] = await Promise.all([startSide(true), startSide(false)]);
  });
  afterAll(async () => {
    for (const side of [speed, plain]) {
      await side?.server.close();
      await side?.temp.remove();
    }
  });

  it("answers every request byte for byte as the Hono path does, in the same order", async () => {
    for (const [name, sent] of Object.entries({ ...SERVED, ...HANDED_ON })) {
      const fast = await exchange(speed.server.port, sent.head, sent.body);
      const slow = await exchange(plain.server.port, sent.head, sent.body);
      expect(fast, name).toBe(slow);
      expect(fast, name).toMatch(/^HTTP\/1\.1 [1-5]\d\d /);
    }
    expect(plain.handedOn).toEqual([]);
  });

  it("is not there when Hono must answer alone: no secret, the sandbox, or CORS", async () => {
    const store = await speed.temp.open();
    const app = (config: { webhookSecret?: string; sandbox: boolean; corsOrigins: string[] }) =>
      createHttpApp({ store, config, insights: async () => "" });
    expect(app({ sandbox: false, corsOrigins: [] }).frontDoor).toBeUndefined();
    expect(app({ webhookSecret: SECRET, sandbox: true, corsOrigins: [] }).frontDoor).toBeUndefined();
    expect(
      app({ webhookSecret: SECRET, sandbox: false, corsOrigins: ["https://a.example"] }).frontDoor,
    ).toBeUndefined();
    expect(app({ webhookSecret: SECRET, sandbox: false, corsOrigins: [] }).frontDoor).toBeDefined();
  });

  it("serves the everyday deliveries itself and hands every other form to Hono", () => {
    const handed = Object.values(HANDED_ON).map((sent) => sent.head.split(" ").slice(0, 2).join(" "));
    expect(speed.handedOn).toEqual(handed);
    expect(speed.handedOn).toHaveLength(Object.keys(HANDED_ON).length);
  });
});
