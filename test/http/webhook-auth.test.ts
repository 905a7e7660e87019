import { afterEach, describe, expect, it } from "vitest";
import { type Api, METRICS_ROW, postJson, READ_TOKEN, SECRET, signed, startApi } from "./http-harness.js";

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const BODY = JSON.stringify(METRICS_ROW);
const now = () => Math.floor(Date.now() / 1000);

async function refused(response: Response, status: number, reason: RegExp, store = api?.store) {
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(JSON.parse(text).error).toMatch(reason);
  expect(text).not.toContain(SECRET);
  expect(await store?.recentEvents(10)).toEqual([]);
}

describe("webhook authentication", () => {
  it("accepts a body signed with the secret and the current time", async () => {
    api = await startApi();
    const response = await postJson(api, "/webhooks/ingest", BODY);
    expect(response.status).toBe(200);
    expect(await api.store.recentEvents(10)).toHaveLength(1);
  });

  it("accepts the secret as a bearer token, on the alias path too", async () => {
    api = await startApi();
    const response = await postJson(api, "/integrations/webhook/ingest-data", BODY, {
      "content-type": "application/json",
      authorization: `Bearer ${SECRET}`,
    });
    expect(response.status).toBe(200);
    expect(await api.store.recentEvents(10)).toHaveLength(1);
  });

  it("refuses a request without credentials, and stores nothing", async () => {
    api = await startApi();
    const response = await postJson(api, "/webhooks/ingest", BODY, { "content-type": "application/json" });
    await refused(response, 401, /no credentials: sign the body/);
  });

  it("refuses a wrong signature, and a signature of another body", async () => {
    api = await startApi();
    const wrongSecret = signed(BODY, now(), "not-the-secret");
    await refused(await postJson(api, "/webhooks/ingest", BODY, wrongSecret), 401, /does not match the body/);
    const otherBody = signed(JSON.stringify({ ...METRICS_ROW, spend: 1 }));
    await refused(await postJson(api, "/webhooks/ingest", BODY, otherBody), 401, /does not match the body/);
  });

  it("refuses a replay outside the 5-minute window, in the past or the future", async () => {
    api = await startApi();
    const stale = signed(BODY, now() - 301);
    await refused(await postJson(api, "/webhooks/ingest", BODY, stale), 401, /away from the server's clock/);
    const future = signed(BODY, now() + 400);
    await refused(await postJson(api, "/webhooks/ingest", BODY, future), 401, /within 5 minutes/);
  });

  it("refuses a malformed signature header or a missing timestamp", async () => {
    api = await startApi();
    const good = signed(BODY);
    const malformed = { ...good, "x-mpo-signature": "md5=abc" };
    await refused(await postJson(api, "/webhooks/ingest", BODY, malformed), 401, /sha256=<64 hex digits>/);
    const { "x-mpo-timestamp": _, ...untimed } = good;
    await refused(await postJson(api, "/webhooks/ingest", BODY, untimed), 401, /needs X-MPO-Timestamp/);
  });

  it("refuses a wrong bearer token and a malformed Authorization header", async () => {
    api = await startApi();
    const wrong = { "content-type": "application/json", authorization: "Bearer guess" };
    await refused(await postJson(api, "/webhooks/ingest", BODY, wrong), 401, /not the webhook secret/);
    const basic = { "content-type": "application/json", authorization: `Basic ${SECRET}` };
    await refused(await postJson(api, "/webhooks/ingest", BODY, basic), 401, /Bearer <WEBHOOK_SECRET>/);
  });

  it("without WEBHOOK_SECRET refuses everything with 503 saying what to set", async () => {
    api = await startApi({ secret: null });
    const response = await postJson(api, "/webhooks/ingest", BODY, { "content-type": "application/json" });
    await refused(response, 503, /set WEBHOOK_SECRET/);
  });

  it("without WEBHOOK_SECRET but with the sandbox running, accepts unsigned calls from this machine", async () => {
    api = await startApi({ secret: null, sandbox: true });
    const response = await postJson(api, "/webhooks/ingest", BODY, { "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect(await api.store.recentEvents(10)).toHaveLength(1);
  });

  it("with a secret, the sandbox still requires it", async () => {
    api = await startApi({ sandbox: true });
    const response = await postJson(api, "/webhooks/ingest", BODY, { "content-type": "application/json" });
    await refused(response, 401, /no credentials/);
  });

  it("guards the REST API the same way, and the live feed with its own read token", async () => {
    api = await startApi();
    const insights = await postJson(api, "/ai/generate-insights", '{"totals":{"spend":1}}', {
      "content-type": "application/json",
    });
    await refused(insights, 401, /no credentials/);
    const form = new FormData();
    form.set("file", new Blob(["campaign,spend\nA,1\n"]), "a.csv");
    await refused(
      await fetch(`${api.url}/analytics/upload-csv`, { method: "POST", body: form }),
      401,
      /no credentials/,
    );
    await refused(await fetch(`${api.url}/live`), 401, /no credentials/);
    const writer = await fetch(`${api.url}/live`, { headers: { authorization: `Bearer ${SECRET}` } });
    await refused(writer, 401, /not the live feed's read token/);
    const live = await fetch(`${api.url}/live`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
    expect(live.status).toBe(200);
  });
});
