import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/format/format-figures.js";
import { readExport } from "../../src/ingest/index.js";
import { totals } from "../../src/metrics/index.js";
import { callsReply, type ScriptedGemini, startScriptedGemini, textReply } from "../agent/scripted-gemini.js";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, postWebhook, shareExport, shownText, startHarness } from "./app-harness.js";

const repository = join(import.meta.dirname, "../..");
const sample = readFileSync(join(repository, "samples/google-ads-campaign-totals.csv"));

let harness: Harness;
let gemini: ScriptedGemini;
let channelId: string;
let userId: string;

/** The figure the metrics engine gives for the sample, as the model would quote it. */
const sampleSpend = formatMoney(
  totals(readExport({ bytes: sample, name: "sample.csv" }).facts).spend as number,
  "USD",
);

beforeAll(async () => {
  gemini = await startScriptedGemini([
    callsReply([{ name: "get_kpis", args: { metrics: ["spend", "conversions"] } }]),
    textReply(`Spend came to ${sampleSpend} across all campaigns, and CPA was $987.65.`),
  ]);
  harness = await startHarness({
    GEMINI_API_KEY: "test-gemini-key-not-real",
    GEMINI_BASE_URL: gemini.baseUrl,
    GEMINI_MODEL: "gemini-test",
  });
  const seeded = seedChannel(harness.emulator);
  channelId = seeded.channel.id;
  userId = seeded.user.id;
});
afterAll(async () => {
  await harness?.close();
  await gemini?.close();
});

async function uploadSample(options: { waitForCharts?: boolean } = {}) {
  const { emulator } = harness;
  const { shared, analysis } = await shareExport(emulator, {
    user: userId,
    channel: channelId,
    filename: "google-ads-campaign-totals.csv",
    content: sample,
  });
  const spend = /\*Spend\*\n(\$[\d,.]+)/.exec(blockText(analysis.blocks))?.[1] as string;
  if (options.waitForCharts ?? true) {
    await emulator.waitForMessage(
      { channel: channelId, threadTs: shared.ts, fromBot: true, withFiles: true },
      { timeoutMs: 20_000 },
    );
  }
  return { shared, spend };
}

describe("the analyst in Slack", () => {
  it("answers with Gemini calling the metrics tools, flags a figure no tool returned, sends no raw rows", async () => {
    const { shared, spend } = await uploadSample();
    const { emulator } = harness;
    const asked = emulator.postMessage({
      user: userId,
      channel: channelId,
      threadTs: shared.ts,
      text: "How much did we spend?",
    });
    const answer = await emulator.waitForMessage(
      {
        channel: channelId,
        threadTs: shared.ts,
        fromBot: true,
        after: asked.ts,
        text: /Spend came to/,
        finished: true,
      },
      { timeoutMs: 20_000 },
    );
    expect(gemini.requests.length).toBe(2);
    const toolTurn = JSON.stringify(gemini.requests[1]?.body.contents);
    expect(toolTurn).toContain("functionResponse");
    expect(toolTurn).toContain("get_kpis");
    expect(gemini.requests.map((request) => request.raw).join("")).not.toContain("Brand - Search");
    const text = shownText(answer);
    expect(text).toContain(`Spend came to ${spend}`);
    expect(text).toMatch(/⚠️.*\$987\.65/);
    expect(text).not.toMatch(/⚠️.*\$[\d,.]+.*\$987/);
    expect(text).toContain("Answered by Gemini");
  });
});

describe("the assistant surface", () => {
  it("greets with prompts built from the data, shows a status and answers in the thread", async () => {
    const { emulator } = harness;
    const thread = emulator.startAssistantThread({ user: userId, contextChannel: channelId });
    const greeting = await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true },
      { timeoutMs: 10_000 },
    );
    expect(greeting.text).toMatch(/google-ads-campaign-totals\.csv/);
    const prompts = await emulator.waitFor(
      () => emulator.transcript().prompts.find((entry) => entry.channel === thread.channel),
      { timeoutMs: 10_000 },
    );
    expect(prompts.prompts.length).toBeGreaterThanOrEqual(3);

    gemini.requests.length = 0;
    const question = emulator.postMessage({
      user: userId,
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: "How much did we spend?",
    });
    await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true, after: question.ts },
      { timeoutMs: 20_000 },
    );
    const statuses = emulator.transcript().statuses.filter((status) => status.channel === thread.channel);
    expect(statuses.some((status) => /crunching/.test(status.status))).toBe(true);
    expect(emulator.transcript().titles.some((title) => title.channel === thread.channel)).toBe(true);
  });
});

describe("resilience", () => {
  it("waits out a rate limit and still answers", async () => {
    const { emulator } = harness;
    emulator.rateLimitNext("chat.update", { count: 1, retryAfter: 1 });
    const { shared } = await uploadSample();
    expect(
      emulator
        .messages({ channel: channelId, threadTs: shared.ts, fromBot: true })
        .some((message) => /Analysis of/.test(message.text)),
    ).toBe(true);
  });

  it("tells the thread when Slack refuses the charts for good", async () => {
    const { emulator } = harness;
    emulator.failNext("files.completeUploadExternal", "channel_not_found", { count: 1 });
    const { shared } = await uploadSample({ waitForCharts: false });
    const told = await emulator.waitForMessage(
      { channel: channelId, threadTs: shared.ts, fromBot: true, text: /couldn't upload the charts/ },
      { timeoutMs: 20_000 },
    );
    expect(told.text).toMatch(/channel_not_found/);
  });
});

describe("live data and alerts", () => {
  it("posts an alert once when webhook rows cross a rule, and the analyst answers under it", async () => {
    const { emulator } = harness;
    const added = await emulator.runSlashCommand({
      user: userId,
      channel: channelId,
      command: "/alert",
      text: "add roas < 2 window 1d by campaign",
    });
    expect(JSON.stringify(added.responseBody)).toMatch(/roas|ROAS/);

    const today = new Date().toISOString().slice(0, 10);
    const body = JSON.stringify({
      source: "e2e",
      records: [
        {
          kind: "metrics",
          id: "r1",
          date: today,
          campaign: "Falling",
          channel: "meta",
          spend: 500,
          revenue: 300,
          clicks: 100,
          impressions: 9000,
          conversions: 3,
        },
        {
          kind: "metrics",
          id: "r2",
          date: today,
          campaign: "Healthy",
          channel: "google",
          spend: 200,
          revenue: 900,
          clicks: 80,
          impressions: 4000,
          conversions: 9,
        },
      ],
    });
    const response = await postWebhook(harness, body);
    expect(response.status).toBeLessThan(300);
    const alert = await emulator.waitForMessage(
      { channel: channelId, fromBot: true, text: /Alert/ },
      { timeoutMs: 20_000 },
    );
    expect(blockText(alert.blocks)).toMatch(/Falling/);

    const clicked = await emulator.clickButton({
      user: userId,
      channel: channelId,
      ts: alert.ts,
      actionId: "alert_open_analyst",
    });
    expect(clicked).toBeDefined();
    const reply = await emulator.waitForMessage(
      { channel: channelId, threadTs: alert.ts, fromBot: true, text: /roas|ROAS/ },
      { timeoutMs: 20_000 },
    );
    expect(reply.text).not.toMatch(/don't have any data/);
    const alerts = emulator
      .messages({ channel: channelId, fromBot: true })
      .filter((message) => /^Alert/.test(message.text));
    expect(alerts).toHaveLength(1);
  });
});
