import { liveBatch } from "@mpo/slack-sandbox/ui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, postWebhook, shownText, startHarness } from "./app-harness.js";

/**
 * Issue 14, item 2: live rows as the sandbox pushes them (one day so far, Meta and Google campaigns), an
 * alert on them, and its "Ask the analyst about this" button.
 */
let harness: Harness;
let user: string;
let channel: string;

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  user = seeded.user.id;
  channel = seeded.channel.id;
});
afterAll(async () => harness?.close());

const botSays = (threadTs: string, after: string) =>
  harness.emulator
    .transcript()
    .messages.filter(
      (message) =>
        message.channel === channel &&
        message.threadTs === threadTs &&
        Number(message.ts) > Number(after) &&
        message.user === harness.emulator.transcript().bot.userId,
    );

describe("an alert on live data", () => {
  it("names the platform, and its button answers in the alert's thread from the live rows", async () => {
    const { emulator } = harness;
    await emulator.runSlashCommand({
      user,
      channel,
      command: "/alert",
      text: "add roas < 2.3 window 1d by channel",
    });
    const today = new Date().toISOString().slice(0, 10);
    const response = await postWebhook(harness, JSON.stringify(liveBatch(today, 12, "e2e")));
    expect(response.status).toBeLessThan(300);

    const alert = await emulator.waitForMessage(
      { channel, fromBot: true, text: /^Alert/ },
      { timeoutMs: 20_000 },
    );
    const body = `${alert.text}\n${blockText(alert.blocks)}`;
    expect(body).toContain("channel Meta Ads");
    expect(body).not.toMatch(/meta_ads/);

    await emulator.clickButton({ user, channel, ts: alert.ts, actionId: "alert_open_analyst" });
    const asked = await emulator.waitFor(
      () =>
        botSays(alert.ts, alert.ts).find((message) =>
          /asked the analyst about this alert/.test(message.text),
        ),
      { timeoutMs: 20_000 },
    );
    expect(asked.text).toContain(`<@${user}>`);
    const answer = await emulator.waitFor(
      () => botSays(alert.ts, asked.ts).find((message) => message.stream?.state === "completed"),
      { timeoutMs: 20_000 },
    );
    const text = shownText(answer);
    expect(text).not.toMatch(/comparing periods needs|couldn't answer/);
    expect(text).toMatch(/ROAS/);
    expect(text).toContain("Retargeting - Cart abandoners");
    // The thread names the platform as the alert does.
    expect(text).toMatch(/channel = Meta Ads/);
    expect(text).not.toMatch(/meta_ads/);
    expect(text).toContain(today);
  });
});
