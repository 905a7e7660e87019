import type { Message, SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AlertEngine,
  type AlertEngineOptions,
  handleAlertCommand,
  OPEN_ANALYST_ACTION,
  slackAlertPoster,
} from "../../src/alerts/index.js";
import { type Api, postJson, startApi } from "../http/http-harness.js";
import { seedChannel, silentLogger, startEmulator, webClient } from "../sandbox/helpers.js";

/** The clock of these tests: live rows are dated relative to this day. */
const NOW = new Date("2025-05-10T15:00:00Z");
const TODAY = "2025-05-10";

let emulator: SlackEmulator;
let api: Api;
let engine: AlertEngine;
let channel: string;
let user: string;

async function setUp(options: Partial<AlertEngineOptions> = {}) {
  emulator = await startEmulator();
  const seeded = seedChannel(emulator);
  channel = seeded.channel.id;
  user = seeded.user.id;
  api = await startApi({ onLiveData: () => engine.notifyDataArrived() });
  engine = new AlertEngine({
    store: api.store,
    poster: slackAlertPoster(webClient(emulator), { logger: silentLogger(), baseDelayMs: 1 }),
    debounceMs: 0,
    now: () => NOW,
    logger: silentLogger(),
    ...options,
  });
}

beforeEach(() => {
  engine = undefined as unknown as AlertEngine;
});

afterEach(async () => {
  engine?.stop();
  await api?.close();
  await emulator?.close();
});

/** Sends rows through the real webhook, as n8n would, and waits for the alert engine to finish. */
async function deliver(records: object[]) {
  const body = JSON.stringify({ source: "n8n", records });
  const response = await postJson(api, "/webhooks/ingest", body);
  expect(response.status).toBe(200);
  await engine.idle();
}

