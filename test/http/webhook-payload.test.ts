import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { totals } from "../../src/metrics/index.js";
import { type Api, METRICS_ROW, postJson, SECRET, signed, startApi } from "./http-harness.js";

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function ingest(body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const response = await postJson(api as Api, "/webhooks/ingest", text, { ...signed(text), ...headers });
  return { status: response.status, text: await response.clone().text(), json: await response.json() };
}

const stored = async () => (await (api as Api).store.recentEvents(10_000)).length;

describe("webhook payloads", () => {
  it("stores one metrics row sent as a plain object, with extra fields kept by kind", async () => {
    api = await startApi();
    const answer = await ingest({ ...METRICS_ROW, country: "BR", reach: 900 });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      ok: true,
      source: "webhook",
      accepted: 1,
      stored: 1,
      updated: 0,
      duplicates: 0,
      rejected: [],
    });
    const facts = await api.store.liveFacts();
    expect(totals(facts)).toMatchObject({ spend: 120.5, clicks: 300, roas: 640 / 120.5 });
    expect(facts.dimensions.country?.values).toEqual(["BR"]);
    expect(facts.extraMeasures.reach?.[0]).toBe(900);
  });

  it("stores a batch of metrics rows, leads and orders under its source, numbers sent as text included", async () => {
    api = await startApi();
    const answer = await ingest({
      source: "n8n-meta",
      records: [
        { ...METRICS_ROW, spend: "99.90" },
        {
          kind: "lead",
          id: "L-1",
          timestamp: "2025-05-01T10:00:00Z",
          campaign: "Brand",
          email: "ana@example.com",
        },
        { kind: "order", id: 1001, timestamp: 1746093600, value: 80, currency: "usd", channel: "meta" },
      ],
    });
    expect(answer.json).toMatchObject({ source: "n8n-meta", accepted: 3, stored: 3, rejected: [] });
    const feed = await api.store.recentEvents(10);
    expect(feed.every((item) => item.source === "n8n-meta")).toBe(true);
    expect(feed.find((item) => item.kind === "order")).toMatchObject({
      externalId: "1001",
      currency: "USD",
      occurredAt: "2025-05-01T10:00:00.000Z",
    });
    expect(totals(await api.store.liveFacts()).spend).toBe(99.9);
  });

  it("accepts a bare list of records", async () => {
    api = await startApi();
    const answer = await ingest([METRICS_ROW, { ...METRICS_ROW, id: "row-2" }]);
    expect(answer.json).toMatchObject({ accepted: 2, stored: 2 });
  });

  it("stores the good records of a partly bad batch and says which failed and why", async () => {
    api = await startApi();
    const answer = await ingest({
      records: [
        METRICS_ROW,
        { ...METRICS_ROW, id: "bad-1", spend: "12,50", date: "01/05/2025" },
        { kind: "lead", email: "not-an-email" },
        { kind: "refund" },
        "just text",
        { ...METRICS_ROW, id: "row-2" },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ accepted: 2, stored: 2 });
    expect(answer.json.rejected).toEqual([
      {
        index: 1,
        errors: [
          'date: expected a date as YYYY-MM-DD such as 2025-05-01, got "01/05/2025"',
          'spend: expected a number ≥ 0 such as 12.5 (no currency sign or thousands separator), got "12,50"',
        ],
      },
      { index: 2, errors: ['email: expected an email address such as ana@example.com, got "not-an-email"'] },
      { index: 3, errors: ['kind: expected "metrics" (the default), "lead" or "order", got "refund"'] },
      { index: 4, errors: ['record: expected an object, got "just text"'] },
    ]);
    expect(await stored()).toBe(2);
  });

  it("answers 422 naming each field when nothing in the payload is usable", async () => {
    api = await startApi();
    const answer = await ingest({
      date: "2025-02-30",
      campaign: 42,
      clicks: -3,
      currency: "dollars",
      tags: [1],
    });
    expect(answer.status).toBe(422);
    expect(answer.json.error).toBe("the record was rejected");
    expect(answer.json.rejected[0].errors).toEqual([
      'date: expected a date as YYYY-MM-DD such as 2025-05-01, got "2025-02-30"',
      "campaign: expected text, got 42",
      "clicks: expected a number ≥ 0 such as 12.5 (no currency sign or thousands separator), got -3",
      "currency: expected a 3-letter currency code such as USD, EUR or BRL",
      "tags: an extra field must be text (up to 300 characters) or a number, got a list",
    ]);
    expect(await stored()).toBe(0);
  });

  it("answers 422 for an envelope that is not one", async () => {
    api = await startApi();
    expect((await ingest({ records: "all of them" })).json.error).toBe(
      'records: expected a list of records, got "all of them"',
    );
    expect((await ingest({ source: 7, records: [] })).json.error).toMatch(/^source: expected a name/);
    expect((await ingest({ records: [] })).json.error).toMatch(/the list is empty/);
    expect((await ingest(42)).status).toBe(422);
  });

  it("answers 400 with the position of malformed JSON", async () => {
    api = await startApi();
    const answer = await ingest('{\n  "date": "2025-05-01",\n  "spend": 12,,\n}');
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe(
      "malformed JSON at line 3, column 15 (character 40): expected a property name in double quotes",
    );
    expect(answer.json.at).toEqual({ position: 40, line: 3, column: 15 });
    expect((await ingest('{"spend": tru}')).json.error).toMatch(/column 11 .*expected a value/);
    expect((await ingest("")).json.error).toBe("the body is empty: send a JSON object");
    expect(await stored()).toBe(0);
  });

  it("answers 415 for a body that is not declared as JSON", async () => {
    api = await startApi();
    const body = "date=2025-05-01&spend=1";
    const headers = { ...signed(body), "content-type": "application/x-www-form-urlencoded" };
    const response = await postJson(api, "/webhooks/ingest", body, headers);
    expect(response.status).toBe(415);
    expect((await response.json()).error).toBe(
      "expected Content-Type: application/json, got Content-Type application/x-www-form-urlencoded",
    );
    expect(await stored()).toBe(0);
  });

  it("answers 413 for more than 5,000 records, and for a body over 5 MB", async () => {
    api = await startApi();
    const many = Array.from({ length: 5001 }, (_, index) => ({ ...METRICS_ROW, id: `r${index}` }));
    const answer = await ingest({ records: many });
    expect(answer.status).toBe(413);
    expect(answer.json.error).toMatch(/5001 records is more than 5,000 per request; split the batch/);

    const huge = JSON.stringify({ records: [{ ...METRICS_ROW, campaign: "x".repeat(6 * 1024 * 1024) }] });
    const response = await postJson(api, "/webhooks/ingest", huge, {
      "content-type": "application/json",
      authorization: `Bearer ${SECRET}`,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/larger than 5 MB/);
    expect(await stored()).toBe(0);
  });

  it("counts the actual bytes of a chunked body sent without Content-Length", async () => {
    api = await startApi({ limits: { webhookBytes: 64 * 1024 } });
    const url = new URL(`${api.url}/webhooks/ingest`);
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", reject);
      // No Content-Length: Node sends the body chunked.
      for (let chunk = 0; chunk < 20; chunk++) outgoing.write("x".repeat(8 * 1024));
      outgoing.end();
    });
    expect(status).toBe(413);
    expect(await stored()).toBe(0);
  });
});

