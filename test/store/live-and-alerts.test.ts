import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dayToIso } from "../../src/ingest/index.js";
import { totals } from "../../src/metrics/index.js";
import type { LiveRecord } from "../../src/store/index.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const ROWS: LiveRecord[] = [
  {
    kind: "metrics",
    externalId: "m1",
    date: "2025-05-01",
    campaign: "Brand",
    channel: "google",
    spend: 100,
    clicks: 50,
    revenue: 400,
    currency: "USD",
    dimensions: { country: "BR" },
    extraMeasures: { reach: 900 },
  },
  { kind: "metrics", date: "2025-05-02", campaign: "Promo", channel: "meta", spend: 50, revenue: 50 },
  {
    kind: "order",
    externalId: "o1",
    occurredAt: "2025-05-02T23:30:00-03:00",
    campaign: "Promo",
    channel: "meta",
    value: 80,
    currency: "USD",
    email: "ana@example.com",
  },
  {
    kind: "lead",
    externalId: "l1",
    occurredAt: "2025-05-03T09:00:00Z",
    campaign: "Brand",
    email: "bo@example.com",
  },
];

describe.each(STORE_KINDS)("live data (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("stores rows and events, and gives them back as facts and as a feed, also after a restart", async () => {
    const store = await temp.open();
    expect(await store.saveLiveBatch({ source: "n8n", records: ROWS })).toEqual([
      "stored",
      "stored",
      "stored",
      "stored",
    ]);
    await store.close();

    const reopened = await temp.open();
    const facts = await reopened.liveFacts();
    expect(facts.rowCount).toBe(4);
    const figures = totals(facts);
    expect(figures).toMatchObject({ spend: 150, revenue: 450, clicks: 50, roas: 3 });
    expect(facts.dimensions.country?.values).toEqual(["BR"]);
    expect(facts.dimensions.currency?.values).toEqual(["USD"]);
    expect(facts.extraMeasures.reach?.[0]).toBe(900);
    // The order's day is its date as written (2 May in São Paulo), not the UTC day.
    const orderRow = Array.from(facts.extraMeasures.orders ?? []).indexOf(1);
    expect(dayToIso(facts.days?.[orderRow] as number)).toBe("2025-05-02");
    expect(facts.extraMeasures.order_value?.[orderRow]).toBe(80);
    expect(Array.from(facts.extraMeasures.leads ?? []).filter((value) => value === 1)).toHaveLength(1);

    const feed = await reopened.recentEvents(10);
    expect(feed).toHaveLength(4);
    expect(feed.map((item) => item.kind).sort()).toEqual(["lead", "metrics", "metrics", "order"]);
    expect(feed.find((item) => item.kind === "order")).toMatchObject({
      source: "n8n",
      externalId: "o1",
      occurredAt: "2025-05-02T23:30:00-03:00",
      value: 80,
      email: "ana@example.com",
    });
    expect(await reopened.recentEvents(2)).toHaveLength(2);
  });

  it("limits facts to a range of days", async () => {
    const store = await temp.open();
    await store.saveLiveBatch({ source: "n8n", records: ROWS });
    const facts = await store.liveFacts({ since: "2025-05-02", until: "2025-05-02" });
    expect(totals(facts)).toMatchObject({ spend: 50, revenue: 50 });
    expect((await store.liveFacts({ since: "2026-01-01" })).rowCount).toBe(0);
  });

  it("lists newest arrivals first", async () => {
    const store = await temp.open();
    await store.saveLiveBatch({ source: "a", records: [ROWS[1] as LiveRecord], receivedAt: new Date(1000) });
    await store.saveLiveBatch({ source: "b", records: [ROWS[3] as LiveRecord], receivedAt: new Date(3000) });
    await store.saveLiveBatch({ source: "c", records: [ROWS[0] as LiveRecord], receivedAt: new Date(2000) });
    expect((await store.recentEvents(10)).map((item) => item.source)).toEqual(["b", "c", "a"]);
  });

  it("stores nothing twice: same ids are duplicates, a metrics row with new figures replaces the old", async () => {
    const store = await temp.open();
    await store.saveLiveBatch({ source: "n8n", records: ROWS });
    expect(await store.saveLiveBatch({ source: "n8n", records: ROWS })).toEqual([
      "duplicate",
      "stored",
      "duplicate",
      "duplicate",
    ]);
    const corrected = { ...(ROWS[0] as LiveRecord), spend: 120 } as LiveRecord;
    expect(await store.saveLiveBatch({ source: "n8n", records: [corrected] })).toEqual(["updated"]);
    // The same id from another source is another record.
    expect(await store.saveLiveBatch({ source: "zapier", records: [ROWS[2] as LiveRecord] })).toEqual([
      "stored",
    ]);
    expect(totals(await store.liveFacts())).toMatchObject({ spend: 220 });
  });

  it("tells a correction from a re-send field by field, unknown (null) figures and dimensions included", async () => {
    const store = await temp.open();
    const base = ROWS[0] as LiveRecord & { kind: "metrics" };
    const save = async (record: LiveRecord) =>
      (await store.saveLiveBatch({ source: "n8n", records: [record] }))[0];
    expect(await save({ ...base, impressions: null })).toBe("stored");
    expect(await save({ ...base, impressions: null })).toBe("duplicate");
    expect(await save({ ...base, impressions: 0 })).toBe("updated");
    expect(await save({ ...base, impressions: null })).toBe("updated");
    expect(await save({ ...base, impressions: null, dimensions: { device: "mobile", country: "BR" } })).toBe(
      "updated",
    );
    expect(await save({ ...base, impressions: null, dimensions: { country: "BR", device: "mobile" } })).toBe(
      "duplicate",
    );
    expect(await save({ ...base, impressions: null, extraMeasures: {}, dimensions: { country: "BR" } })).toBe(
      "updated",
    );
    expect(await store.recentEvents(10)).toHaveLength(1);
    expect((await store.recentEvents(10))[0]).toMatchObject({ impressions: null, extraMeasures: {} });
  });

  it("rolls a failing batch back whole and keeps what was stored before", async () => {
    const store = await temp.open();
    await store.saveLiveBatch({ source: "n8n", records: ROWS.slice(0, 2) });
    const broken = { kind: "refund", occurredAt: "2025-05-01" } as unknown as LiveRecord;
    await expect(
      store.saveLiveBatch({ source: "n8n", records: [ROWS[3] as LiveRecord, broken] }),
    ).rejects.toThrow();
    expect(await store.recentEvents(10)).toHaveLength(2);
  });
});