function dayBefore(days: number): string {
  const date = new Date(`${TODAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Two weeks in which Brand returns 4x and Promo 3x. */
function history() {
  return Array.from({ length: 14 }, (_, index) => dayBefore(14 - index)).flatMap((date) => [
    {
      id: `b-${date}`,
      date,
      campaign: "Brand",
      channel: "google",
      spend: 100,
      revenue: 400,
      currency: "USD",
    },
    { id: `p-${date}`, date, campaign: "Promo", channel: "meta", spend: 100, revenue: 300, currency: "USD" },
  ]);
}

const row = (id: string, campaign: string, spend: number, revenue: number) => ({
  id,
  date: TODAY,
  campaign,
  channel: campaign === "Brand" ? "google" : "meta",
  spend,
  revenue,
  currency: "USD",
});

/** Messages the bot posted at the top of the channel (not in threads). */
function alertsPosted(): Message[] {
  return emulator
    .messages({ channel, fromBot: true })
    .filter((message) => message.threadTs === undefined || message.threadTs === message.ts);
}

function addRule(text: string) {
  return handleAlertCommand(`add ${text}`, {
    store: api.store,
    channel,
    user,
    onRulesChanged: () => engine.notifyDataArrived(),
  });
}

describe("alerts end to end: webhook rows in, Slack messages out", () => {
  it("posts one alert with its figures, drivers, chart and button; holds it; resolves it in the thread", async () => {
    await setUp();
    expect((await addRule("roas < 2 window 24h by campaign min spend 100")).text).toMatch(/^Added rule 1/);
    await deliver(history());
    await deliver([row("b-today", "Brand", 200, 800), row("p-today-1", "Promo", 300, 240)]);

    const [alert] = alertsPosted();
    expect(alertsPosted()).toHaveLength(1);
    const stored = await api.store.latestAlert(1, "Promo");
    expect(stored).toMatchObject({ channel, messageTs: alert?.ts, resolvedAt: null });
    expect(alert?.text).toBe(
      `Alert: ROAS is 0.80x today (${TODAY}), below the threshold of 2.00x — campaign Promo`,
    );
    const blocks = alert?.blocks as Array<{
      type: string;
      text: { text: string };
      elements: { text: string }[];
    }>;
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: ":rotating_light: ROAS below 2.00x" } });
    expect(blocks[1]?.text.text).toBe(
      `ROAS is 0.80x today (${TODAY}), below the threshold of 2.00x — campaign Promo\nSpend in the window: $300.00`,
    );
    expect(blocks[2]?.text.text).toBe(
      `*What drives it*, by channel, against ${dayBefore(1)}:\n• *meta*: ROAS 0.80x (was 3.00x), −2.20x of the change · spend $300.00`,
    );
    expect(blocks[3]?.elements[0]?.text).toBe(
      `Rule 1: \`roas &lt; 2 by campaign min spend 100\` · live data up to ${TODAY} · \`/alert remove 1\` to stop it`,
    );
    expect(blocks[4]).toMatchObject({
      type: "actions",
      elements: [{ type: "button", action_id: OPEN_ANALYST_ACTION, value: String(stored?.id) }],
    });

    const chart = await emulator.waitForMessage({ channel, threadTs: alert?.ts, withFiles: true });
    const file = emulator.file(chart.files[0] as string);
    expect(file).toMatchObject({ mimetype: "image/png", name: `alert-${stored?.id}-roas.png` });
    expect(file?.bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");

    // The same problem getting worse is still one alert.
    await deliver([row("p-today-2", "Promo", 100, 50)]);
    expect(alertsPosted()).toHaveLength(1);
    expect(emulator.messages({ channel, threadTs: alert?.ts, text: /Resolved/ })).toHaveLength(0);

    // Recovery is posted in the alert's thread, once.
    await deliver([row("p-today-3", "Promo", 10, 2000)]);
    const resolved = await emulator.waitForMessage({ channel, threadTs: alert?.ts, text: /Resolved/ });
    expect(resolved.text).toBe(
      `Resolved: ROAS is back to 5.59x today (${TODAY}); the threshold is 2.00x — campaign Promo.`,
    );
    expect((await api.store.latestAlert(1, "Promo"))?.resolvedAt).toBe(NOW.toISOString());

    // Bad again within the cooldown: no new alert, no second resolution.
    await deliver([row("p-today-4", "Promo", 5000, 0)]);
    expect(alertsPosted()).toHaveLength(1);
    expect(emulator.messages({ channel, threadTs: alert?.ts, text: /Resolved/ })).toHaveLength(1);
  });

  it("alerts on spend today against the daily average, for the whole account", async () => {
    await setUp();
    await addRule("spend today > 1.3 x daily average");
    await deliver(history());
    await deliver([row("b-today", "Brand", 150, 600), row("p-today", "Promo", 150, 400)]);
    expect(alertsPosted().map((message) => message.text)).toEqual([
      "Alert: Spend today is $300.00, above 1.3x its daily average of $200.00 (limit $260.00) — all live data",
    ]);
  });

  it("retries Slack's transient failures, and tries again later after a refusal", async () => {
    await setUp();
    await addRule("roas < 2");
    await deliver(history());
    emulator.failNext("chat.postMessage", "internal_error", { count: 2 });
    await deliver([row("p-today", "Promo", 300, 100)]);
    expect(alertsPosted()).toHaveLength(1);
    expect(
      emulator.transcript().apiCalls.filter((call) => call.method === "chat.postMessage" && !call.ok),
    ).toHaveLength(2);

    await api.store.removeAlertRule(1);
    await addRule("cpa > 1");
    emulator.failNext("chat.postMessage", "not_in_channel");
    await deliver([{ ...row("p-conv", "Promo", 10, 0), conversions: 1 }]);
    expect(alertsPosted()).toHaveLength(1);
    expect(await api.store.latestAlert(2, "all")).toBeNull();
    await deliver([{ ...row("p-conv-2", "Promo", 10, 0), conversions: 1 }]);
    expect(alertsPosted()).toHaveLength(2);
    expect((await api.store.latestAlert(2, "all"))?.messageTs).toBe(alertsPosted()[1]?.ts);
  });

  it("takes today in the account's time zone", async () => {
    // 02:00 UTC on the 11th is still the evening of the 10th in São Paulo.
    await setUp({ timeZone: "America/Sao_Paulo", now: () => new Date("2025-05-11T02:00:00Z") });
    await addRule("roas < 2");
    await deliver([row("p-today", "Promo", 300, 100)]);
    expect(alertsPosted()[0]?.text).toMatch(new RegExp(`^Alert: ROAS is 0.33x today \\(${TODAY}\\)`));
    expect(
      () => new AlertEngine({ store: api.store, poster: {} as never, timeZone: "Mars/Olympus" }),
    ).toThrow(RangeError);
  });

  it("keeps its state across a restart: an open alert is neither repeated nor forgotten", async () => {
    await setUp();
    await addRule("roas < 2");
    await deliver([...history(), row("p-today", "Promo", 1000, 100)]);
    expect(alertsPosted()).toHaveLength(1);

    engine.stop();
    await api.store.close();
    const reopened = await api.temp.open();
    const restarted = new AlertEngine({
      store: reopened,
      poster: slackAlertPoster(webClient(emulator), { logger: silentLogger(), baseDelayMs: 1 }),
      debounceMs: 0,
      now: () => NOW,
      logger: silentLogger(),
    });
    expect(await restarted.evaluateNow()).toEqual([]);
    await reopened.saveLiveBatch({
      source: "n8n",
      records: [{ kind: "metrics", date: TODAY, spend: 1, revenue: 5000 }],
    });
    expect(await restarted.evaluateNow()).toEqual([{ kind: "resolved", ruleId: 1, key: "all", alertId: 1 }]);
    expect(emulator.messages({ channel, threadTs: alertsPosted()[0]?.ts, text: /^Resolved/ })).toHaveLength(
      1,
    );
  });
});