describe("retried deliveries", () => {
  it("with an Idempotency-Key, answers the retry exactly as the first time and stores nothing twice", async () => {
    const arrivals: number[] = [];
    api = await startApi({ onLiveData: ({ changed }) => arrivals.push(changed) });
    const body = {
      records: [
        { ...METRICS_ROW, id: undefined },
        { ...METRICS_ROW, id: undefined, spend: "x" },
      ],
    };
    const first = await ingest(body, { "idempotency-key": "delivery-42" });
    const retry = await ingest(body, { "idempotency-key": "delivery-42" });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(first.text);
    expect(await stored()).toBe(1);
    expect(arrivals).toEqual([1]);

    const reused = await ingest({ ...METRICS_ROW, spend: 1 }, { "idempotency-key": "delivery-42" });
    expect(reused.status).toBe(422);
    expect(reused.json.error).toMatch(/already used for a different body/);
    expect(await stored()).toBe(1);
  });

  it("remembers the key across a restart", async () => {
    api = await startApi();
    const body = { ...METRICS_ROW, id: undefined };
    const first = await ingest(body, { "idempotency-key": "k-restart" });
    await api.store.close();
    const reopened = await api.temp.open();
    expect(
      await reopened.rememberResponse("webhook:k-restart", "other", async () => ({ status: 200, body: "" })),
    ).toEqual({
      outcome: "conflict",
    });
    expect(first.status).toBe(200);
  });

  it("with record ids, a re-sent batch is counted as duplicates and a corrected row replaces the old", async () => {
    const arrivals: number[] = [];
    api = await startApi({ onLiveData: ({ changed }) => arrivals.push(changed) });
    const rows = [METRICS_ROW, { kind: "order", id: "o-1", value: 10 }];
    await ingest({ source: "zapier", records: rows });
    const again = await ingest({ source: "zapier", records: rows });
    expect(again.json).toMatchObject({ accepted: 2, stored: 0, updated: 0, duplicates: 2 });
    const corrected = await ingest({ source: "zapier", records: [{ ...METRICS_ROW, spend: 130 }] });
    expect(corrected.json).toMatchObject({ stored: 0, updated: 1, duplicates: 0 });
    expect(await stored()).toBe(2);
    expect(totals(await api.store.liveFacts()).spend).toBe(130);
    expect(arrivals).toEqual([2, 1]);
  });

  it("refuses an Idempotency-Key that is not printable ASCII", async () => {
    api = await startApi();
    const answer = await ingest(METRICS_ROW, { "idempotency-key": "x".repeat(300) });
    expect(answer.status).toBe(400);
    expect(await stored()).toBe(0);
  });
});
