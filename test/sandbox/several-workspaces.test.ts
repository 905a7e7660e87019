import type { AddressInfo } from "node:net";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { App } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SIGNING_SECRET, silentLogger, startEmulator, webClient } from "./helpers.js";

/**
 * The emulator holds several workspaces of one app: each has its own people, channels and bot token, a
 * token acts in its own workspace only, and the app is installed through Slack's OAuth flow. The app here is
 * an unmodified Bolt app with its built-in OAuth receiver, so the emulator is checked against Slack's own
 * library.
 */
describe("several workspaces in the emulator", () => {
  let slack: SlackEmulator;
  let app: App | undefined;

  beforeEach(async () => {
    slack = await startEmulator();
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    await slack.close();
  });

  it("answers a call in the workspace whose token it carries, and refuses any other token", async () => {
    const acme = slack.addWorkspace({ teamName: "Acme", installed: true });
    expect(acme.teamId).not.toBe(slack.teamId);
    expect(acme.botUserId).not.toBe(slack.botUserId);
    const ana = acme.createUser({ name: "ana" });
    const acmeChannel = acme.createChannel({ name: "marketing", members: [ana.id], withBot: true });
    const home = slack.createChannel({ name: "marketing", withBot: true });

    const asAcme = await webClient(slack, acme.botToken).auth.test();
    expect(asAcme).toMatchObject({ team_id: acme.teamId, user_id: acme.botUserId });
    const asFirst = await webClient(slack).auth.test();
    expect(asFirst.team_id).toBe(slack.teamId);

    await webClient(slack, acme.botToken).chat.postMessage({ channel: acmeChannel.id, text: "for acme" });
    expect(acme.messages({ fromBot: true }).map((m) => m.text)).toEqual(["for acme"]);
    expect(slack.messages({ fromBot: true })).toEqual([]);

    // The first workspace's channel does not exist for Acme's token, and a made-up token is no one's.
    await expect(
      webClient(slack, acme.botToken).chat.postMessage({ channel: home.id, text: "leak" }),
    ).rejects.toMatchObject({ data: { error: "channel_not_found" } });
    await expect(webClient(slack, "xoxb-nobody").auth.test()).rejects.toMatchObject({
      data: { error: "invalid_auth" },
    });
    expect(slack.messages({ fromBot: true })).toEqual([]);
  });

  it("refuses a workspace's token until the app is installed there", async () => {
    const beta = slack.addWorkspace({ teamName: "Beta" });
    expect(beta.installed).toBe(false);
    expect(beta.callApi("auth.test").body).toMatchObject({ ok: false, error: "invalid_auth" });
  });

  it("installs the app through OAuth, sends each workspace's events with its team, and uninstalls", async () => {
    const acme = slack.addWorkspace({ teamName: "Acme" });
    const ana = acme.createUser({ name: "ana" });
    const acmeChannel = acme.createChannel({ name: "marketing", members: [ana.id], withBot: true });
    const maria = slack.createUser({ name: "maria" });
    const homeChannel = slack.createChannel({ name: "marketing", members: [maria.id], withBot: true });

    const seen: Array<{ team: unknown; authorizations: unknown }> = [];
    const installs = new Map<string, string>();
    app = new App({
      signingSecret: SIGNING_SECRET,
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      stateSecret: "a-state-secret-for-the-test",
      scopes: ["chat:write", "app_mentions:read"],
      installationStore: {
        storeInstallation: async (installation) => {
          installs.set(installation.team?.id ?? "", installation.bot?.token ?? "");
        },
        fetchInstallation: async (query) => {
          const token = installs.get(query.teamId ?? "");
          if (!token) throw new Error(`no installation for ${query.teamId}`);
          return { team: { id: query.teamId }, bot: { token } } as never;
        },
        deleteInstallation: async (query) => {
          installs.delete(query.teamId ?? "");
        },
      },
      installerOptions: { authorizationUrl: slack.authorizeUrl },
      clientOptions: { slackApiUrl: slack.apiUrl },
      logger: silentLogger(),
    });
    app.event("app_mention", async ({ event, body, say }) => {
      seen.push({ team: body.team_id, authorizations: body.authorizations });
      await say({ text: `hello ${event.user}`, thread_ts: event.ts });
    });
    app.event("app_uninstalled", async ({ body }) => {
      installs.delete(String(body.team_id));
    });
    const server = await app.start(0);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    slack.setRequestUrl(`${origin}/slack/events`);

    // The first workspace has the app already; Acme adds it with "Add to Slack".
    installs.set(slack.teamId, slack.botToken);
    const installed = await slack.installApp({ installUrl: `${origin}/slack/install`, teamId: acme.teamId });
    expect(installed.status).toBe(200);
    expect(acme.installed).toBe(true);
    expect(installs.get(acme.teamId)).toBe(acme.botToken);

    const inAcme = acme.postMessage({ user: ana.id, channel: acmeChannel.id, text: `${acme.botMention} hi` });
    const atHome = slack.postMessage({
      user: maria.id,
      channel: homeChannel.id,
      text: `${slack.botMention} hi`,
    });
    await acme.waitForMessage({ channel: acmeChannel.id, threadTs: inAcme.ts, fromBot: true });
    await slack.waitForMessage({ channel: homeChannel.id, threadTs: atHome.ts, fromBot: true });
    expect(acme.messages({ fromBot: true }).map((m) => m.text)).toEqual([`hello ${ana.id}`]);
    expect(slack.messages({ fromBot: true }).map((m) => m.text)).toEqual([`hello ${maria.id}`]);
    expect(seen).toContainEqual({
      team: acme.teamId,
      authorizations: [
        expect.objectContaining({ team_id: acme.teamId, user_id: acme.botUserId, is_bot: true }),
      ],
    });

    const oldToken = acme.botToken;
    acme.uninstallApp();
    await slack.idle();
    expect(acme.transcript().events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["tokens_revoked", "app_uninstalled"]),
    );
    expect(installs.has(acme.teamId)).toBe(false);
    await expect(webClient(slack, oldToken).auth.test()).rejects.toMatchObject({
      data: { error: "invalid_auth" },
    });
    // Nothing is sent to the app from a workspace that removed it.
    acme.postMessage({ user: ana.id, channel: acmeChannel.id, text: `${acme.botMention} still there?` });
    await slack.idle();
    expect(acme.transcript().events.at(-1)).toMatchObject({ type: "app_mention", delivered: false });
  });

  it("refuses an unknown client id and a code used twice", async () => {
    const acme = slack.addWorkspace({ teamName: "Acme" });
    acme.createUser({ name: "ana" });
    const bad = await fetch(`${slack.authorizeUrl}?client_id=nope&redirect_uri=http://127.0.0.1:1/cb`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Invalid client_id");

    const approve = await fetch(
      `${slack.authorizeUrl}?client_id=${slack.clientId}&team=${acme.teamId}&state=s1&redirect_uri=${encodeURIComponent("http://127.0.0.1:1/cb")}`,
      { redirect: "manual" },
    );
    const back = new URL(approve.headers.get("location") ?? "");
    expect(back.searchParams.get("state")).toBe("s1");
    const code = back.searchParams.get("code") ?? "";
    const exchange = () =>
      webClient(slack, "").oauth.v2.access({
        client_id: slack.clientId,
        client_secret: slack.clientSecret,
        code,
      });
    expect(await exchange()).toMatchObject({
      ok: true,
      access_token: acme.botToken,
      team: { id: acme.teamId, name: "Acme" },
      bot_user_id: acme.botUserId,
    });
    await expect(exchange()).rejects.toMatchObject({ data: { error: "invalid_code" } });
  });
});
