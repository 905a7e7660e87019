import type { SlackEmulator, SlackWorkspace } from "@mpo/slack-sandbox/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/main.js";
import { blockText, shownText } from "./app-harness.js";
import { type OAuthHarness, startOAuthHarness } from "./oauth-harness.js";

/**
 * Issue 17, item 3: two workspaces installed through OAuth in one app, with the same channel name, each
 * sharing an export, sending live rows with its own webhook secret and alerting on them. Nothing either
 * workspace's people see (App Home, /report, alerts, thread answers) carries the other's figures, names or
 * files; each sees its own.
 */
interface Side {
  ws: SlackWorkspace;
  user: string;
  channel: string;
  /** What only this workspace's data contains: the other's must never show any of it. */
  marks: string[];
  campaign: string;
  file: string;
  csv: string;
  liveSpend: number;
  /** What `/report` shows as spend: the export and the workspace's own live row, nobody else's. */
  reportSpend: string;
}

let harness: OAuthHarness;
let emulator: SlackEmulator;
let app: RunningApp;
const today = new Date().toISOString().slice(0, 10);

/**
 * A workspace's plan: its export's two rows, and one live row pushed today. `figures` are what its people
 * should read: the export's spend, the export and the live row together (`/report`), the live spend alone
 * (the alert); none may appear in the other workspace.
 */
function side(
  ws: SlackWorkspace,
  name: string,
  spend: [number, number],
  liveSpend: number,
): Omit<Side, "user" | "channel"> {
  const campaign = `${name} Brand`;
  const file = `${name.toLowerCase()}-export.csv`;
  const csv = [
    "Date,Campaign,Spend,Impressions,Clicks,Conversions,Revenue",
    `2025-05-01,${campaign},${spend[0]},10000,300,11,4000`,
    `2025-05-02,${name} Promo,${spend[1]},5000,100,2,300`,
  ].join("\n");
  const money = (value: number) =>
    value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const exportSpend = money(spend[0] + spend[1]);
  const reportSpend = money(spend[0] + spend[1] + liveSpend);
  return {
    ws,
    campaign,
    file,
    csv,
    liveSpend,
    reportSpend,
    marks: [name, file, exportSpend, reportSpend, `Spend in the window: ${money(liveSpend)}`],
  };
}

const sides: Side[] = [];

/** Everything the workspace's people can read from the bot: messages, their blocks, App Home views. */
function everythingShownIn(ws: SlackWorkspace): string {
  const transcript = ws.transcript();
  const messages = transcript.messages.map(
    (message) => `${shownText(message)}\n${blockText(message.blocks)}`,
  );
  const homes = transcript.homeViews.map((view) => blockText(view.blocks));
  return [...messages, ...homes].join("\n");
}

/** Opens a person's App Home in their workspace and resolves with the text of the view published for it. */
async function appHomeOf(ws: SlackWorkspace, user: string): Promise<string> {
  const before = ws.transcript().homeViews.find((view) => view.user === user)?.hash;
  ws.openAppHome(user);
  const view = await ws.waitFor(
    () => ws.transcript().homeViews.find((candidate) => candidate.user === user && candidate.hash !== before),
    { timeoutMs: 10_000 },
  );
  return blockText(view.blocks);
}

/** A person of the side's workspace types a slash command in its channel. */
function typeIn(s: Side, command: string, text: string) {
  return s.ws.runSlashCommand({ user: s.user, channel: s.channel, command, text });
}

async function webhookSecret(s: Side): Promise<string> {
  const result = await typeIn(s, "/webhook", "new");
  const secret = /mpo_ws_[A-Za-z0-9_-]+/.exec(JSON.stringify(result.responseBody))?.[0];
  if (!secret) throw new Error(`no secret in /webhook's reply: ${JSON.stringify(result.responseBody)}`);
  expect(JSON.stringify(result.responseBody)).toMatch(/ephemeral/);
  return secret;
}

beforeAll(async () => {
  harness = await startOAuthHarness();
  ({ emulator, app } = harness);
  const acme = emulator.addWorkspace({ teamName: "Acme" });
  const plans = [side(emulator, "Alpha", [1111.11, 222.22], 333), side(acme, "Beta", [7777.77, 888.88], 444)];
  for (const plan of plans) {
    const user = plan.ws.createUser({ name: "maria" });
    const installed = await harness.install(plan.ws.teamId);
    expect(installed.status, installed.body).toBe(200);
    // The same channel name in both workspaces.
    const channel = plan.ws.createChannel({ name: "marketing", members: [user.id], withBot: true });
    sides.push({ ...plan, user: user.id, channel: channel.id });
  }
}, 60_000);
afterAll(async () => harness?.close());

