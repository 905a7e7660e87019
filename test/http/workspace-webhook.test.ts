import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { totals } from "../../src/metrics/index.js";
import { homeWorkspaceOf } from "../../src/slack/home-workspace.js";
import type { Workspace } from "../../src/store/index.js";
import { handleWebhookCommand } from "../../src/webhook-secrets/index.js";
import { type Api, METRICS_ROW, postJson, READ_TOKEN, SECRET, signed, startApi } from "./http-harness.js";

let api: Api | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const T1: Workspace = { team: "T1", enterprise: null };
const T2: Workspace = { team: "T2", enterprise: null };

/** The single installed workspace (SLACK_BOT_TOKEN's): WEBHOOK_SECRET's rows and the live feed are its own. */
const startWithHome = () => startApi({ homeWorkspace: async () => ({ workspace: T1 }) });

/** `/webhook new` as a person in the workspace types it; the secret is read off the ephemeral reply. */
async function newSecret(workspace: Workspace, verb = "new"): Promise<{ secret: string; reply: string }> {
  const reply = await handleWebhookCommand(verb, {
    store: api?.store as Api["store"],
    workspace,
    user: "U1",
  });
  const secret = /```(mpo_ws_[A-Za-z0-9_-]+)```/.exec(reply)?.[1];
  if (!secret) throw new Error(`no secret in the reply: ${reply}`);
  return { secret, reply };
}

const bearer = (secret: string, extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  authorization: `Bearer ${secret}`,
  ...extra,
});

const spendOf = async (workspace?: Workspace) =>
  totals(await (api as Api).store.liveFacts({ workspace })).spend;

