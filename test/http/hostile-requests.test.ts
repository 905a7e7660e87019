import { connect } from "node:net";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import type { HttpEnv } from "../../src/http/http-env.js";
import { type RunningServer, serveHttp } from "../../src/http/index.js";
import { FieldNameBudget } from "../../src/http/ingest/field-name-budget.js";
import { readyzRoute } from "../../src/http/routes/healthz.js";
import { LATEST_SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { type Api, METRICS_ROW, postJson, READ_TOKEN, SECRET, signed, startApi } from "./http-harness.js";
import { answerBeforeBody } from "./partial-request.js";

let api: Api | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await api?.close();
  await server?.close();
  api = undefined;
  server = undefined;
});

const now = () => Math.floor(Date.now() / 1000);
const FORTY_NINE_MB = 49 * 1024 * 1024;

describe("credentials are judged before a body is read (issue 13, item 1)", () => {
  it("refuses an unauthenticated 49 MB upload as it starts", async () => {
    api = await startApi();
    const headers = { "content-type": "multipart/form-data; boundary=x" };
    const answer = await answerBeforeBody(api.server.port, "/analytics/upload-csv", headers, FORTY_NINE_MB);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error).toMatch(/^no credentials/);
  });

  it("refuses a stale or malformed signature on the webhook before its body arrives", async () => {
    api = await startApi();
    const stale = signed("{}", now() - 3600);
    const late = await answerBeforeBody(api.server.port, "/webhooks/ingest", stale, FORTY_NINE_MB);
    expect(late.status).toBe(401);
    expect(JSON.parse(late.body).error).toMatch(/away from the server's clock/);
    const malformed = { ...signed("{}"), "x-mpo-signature": "sha256=nothex" };
    const bad = await answerBeforeBody(api.server.port, "/webhooks/ingest", malformed, FORTY_NINE_MB);
    expect(bad.status).toBe(401);
  });

  it("refuses a declared length over the limit from a signer before reading it", async () => {
    api = await startApi();
    const answer = await answerBeforeBody(api.server.port, "/webhooks/ingest", signed("{}"), FORTY_NINE_MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toBe(
      "the body is larger than 5 MB: send fewer records per request",
    );
  });
});

describe("a signed delivery cannot be replayed (issue 13, item 12)", () => {
  it("stores records without ids once when the same signed request comes again", async () => {
    api = await startApi();
    const body = JSON.stringify({ ...METRICS_ROW, id: undefined });
    const at = now();
    const headers = signed(body, at);
    const first = await postJson(api, "/webhooks/ingest", body, headers);
    const replay = await postJson(api, "/webhooks/ingest", body, headers);
    expect(first.status).toBe(200);
    expect(await replay.text()).toBe(await first.text());
    expect(await api.store.recentEvents(10)).toHaveLength(1);
    const resigned = await postJson(api, "/webhooks/ingest", body, signed(body, at - 1));
    expect(resigned.status).toBe(200);
    expect(await api.store.recentEvents(10)).toHaveLength(2);
  });
});

describe("the live feed (issue 13, item 8)", () => {
  const lead = { kind: "lead", id: "L-1", campaign: "Brand", email: "ana.souza@example.com" };

  it("masks emails unless the reader asks for them", async () => {
    api = await startApi();
    const body = JSON.stringify(lead);
    expect((await postJson(api, "/webhooks/ingest", body)).status).toBe(200);
    const reader = { authorization: `Bearer ${READ_TOKEN}` };
    const masked = await (await fetch(`${api.url}/live`, { headers: reader })).json();
    expect(masked.events[0].email).toBe("a***@example.com");
    expect(JSON.stringify(masked)).not.toContain("souza");
    const full = await (await fetch(`${api.url}/live?emails=full`, { headers: reader })).json();
    expect(full.events[0].email).toBe("ana.souza@example.com");
    const wrong = await fetch(`${api.url}/live?emails=some`, { headers: reader });
    expect(wrong.status).toBe(400);
  });

  it("is off without a read token outside the sandbox, saying what to set", async () => {
    api = await startApi({ liveReadToken: null });
    const response = await fetch(`${api.url}/live`, { headers: { authorization: `Bearer ${SECRET}` } });
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/set LIVE_READ_TOKEN/);
  });

  it("answers the sandbox's local calls without a token", async () => {
    api = await startApi({ liveReadToken: null, sandbox: true });
    expect((await fetch(`${api.url}/live`)).status).toBe(200);
  });
});