describe("two workspaces in one app", () => {
  it("reads each workspace's export and live rows under that workspace only", async () => {
    for (const s of sides) {
      const shared = s.ws.uploadFile({ user: s.user, channel: s.channel, filename: s.file, content: s.csv });
      const analysis = await s.ws.waitForMessage(
        { channel: s.channel, threadTs: shared.ts, fromBot: true, text: /Analysis of|couldn't read/ },
        { timeoutMs: 30_000 },
      );
      expect(blockText(analysis.blocks)).toContain(s.file);
      const secret = await webhookSecret(s);
      const body = JSON.stringify({
        source: "n8n",
        // The same source and id in both workspaces: each keeps its own row.
        records: [
          { id: "live-1", date: today, campaign: `${s.campaign} Live`, spend: s.liveSpend, revenue: 10 },
        ],
      });
      const pushed = await fetch(`http://127.0.0.1:${app.port}/webhooks/ingest`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      });
      expect(await pushed.json()).toMatchObject({ stored: 1 });
    }
  });

  it("answers /report and thread questions from the workspace's own data", async () => {
    for (const s of sides) {
      await typeIn(s, "/report", "by campaign");
      const report = await s.ws.waitForMessage(
        { channel: s.channel, fromBot: true, text: /Performance report/ },
        { timeoutMs: 20_000 },
      );
      expect(blockText(report.blocks)).toContain(s.reportSpend);

      const analysis = s.ws.messages({ channel: s.channel, fromBot: true, text: /Analysis of/ })[0];
      const asked = s.ws.postMessage({
        user: s.user,
        channel: s.channel,
        threadTs: analysis?.threadTs ?? analysis?.ts,
        text: `${s.ws.botMention} total spend by campaign`,
      });
      const answer = await s.ws.waitFor(
        () =>
          s.ws
            .messages({ channel: s.channel, threadTs: asked.threadTs, fromBot: true })
            .find((message) => Number(message.ts) > Number(asked.ts) && /spend/i.test(shownText(message))),
        { timeoutMs: 20_000 },
      );
      expect(shownText(answer)).toContain(s.campaign);
    }
  });

  it("alerts each workspace on its own live rows, and its analyst answers from them", async () => {
    for (const s of sides) {
      await typeIn(s, "/alert", "add roas < 1 window 1d");
    }
    // A new rule is judged at once on the live rows already there.
    for (const s of sides) {
      const alert = await s.ws.waitForMessage(
        { channel: s.channel, fromBot: true, text: /^Alert/ },
        { timeoutMs: 20_000 },
      );
      const text = `${alert.text}\n${blockText(alert.blocks)}`;
      expect(text).toMatch(/ROAS/);
      expect(text).toContain(`Spend in the window: ${s.liveSpend}.00`);
      await s.ws.clickButton({
        user: s.user,
        channel: s.channel,
        ts: alert.ts,
        actionId: "alert_open_analyst",
      });
      const answer = await s.ws.waitFor(
        () =>
          s.ws
            .messages({ channel: s.channel, threadTs: alert.ts, fromBot: true })
            .find((message) => message.stream?.state === "completed"),
        { timeoutMs: 20_000 },
      );
      expect(shownText(answer)).toContain(`${s.campaign} Live`);
    }
  });

  it("shows each person an App Home of their own workspace", async () => {
    for (const s of sides) {
      const home = await appHomeOf(s.ws, s.user);
      expect(home).toContain(s.file);
    }
  });

  it("never shows one workspace's names, files or figures in the other", async () => {
    const [alpha, beta] = sides as [Side, Side];
    const inAlpha = everythingShownIn(alpha.ws);
    const inBeta = everythingShownIn(beta.ws);
    for (const mark of alpha.marks) {
      expect(inAlpha).toContain(mark);
      expect(inBeta).not.toContain(mark);
    }
    for (const mark of beta.marks) {
      expect(inBeta).toContain(mark);
      expect(inAlpha).not.toContain(mark);
    }
  });
});
