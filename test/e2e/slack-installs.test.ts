import { slackSignature } from "@mpo/slack-sandbox/emulator";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { startApp } from "../../src/main.js";
import { SIGNING_SECRET } from "../sandbox/helpers.js";
import { type OAuthHarness, startOAuthHarness } from "./oauth-harness.js";

function rawInstallations(path: string): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT * FROM slack_installations").all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function jobState(path: string, key: string): string | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT state FROM jobs WHERE key = ?").get(key) as { state: string } | undefined)
      ?.state;
  } finally {
    db.close();
  }
}

async function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The app installed in several workspaces through Slack's OAuth flow, end to end over real HTTP: the
 * install page, Slack's approval, the callback, the installation sealed in a real SQLite file, an event of
 * that workspace answered with that workspace's token, and the removal of the app.
 */
describe("installing the app in a workspace through OAuth", () => {
  let harness: OAuthHarness;
  /** Every log line with its context, as the app wrote it (before any redaction a real logger adds). */
  const logged: string[] = [];
  const record = (message: string, context?: Record<string, unknown>) => {
    logged.push(`${message} ${JSON.stringify(context ?? {})}`);
  };

  beforeAll(async () => {
    harness = await startOAuthHarness({}, { debug: record, info: record, warn: record, error: record });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("sends the browser to Slack with a signed state and a cookie holding the same state", async () => {
    const response = await fetch(`${harness.origin}/slack/install`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.toString().startsWith(harness.emulator.authorizeUrl)).toBe(true);
    expect(location.searchParams.get("client_id")).toBe(harness.emulator.clientId);
    expect(location.searchParams.get("scope")).toContain("chat:write");
    const state = location.searchParams.get("state") ?? "";
    expect(state).not.toBe("");
    expect(response.headers.getSetCookie().join(";")).toContain(`slack-app-oauth-state=${state}`);
  });

  it("stores the installation sealed, answers that workspace with its own token, and forgets it when removed", async () => {
    const { emulator, databasePath } = harness;
    const acme = emulator.addWorkspace({ teamName: "Acme" });
    const ana = acme.createUser({ name: "ana" });
    const channel = acme.createChannel({ name: "marketing", members: [ana.id], withBot: true });

    const installed = await harness.install(acme.teamId);
    expect(installed.status).toBe(200);
    expect(installed.body).toContain("is installed");

    const rows = rawInstallations(databasePath);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: `team:${acme.teamId}`, team: acme.teamId, enterprise_install: 0 });
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(acme.botToken);
    expect(raw).not.toContain("xoxb-");
    expect(raw).not.toContain(acme.botUserId);

    const asked = acme.postMessage({ user: ana.id, channel: channel.id, text: `${acme.botMention} hello` });
    const reply = await acme.waitForMessage({ channel: channel.id, threadTs: asked.ts, fromBot: true });
    expect(reply.user).toBe(acme.botUserId);
    // Posted in Acme, so with Acme's token: the emulator acts in the workspace whose token a call carries.
    expect(emulator.messages({ fromBot: true })).toEqual([]);

    // An upload's job downloads the file and posts the analysis with Acme's token too.
    const csv =
      "date,campaign,spend,clicks,impressions\n2024-09-01,Summer,120.50,40,2000\n2024-09-02,Summer,80.25,30,1500\n";
    const shared = acme.uploadFile({ user: ana.id, channel: channel.id, filename: "acme.csv", content: csv });
    const analysis = await acme.waitForMessage(
      { channel: channel.id, threadTs: shared.ts, fromBot: true },
      { timeoutMs: 30_000 },
    );
    expect(analysis.user).toBe(acme.botUserId);
    expect(acme.transcript().fileAccesses).toContainEqual(expect.objectContaining({ authorized: true }));
    expect(acme.transcript().fileAccesses).not.toContainEqual(expect.objectContaining({ authorized: false }));
    // A slash command is authorized the same way: /report is built and posted in Acme.
    const command = await acme.runSlashCommand({
      user: ana.id,
      channel: channel.id,
      command: "/report",
      text: "",
    });
    expect(command.outcome).toBe("acked");
    await acme.waitForMessage(
      { channel: channel.id, fromBot: true, text: /Performance report/ },
      { timeoutMs: 30_000 },
    );
    const repliesBeforeRemoval = acme.messages({ fromBot: true }).length;

    const oldToken = acme.botToken;
    acme.uninstallApp();
    await until(() => rawInstallations(databasePath).length === 0, "the installation to be forgotten");

    // A late event of the removed workspace (Slack retries, or one sent just before) is acknowledged and
    // not answered: there is no token of that workspace left to answer with.
    const eventId = "EvLATE0000001";
    const body = JSON.stringify({
      type: "event_callback",
      team_id: acme.teamId,
      api_app_id: emulator.appId,
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: acme.teamId, user_id: acme.botUserId, is_bot: true, enterprise_id: null }],
      event: {
        type: "app_mention",
        user: ana.id,
        text: `${acme.botMention} are you there?`,
        ts: "1700000000.000100",
        channel: channel.id,
        event_ts: "1700000000.000100",
      },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const late = await fetch(`${harness.origin}/slack/events`, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": slackSignature(SIGNING_SECRET, timestamp, body),
      },
    });
    expect(late.status).toBe(200);
    await until(() => jobState(databasePath, `event:${eventId}`) === "done", "the late event's job");
    expect(acme.messages({ fromBot: true })).toHaveLength(repliesBeforeRemoval);

    // Neither the token nor the app's secrets were ever handed to the logger, at any level.
    expect(logged.length).toBeGreaterThan(0);
    const secrets = [oldToken, harness.env.SLACK_CLIENT_SECRET, harness.env.ENCRYPTION_KEY].filter(
      (secret): secret is string => Boolean(secret),
    );
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) {
      expect(logged.filter((line) => line.includes(secret)).map((line) => line.slice(0, 400))).toEqual([]);
    }
  }, 60_000);

  it("does not answer a workspace the app was never installed in", async () => {
    const { emulator, databasePath } = harness;
    const maria = emulator.createUser({ name: "maria" });
    const channel = emulator.createChannel({ name: "never-installed", members: [maria.id], withBot: true });
    emulator.postMessage({ user: maria.id, channel: channel.id, text: `${emulator.botMention} hello` });
    await emulator.idle();
    const eventId = emulator.transcript().events.at(-1)?.eventId ?? "";
    await until(() => jobState(databasePath, `event:${eventId}`) === "done", "the event's job");
    expect(emulator.messages({ fromBot: true })).toEqual([]);
  });

  it("refuses a callback with a forged state or without its code, saying what to do", async () => {
    const forged = await fetch(`${harness.origin}/slack/oauth_redirect?code=abc&state=forged`, {
      headers: { cookie: "slack-app-oauth-state=forged" },
    });
    expect(forged.status).toBe(400);
    const forgedPage = await forged.text();
    expect(forgedPage).toContain("not from this browser");
    expect(forgedPage).toContain("/slack/install");
    expect(forgedPage).not.toContain("forged");

    const other = await fetch(`${harness.origin}/slack/oauth_redirect?code=abc&state=one`, {
      headers: { cookie: "slack-app-oauth-state=another" },
    });
    expect(other.status).toBe(400);
    expect(await other.text()).toContain("not from this browser");

    const noCode = await fetch(`${harness.origin}/slack/oauth_redirect?state=abc`);
    expect(noCode.status).toBe(400);
    expect(await noCode.text()).toContain("without the <code>code</code>");
  });

  it("does not start with OAuth configured and an unusable ENCRYPTION_KEY, and says how to make one", async () => {
    const env = { ...harness.env, DATABASE_URL: "sqlite::memory:", ENCRYPTION_KEY: "too-short" };
    await expect(startApp({ env, logger: silentLogger })).rejects.toThrow(
      /ENCRYPTION_KEY.*openssl rand -base64 32/,
    );
    const { ENCRYPTION_KEY: _unset, ...withoutKey } = env;
    await expect(startApp({ env: withoutKey, logger: silentLogger })).rejects.toThrow(
      /ENCRYPTION_KEY is not set/,
    );
  });
});