describe("readiness reflects storage (issue 13, item 14)", () => {
  it("is ready with an open database and room on its disk", async () => {
    api = await startApi();
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      store: { engine: "sqlite", schemaVersion: LATEST_SCHEMA_VERSION },
    });
  });

  it("reports the job backlog, and is not ready on a schema other than the one it migrates to", async () => {
    api = await startApi({ jobs: { backlog: async () => ({ waiting: 3, oldestAgeMs: 4_200 }) } });
    const ready = await fetch(`${api.url}/readyz`);
    expect((await ready.json()).jobs).toEqual({ waiting: 3, oldestAgeSeconds: 4 });

    const behind = readyzRoute(
      { ping: async () => ({ engine: "postgres", schemaVersion: 1, latestSchemaVersion: 2 }) },
      undefined,
      0,
    );
    const app = new Hono<HttpEnv>().get("/readyz", behind);
    const response = await app.request("/readyz");
    expect(response.status).toBe(503);
    expect((await response.json()).error).toBe(
      "not ready: the postgres database has schema version 1 and this program expects 2; run the newer program or restart this one to migrate",
    );
  });

  it("is not ready when the disk is (as good as) full, and says so", async () => {
    api = await startApi({ limits: { minFreeDiskBytes: Number.MAX_SAFE_INTEGER } });
    const response = await fetch(`${api.url}/readyz`);
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatch(/MB free on the database's disk.*free some space/);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  });

  it("is not ready when the database is closed, without the driver's words", async () => {
    api = await startApi();
    await api.store.close();
    const response = await fetch(`${api.url}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toMatch(/the database is not answering/);
    expect(text).not.toMatch(/connection is not open/);
  });
});

describe("connection limits and timeouts (issue 13, item 9)", () => {
  const hello = new Hono().get("/", (c) => c.text("hello"));

  it("closes a connection that never finishes its headers", async () => {
    server = await serveHttp(hello, { port: 0, headersTimeoutMs: 200 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server?.port ?? 0, "127.0.0.1", () =>
        socket.write("GET / HTTP/1.1\r\nhost: x\r\n"),
      );
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it("closes connections over the cap as they arrive, and serves again once they are gone", async () => {
    server = await serveHttp(hello, { port: 0, maxConnections: 2 });
    const port = server.port;
    const open = () =>
      new Promise<ReturnType<typeof connect>>((resolve) => {
        const socket = connect(port, "127.0.0.1", () => resolve(socket));
      });
    const held = [await open(), await open()];
    const third = await open();
    await new Promise((resolve) => third.once("close", resolve));
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("hello");
  });
});

describe("webhook records cannot grow the live facts without end (issue 13, item 4)", () => {
  it("refuses a record with 20,000 dimension keys, saying how many are allowed", async () => {
    api = await startApi();
    const dimensions = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, "v"]));
    const body = JSON.stringify({ ...METRICS_ROW, dimensions });
    const response = await postJson(api, "/webhooks/ingest", body);
    expect(response.status).toBe(422);
    expect((await response.json()).rejected[0].errors).toEqual([
      "dimensions: expected at most 20 keys, got 20000; keep the ones you break results down by",
    ]);
    expect(await api.store.recentEvents(10)).toEqual([]);
  });

  it("keeps each source within 100 dimension names, also after a restart", async () => {
    api = await startApi();
    const send = (id: string, names: string[]) => {
      const body = JSON.stringify({
        source: "crm",
        records: [{ ...METRICS_ROW, id, dimensions: Object.fromEntries(names.map((name) => [name, "x"])) }],
      });
      return postJson(api as Api, "/webhooks/ingest", body);
    };
    for (let batch = 0; batch < 5; batch++) {
      const names = Array.from({ length: 20 }, (_, i) => `d${batch * 20 + i}`);
      expect((await send(`r${batch}`, names)).status).toBe(200);
    }
    const over = await send("r-over", ["d0", "brand_new"]);
    expect(over.status).toBe(422);
    expect((await over.json()).rejected[0].errors[0]).toMatch(
      /^dimension: source "crm" already uses 100 dimension names, and 100 is the most one source may use; reuse its names \(new here: brand_new\)/,
    );
    expect((await send("r-known", ["d0", "d99"])).status).toBe(200);
    // A restarted process knows the source's names from what is stored.
    const afterRestart = new FieldNameBudget();
    const row = { kind: "metrics", date: "2025-05-01", dimensions: { brand_new: "x" } } as const;
    expect(await afterRestart.admit(api.store, "crm", row)).toMatch(/already uses 100 dimension names/);
    expect(await afterRestart.admit(api.store, "other-source", row)).toBeNull();
  });
});