describe("webhook secrets per workspace", () => {
  it("stores each workspace's rows under the workspace whose secret came with them", async () => {
    api = await startWithHome();
    const { secret: second } = await newSecret(T2);

    const theirs = JSON.stringify({ ...METRICS_ROW, spend: 7 });
    expect((await postJson(api, "/webhooks/ingest", theirs, bearer(second))).status).toBe(200);
    // WEBHOOK_SECRET, signed (the speed path) and as a bearer token (Hono's path): the home workspace's.
    const ours = JSON.stringify({ ...METRICS_ROW, spend: 100 });
    expect((await postJson(api, "/webhooks/ingest", ours, signed(ours))).status).toBe(200);
    const oursAgain = JSON.stringify({ ...METRICS_ROW, id: "row-2", spend: 20 });
    expect((await postJson(api, "/webhooks/ingest", oursAgain, bearer(SECRET))).status).toBe(200);

    // The same id in both workspaces: two rows, neither a duplicate of the other.
    expect(await spendOf(T1)).toBe(120);
    expect(await spendOf(T2)).toBe(7);
    expect(await spendOf()).toBeNull();
  });

  it("gives each workspace its own Idempotency-Keys", async () => {
    api = await startWithHome();
    const { secret: second } = await newSecret(T2);
    const key = { "idempotency-key": "n8n-run-1" };
    const ours = JSON.stringify({ ...METRICS_ROW, id: undefined, spend: 100 });
    const theirs = JSON.stringify({ ...METRICS_ROW, id: undefined, spend: 7 });
    const first = await postJson(api, "/webhooks/ingest", ours, bearer(SECRET, key));
    const second_ = await postJson(api, "/webhooks/ingest", theirs, bearer(second, key));
    expect(first.status).toBe(200);
    // Not "this Idempotency-Key was already used for a different body", and not T1's answer replayed.
    expect(second_.status).toBe(200);
    expect(await second_.json()).toMatchObject({ stored: 1 });
    expect(await spendOf(T2)).toBe(7);
    // A retry in T2 is a replay of T2's answer.
    const retry = await postJson(api, "/webhooks/ingest", theirs, bearer(second, key));
    expect(await retry.json()).toMatchObject({ stored: 1 });
    expect(await spendOf(T2)).toBe(7);
  });

  it("refuses a replaced, revoked or unknown workspace secret without storing or echoing it", async () => {
    api = await startWithHome();
    const { secret: old } = await newSecret(T2);
    const { secret: current } = await newSecret(T2, "replace");
    expect(current).not.toBe(old);
    const body = JSON.stringify(METRICS_ROW);
    for (const token of [old, "mpo_ws_notasecretofanyworkspace"]) {
      const response = await postJson(api, "/webhooks/ingest", body, bearer(token));
      const text = await response.text();
      expect(response.status).toBe(401);
      expect(JSON.parse(text).error).toMatch(
        /not a current webhook secret of any workspace: make one with \/webhook new/,
      );
      expect(text).not.toContain(token);
    }
    expect((await postJson(api, "/webhooks/ingest", body, bearer(current))).status).toBe(200);
    await handleWebhookCommand("revoke", { store: api.store, workspace: T2, user: "U1" });
    expect((await postJson(api, "/webhooks/ingest", body, bearer(current))).status).toBe(401);
    expect(await api.store.recentEvents(10, T2)).toHaveLength(1);
  });

  it("takes workspace secrets even where no WEBHOOK_SECRET is set", async () => {
    api = await startApi({ secret: null });
    const { secret } = await newSecret(T2);
    const body = JSON.stringify(METRICS_ROW);
    expect((await postJson(api, "/webhooks/ingest", body, bearer(secret))).status).toBe(200);
    const refused = await postJson(api, "/webhooks/ingest", body, bearer("anything-else"));
    expect(refused.status).toBe(503);
    expect(await spendOf(T2)).toBe(120.5);
  });

  it("refuses WEBHOOK_SECRET and the live feed where there is no single workspace, storing nothing", async () => {
    // Installed in several workspaces through OAuth: no SLACK_BOT_TOKEN, so no workspace of its own.
    const noSingle = homeWorkspaceOf({
      botToken: undefined,
      apiUrl: "http://127.0.0.1:9/api/",
      store: {
        adoptUnownedRows: async () => ({
          datasets: 0,
          threads: 0,
          liveRows: 0,
          alertRules: 0,
          webhookSecrets: 0,
        }),
      },
      logger: silentLogger,
    });
    api = await startApi({ homeWorkspace: noSingle });
    const body = JSON.stringify(METRICS_ROW);
    for (const headers of [signed(body), bearer(SECRET)]) {
      const response = await postJson(api, "/webhooks/ingest", body, headers);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(
        /several workspaces, send a workspace's own secret \(\/webhook new/,
      );
    }
    expect(await api.store.recentEvents(10)).toEqual([]);
    const { secret } = await newSecret(T2);
    expect((await postJson(api, "/webhooks/ingest", body, bearer(secret))).status).toBe(200);
    const feed = await fetch(`${api.url}/live`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
    expect(feed.status).toBe(403);
    expect(JSON.stringify(await feed.json())).not.toContain("Brand");
  });

  it("refuses WEBHOOK_SECRET's delivery as retryable while Slack cannot name the workspace", async () => {
    let up = false;
    api = await startApi({
      homeWorkspace: async () => (up ? { workspace: T1 } : { refusal: { status: 503, message: "not yet" } }),
    });
    const body = JSON.stringify(METRICS_ROW);
    expect((await postJson(api, "/webhooks/ingest", body, signed(body))).status).toBe(503);
    expect(await api.store.recentEvents(10, T1)).toEqual([]);
    up = true;
    expect((await postJson(api, "/webhooks/ingest", body, signed(body))).status).toBe(200);
    expect(await api.store.recentEvents(10, T1)).toHaveLength(1);
  });

  it("shows the live feed of the home workspace only", async () => {
    api = await startWithHome();
    const { secret } = await newSecret(T2);
    const theirs = JSON.stringify({ ...METRICS_ROW, campaign: "Their campaign" });
    await postJson(api, "/webhooks/ingest", theirs, bearer(secret));
    const ours = JSON.stringify({ ...METRICS_ROW, campaign: "Our campaign" });
    await postJson(api, "/webhooks/ingest", ours, signed(ours));
    const feed = await fetch(`${api.url}/live`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
    const { events } = (await feed.json()) as { events: Array<{ campaign: string }> };
    expect(events.map((event) => event.campaign)).toEqual(["Our campaign"]);
  });
});

describe("/webhook", () => {
  it("shows a new secret once, to the asker, keeps only its hash, and never shows it again", async () => {
    api = await startWithHome();
    const { secret, reply } = await newSecret(T1);
    expect(reply).toMatch(/shown this once, to you only/);
    expect(reply).toContain("/webhooks/ingest");
    expect(reply).toContain("Authorization: Bearer &lt;secret&gt;");

    const again = await handleWebhookCommand("new", { store: api.store, workspace: T1, user: "U2" });
    expect(again).toMatch(/already|has a webhook secret/);
    expect(again).toContain("<@U1>");
    expect(again).not.toContain(secret);
    const status = await handleWebhookCommand("status", { store: api.store, workspace: T1, user: "U2" });
    expect(status).not.toContain(secret);
    expect(status).toMatch(/has a webhook secret, made by <@U1>/);
    expect(await handleWebhookCommand("status", { store: api.store, workspace: T2, user: "U2" })).toMatch(
      /no webhook secret yet/,
    );

    await api.store.close();
    const db = new Database(api.temp.path, { readonly: true });
    const rows = db.prepare("SELECT * FROM webhook_secrets").all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.secret_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(secret.slice("mpo_ws_".length));
  });

  it("answers an unknown verb with its help", async () => {
    api = await startWithHome();
    const reply = await handleWebhookCommand("<!channel>", { store: api.store, workspace: T1, user: "U1" });
    expect(reply).toContain("I don't know `/webhook &lt;!channel&gt;`");
    expect(reply).toContain("/webhook new");
  });
});
