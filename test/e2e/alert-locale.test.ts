import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { liveBatch } from "@mpo/slack-sandbox/ui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appHomeText,
  blockText,
  type Harness,
  postWebhook,
  shareExport,
  startHarness,
} from "./app-harness.js";

/**
 * Issue 14, items 2 and 9: alert rules and alerts carry the currency of the data they are about and are
 * written the way their author reads numbers; the alert's chart draws the live hours in the author's time
 * zone; its button answers in the alert's thread from the live data, which App Home then shows in that
 * currency too.
 */
const NBSP = "\u00a0";

let harness: Harness;
let ana: string;
let channel: string;

beforeAll(async () => {
  harness = await startHarness();
  const { emulator } = harness;
  ana = emulator.createUser({ name: "ana", locale: "pt-BR", tz: "America/Sao_Paulo" }).id;
  channel = emulator.createChannel({ name: "vendas", members: [ana], withBot: true }).id;
});
afterAll(async () => harness?.close());

/** What `/alert <text>` tells the person who typed it. */
function alertCommand(text: string): Promise<string> {
  return command("/alert", text, channel);
}

/** What a slash command tells the person who typed it. */
async function command(name: string, text: string, where: string): Promise<string> {
  const { emulator } = harness;
  const seen = emulator.transcript().ephemerals.length;
  await emulator.runSlashCommand({ user: ana, channel: where, command: name, text });
  const reply = await emulator.waitFor(
    (transcript) => transcript.ephemerals.slice(seen).find((message) => message.user === ana),
    { timeoutMs: 20_000 },
  );
  return reply.text;
}

describe("alerts in the data's currency, for their author", () => {
  it("a rule typed before any live data reads in the currency of the channel's files", async () => {
    const export_ = [
      "Day,Campaign name,Amount spent (BRL),Impressions,Link clicks,Purchases,Purchase conversion value",
      "2026-05-05,Prospecting,40.00,1000,50,2,150.00",
    ].join("\n");
    await shareExport(harness.emulator, { user: ana, channel, filename: "maio.csv", content: export_ });
    expect(await alertCommand("add cpa > 60")).toContain(`CPA above R$${NBSP}60,00 today`);
  });

  it("an alert on live rows in BRL is written in reais for a Brazilian author, with the platform's name and her hours", async () => {
    const { emulator } = harness;
    expect(await alertCommand("add roas < 2.3 window 1d by channel")).toContain("ROAS below 2,30x today");
    expect(await alertCommand("list")).toContain(`CPA above R$${NBSP}60,00 today`);
    const today = new Date().toISOString().slice(0, 10);
    const batch = liveBatch(today, 12, "e2e");
    const inReais = { ...batch, records: batch.records.map((record) => ({ ...record, currency: "BRL" })) };
    expect((await postWebhook(harness, JSON.stringify(inReais))).status).toBeLessThan(300);

    const alert = await emulator.waitForMessage(
      { channel, fromBot: true, text: /^Alert: ROAS/ },
      { timeoutMs: 20_000 },
    );
    const body = `${alert.text}\n${blockText(alert.blocks)}`;
    expect(body).toContain("ROAS below 2,30x");
    expect(body).toContain("channel Meta Ads");
    expect(body).not.toMatch(/meta_ads/);
    expect(body).toMatch(new RegExp(`Spend in the window: R\\$${NBSP}\\d{1,3}(\\.\\d{3})*,\\d\\d`));
    expect(body).not.toMatch(/\$\d/);

    const chart = await emulator.waitFor(
      (transcript) =>
        transcript.files.find((file) => file.name.startsWith("alert-") && file.name.endsWith(".png")),
      { timeoutMs: 20_000 },
    );
    expect(chart.title).toMatch(/hour by hour/);
    // MPO_CHART_DIR=<folder> keeps the chart to look at.
    if (process.env.MPO_CHART_DIR)
      writeFileSync(join(process.env.MPO_CHART_DIR, "alert-locale.png"), chart.bytes);

    await emulator.clickButton({ user: ana, channel, ts: alert.ts, actionId: "alert_open_analyst" });
    const answer = await emulator.waitFor(
      (transcript) =>
        transcript.messages.find(
          (message) =>
            message.channel === channel &&
            message.threadTs === alert.ts &&
            message.user === transcript.bot.userId &&
            /ROAS/.test(`${message.text}\n${blockText(message.blocks)}`) &&
            !/^Alert/.test(message.text),
        ),
      { timeoutMs: 20_000 },
    );
    const answered = `${answer.text}\n${blockText(answer.blocks)}`;
    expect(answered).toMatch(/\d,\d\dx/);
    expect(answered).not.toMatch(/comparing periods needs|couldn't answer/);

    // The live data the button opened is now the newest dataset ana can see: App Home shows it in reais.
    expect(await appHomeText(emulator, ana)).toMatch(new RegExp(`\\*Spend\\*\\nR\\$${NBSP}[\\d.]+,\\d\\d`));
  });

  it("a rule against the channel's target reads in the data's currency, the target it used too", async () => {
    const { emulator } = harness;
    const metas = emulator.createChannel({ name: "metas", members: [ana], withBot: true }).id;
    const export_ = [
      "Day,Campaign name,Amount spent (BRL),Impressions,Link clicks,Purchases,Purchase conversion value",
      "2026-05-05,Prospecting,40.00,1000,50,2,150.00",
    ].join("\n");
    await shareExport(emulator, { user: ana, channel: metas, filename: "metas.csv", content: export_ });
    expect(await command("/target", "set cpa 60", metas)).toMatch(/CPA/);
    const added = await command("/alert", "add cpa > target", metas);
    expect(added).toContain(`CPA above R$${NBSP}60,00 today`);
    expect(added).toContain(`(the channel's CPA target, R$${NBSP}60,00, as set now)`);
    expect(added).not.toMatch(/ 60\.00/);
  });
});
