import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { totals } from "../../src/metrics/index.js";
import type { LiveRecord, Store, Workspace } from "../../src/store/index.js";
import { STORE_KINDS, type TempStore, tempStore } from "./temp-store.js";

let temp: TempStore;
afterEach(() => temp.remove());

const T1: Workspace = { team: "T1", enterprise: null };
const T2: Workspace = { team: "T2", enterprise: null };
const GRID: Workspace = { team: "T1", enterprise: "E1" };

/** The same source, ids, days and campaign in each workspace; only the spend tells them apart. */
function rows(spend: number): LiveRecord[] {
  return [
    { kind: "metrics", externalId: "m1", date: "2025-05-01", campaign: "Brand", spend, clicks: 10 },
    { kind: "order", externalId: "o1", occurredAt: "2025-05-01T10:00:00Z", campaign: "Brand", value: spend },
    {
      kind: "lead",
      externalId: "l1",
      occurredAt: "2025-05-01T11:00:00Z",
      campaign: "Brand",
      email: "a@x.io",
    },
  ];
}

const spendOf = async (store: Store, workspace?: Workspace) =>
  totals(await store.liveFacts({ workspace })).spend;

describe.each(STORE_KINDS)("live data, threads, alerts and webhook secrets per workspace (%s)", (kind) => {
  beforeEach(() => {
    temp = tempStore(kind);
  });

  it("keeps two workspaces' live rows apart, with the same source and ids in both", async () => {
    const store = await temp.open();
    expect(await store.saveLiveBatch({ source: "n8n", records: rows(100), workspace: T1 })).toEqual([
      "stored",
      "stored",
      "stored",
    ]);
    // Not a duplicate of T1's rows: ids are unique per workspace.
    expect(await store.saveLiveBatch({ source: "n8n", records: rows(7), workspace: T2 })).toEqual([
      "stored",
      "stored",
      "stored",
    ]);
    expect(await store.saveLiveBatch({ source: "n8n", records: rows(7), workspace: T2 })).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    // A correction in T2 updates T2's row only.
    expect(
      await store.saveLiveBatch({
        source: "n8n",
        records: [{ ...(rows(9)[0] as LiveRecord) }],
        workspace: T2,
      }),
    ).toEqual(["updated"]);

    expect(await spendOf(store, T1)).toBe(100);
    expect(await spendOf(store, T2)).toBe(9);
    // No workspace is the unknown one, never everyone's; an enterprise's T1 is another workspace.
    expect((await store.liveFacts()).rowCount).toBe(0);
    expect((await store.liveFacts({ workspace: GRID })).rowCount).toBe(0);
    // The figures as they stood before T2's correction, still T2's only.
    const before = new Date(Date.now() - 60_000);
    expect((await store.liveFacts({ workspace: T2, asOf: before })).rowCount).toBe(0);
    expect(totals(await store.liveFacts({ workspace: T2, asOf: new Date() })).spend).toBe(9);
    expect(totals(await store.liveFacts({ workspace: T1, lastDays: 3 })).spend).toBe(100);

    const feed = await store.recentEvents(10, T1);
    expect(feed).toHaveLength(3);
    expect(
      feed.map((item) => ("spend" in item ? item.spend : "value" in item ? item.value : null)),
    ).toContain(100);
    expect(JSON.stringify(feed)).not.toMatch(/"(spend|value)":(7|9)\b/);
    expect(await store.recentEvents(10)).toEqual([]);

    await store.saveLiveBatch({
      source: "n8n",
      records: [{ kind: "metrics", date: "2025-05-02", dimensions: { region: "north" } }],
      workspace: T2,
    });
    expect((await store.liveFieldNames("n8n", T2)).dimensions).toEqual(["region"]);
    expect((await store.liveFieldNames("n8n", T1)).dimensions).toEqual([]);
  });

  it("keeps a thread's dataset and history per workspace, even under one channel id", async () => {
    const store = await temp.open();
    await store.appendHistory("C1", "1.1", [{ said: "ours" }], T1);
    await store.appendHistory("C1", "1.1", [{ said: "theirs" }], T2);
    await store.appendHistory("C1", "1.1", [{ said: "ours again" }], T1);
    expect((await store.getThread("C1", "1.1", T1))?.history).toEqual([
      { said: "ours" },
      { said: "ours again" },
    ]);
    expect((await store.getThread("C1", "1.1", T2))?.history).toEqual([{ said: "theirs" }]);
    expect(await store.getThread("C1", "1.1")).toBeNull();
    await store.replaceHistory("C1", "1.1", [{ said: "summary" }], T2);
    expect((await store.getThread("C1", "1.1", T1))?.history).toHaveLength(2);
    expect((await store.getThread("C1", "1.1", T2))?.history).toEqual([{ said: "summary" }]);
  });

  it("lists, removes and opens alerts within the workspace only, and names each workspace with rules", async () => {
    const store = await temp.open();
    const ours = await store.addAlertRule({ ...T1, channel: "C1", definition: "roas < 2" });
    const theirs = await store.addAlertRule({ ...T2, channel: "C1", definition: "cpa > 40" });
    expect(ours).toMatchObject({ team: "T1", enterprise: null });
    expect((await store.listAlertRules("C1", T1)).map((rule) => rule.id)).toEqual([ours.id]);
    expect((await store.listAlertRules(undefined, T2)).map((rule) => rule.id)).toEqual([theirs.id]);
    expect(await store.listAlertRules()).toEqual([]);
    expect(await store.alertRuleWorkspaces()).toEqual([T1, T2]);
    expect(await store.getAlertRule(theirs.id, T1)).toBeNull();
    expect(await store.getAlertRule(theirs.id, T2)).toMatchObject({ definition: "cpa > 40" });

    const alert = await store.openAlert({ ruleId: theirs.id, key: "all", channel: "C1", summary: "CPA up" });
    expect(await store.getAlert(alert.id, T1)).toBeNull();
    expect((await store.getAlert(alert.id, T2))?.summary).toBe("CPA up");

    expect(await store.removeAlertRule(theirs.id, "C1", T1)).toBe(false);
    expect(await store.removeAlertRule(theirs.id, "C1", T2)).toBe(true);
    expect(await store.alertRuleWorkspaces()).toEqual([T1]);
  });

  it("keeps one webhook secret per workspace, by hash, a new one replacing the old", async () => {
    const store = await temp.open();
    const made = await store.saveWebhookSecret({
      workspace: T1,
      secretHash: "a".repeat(64),
      createdBy: "U1",
    });
    expect(made).toMatchObject({ team: "T1", enterprise: null, createdBy: "U1" });
    await store.saveWebhookSecret({ workspace: T2, secretHash: "b".repeat(64) });
    expect(await store.webhookSecretWorkspace("a".repeat(64))).toEqual(T1);
    expect(await store.webhookSecretWorkspace("b".repeat(64))).toEqual(T2);

    await store.saveWebhookSecret({ workspace: T1, secretHash: "c".repeat(64), createdBy: "U2" });
    expect(await store.webhookSecretWorkspace("a".repeat(64))).toBeNull();
    expect(await store.webhookSecretWorkspace("c".repeat(64))).toEqual(T1);
    expect(await store.webhookSecretOf(T1)).toMatchObject({ createdBy: "U2" });

    expect(await store.removeWebhookSecret(T2)).toBe(true);
    expect(await store.removeWebhookSecret(T2)).toBe(false);
    expect(await store.webhookSecretWorkspace("b".repeat(64))).toBeNull();
    expect(await store.webhookSecretOf(T2)).toBeNull();
  });

  it("gives rows stored before workspaces were recorded to the installed workspace, and to no other", async () => {
    const store = await temp.open();
    // As an older version stored them: no workspace at all.
    await store.saveLiveBatch({ source: "n8n", records: rows(100), receivedAt: new Date(1_000) });
    await store.saveLiveBatch({
      source: "n8n",
      records: [{ kind: "metrics", externalId: "m1", date: "2025-05-01", campaign: "Brand", spend: 5 }],
      receivedAt: new Date(2_000),
    });
    await store.appendHistory("C1", "1.1", [{ said: "before" }]);
    const rule = await store.addAlertRule({ channel: "C1", definition: "roas < 2" });
    // T1 already holds another row with id m2; the old m2 stays unknown rather than collide.
    await store.saveLiveBatch({
      source: "n8n",
      records: [{ kind: "metrics", externalId: "m2", date: "2025-05-02", spend: 1 }],
    });
    await store.saveLiveBatch({
      source: "n8n",
      records: [{ kind: "metrics", externalId: "m2", date: "2025-05-02", spend: 2 }],
      workspace: T1,
    });

    expect(await store.adoptUnownedRows(T1)).toEqual({
      datasets: 0,
      threads: 1,
      liveRows: 3,
      alertRules: 1,
      webhookSecrets: 0,
    });
    expect(await spendOf(store, T1)).toBe(7);
    expect(await spendOf(store, T2)).toBeNull();
    expect(totals(await store.liveFacts()).spend).toBe(1);
    // The pushes came along: as of before the correction, the first figures.
    expect(totals(await store.liveFacts({ workspace: T1, asOf: new Date(1_500) })).spend).toBe(100);
    expect((await store.getThread("C1", "1.1", T1))?.history).toEqual([{ said: "before" }]);
    expect(await store.getAlertRule(rule.id, T1)).not.toBeNull();
    // Adopting again, or by a second workspace (the bot token changed), moves nothing: not even the
    // leftover row T1 could not take.
    expect(Object.values(await store.adoptUnownedRows(T1)).reduce((a, b) => a + b)).toBe(0);
    expect(Object.values(await store.adoptUnownedRows(T2)).reduce((a, b) => a + b)).toBe(0);
    expect(await spendOf(store, T2)).toBeNull();
  });

  it.runIf(kind === "sqlite")("keeps the webhook's writes on their indexes", async () => {
    const store = await temp.open();
    await store.close();
    const db = new Database(temp.path, { readonly: true });
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join("; ");
    expect(
      plan(`UPDATE live_metrics SET spend = 1 WHERE coalesce(team, '') = 'T1' AND coalesce(enterprise, '') = ''
            AND source = 'n8n' AND external_id = 'm1'`),
    ).toMatch(/USING INDEX live_metrics_by_external_id/);
    expect(
      plan(`SELECT * FROM live_metrics WHERE coalesce(team, '') = 'T1' AND coalesce(enterprise, '') = ''
            AND date >= '2025-01-01' AND date <= '2025-12-31'`),
    ).toMatch(/USING INDEX live_metrics_by_workspace_date/);
    db.close();
  });
});