describe.each(STORE_KINDS)("alert rules and alerts (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });
  it("keeps rules per channel and never reuses a removed rule's number", async () => {
    const store = await temp.open();
    const first = await store.addAlertRule({
      channel: "C1",
      definition: "roas < 2 window 24h",
      createdBy: "U1",
    });
    const second = await store.addAlertRule({ channel: "C2", definition: "cpa > 60" });
    expect(await store.listAlertRules("C1")).toEqual([first]);
    expect(await store.listAlertRules()).toEqual([first, second]);
    expect(await store.removeAlertRule(second.id, "C1")).toBe(false);
    expect(await store.removeAlertRule(second.id, "C2")).toBe(true);
    const third = await store.addAlertRule({ channel: "C2", definition: "spend > 10" });
    expect(third.id).toBeGreaterThan(second.id);
    await store.close();
    expect(await (await temp.open()).getAlertRule(first.id)).toEqual(first);
  });

  it("records firings per rule and key, their message and resolution", async () => {
    const store = await temp.open();
    const rule = await store.addAlertRule({ channel: "C1", definition: "roas < 2 by campaign" });
    const alert = await store.openAlert({
      ruleId: rule.id,
      key: "Promo",
      channel: "C1",
      summary: "ROAS 1.00x is below 2.00x",
      details: { value: 1 },
      firedAt: new Date("2025-05-02T10:00:00Z"),
    });
    await store.setAlertMessage(alert.id, "123.456");
    expect(await store.latestAlert(rule.id, "Promo")).toMatchObject({
      id: alert.id,
      messageTs: "123.456",
      resolvedAt: null,
      details: { value: 1 },
      firedAt: "2025-05-02T10:00:00.000Z",
    });
    expect((await store.openAlerts(rule.id)).map((a) => a.id)).toEqual([alert.id]);
    await store.resolveAlert(alert.id, new Date("2025-05-02T12:00:00Z"));
    expect((await store.getAlert(alert.id))?.resolvedAt).toBe("2025-05-02T12:00:00.000Z");
    expect(await store.openAlerts(rule.id)).toEqual([]);

    const failed = await store.openAlert({ ruleId: rule.id, key: "Brand", channel: "C1", summary: "x" });
    await store.discardAlert(failed.id);
    expect(await store.latestAlert(rule.id, "Brand")).toBeNull();

    await store.removeAlertRule(rule.id);
    expect(await store.getAlert(alert.id)).toBeNull();
  });
});
