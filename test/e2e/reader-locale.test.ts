import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appHomeText, blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

/**
 * Issue 14, item 9: figures are written the reader's way (Slack's locale for them) in the data's own
 * currency. A Brazilian reader and an American one get the same figures from the same file, each as
 * they write numbers; the currency never changes with the reader.
 */
const NBSP = "\u00a0";

/** Three days of a small export whose spend adds up to 118.99 in `currency`. */
function exportIn(currency: string): string {
  return [
    `Day,Campaign name,Amount spent (${currency}),Impressions,Link clicks,Purchases,Purchase conversion value`,
    "2026-05-05,Prospecting,40.00,1000,50,2,150.00",
    "2026-05-06,Prospecting,38.50,1200,40,1,99.90",
    "2026-05-07,Retargeting,40.49,900,30,3,210.00",
  ].join("\n");
}

let harness: Harness;
let ana: string;
let maria: string;
let channel: string;

beforeAll(async () => {
  harness = await startHarness();
  const { emulator } = harness;
  ana = emulator.createUser({ name: "ana", locale: "pt-BR", tz: "America/Sao_Paulo" }).id;
  maria = emulator.createUser({ name: "maria", locale: "en-US" }).id;
  channel = emulator.createChannel({ name: "growth", members: [ana, maria], withBot: true }).id;
});
afterAll(async () => harness?.close());

async function upload(user: string, filename: string, content: string) {
  const { shared, analysis } = await shareExport(harness.emulator, { user, channel, filename, content });
  return { shared, text: `${analysis.text}\n${blockText(analysis.blocks)}` };
}

/** Asks in a thread and returns the analyst's answer (about CPA) as the person reads it. */
async function ask(user: string, threadTs: string, question: string): Promise<string> {
  const { emulator } = harness;
  const asked = emulator.postMessage({ user, channel, threadTs, text: question });
  const answer = await emulator.waitFor(
    (transcript) =>
      transcript.messages.find(
        (message) =>
          message.channel === channel &&
          message.threadTs === threadTs &&
          Number(message.ts) > Number(asked.ts) &&
          message.user === transcript.bot.userId &&
          /CPA/.test(`${message.text}\n${blockText(message.blocks)}`),
      ),
    { timeoutMs: 20_000 },
  );
  return `${answer.text}\n${blockText(answer.blocks)}`;
}

describe("figures in the reader's locale and the data's currency", () => {
  it("a Brazilian reader sees R$ 118,99 where an American reader sees R$118.99, from the same file", async () => {
    const brazilian = await upload(ana, "vendas-maio.csv", exportIn("BRL"));
    expect(brazilian.text).toContain(`*Spend*\nR$${NBSP}118,99`);
    expect(brazilian.text).toMatch(/\*CTR\*\n3,87%/);
    expect(brazilian.text).not.toContain("118.99");

    const american = await upload(maria, "sales-may.csv", exportIn("BRL"));
    expect(american.text).toContain("*Spend*\nR$118.99");
    expect(american.text).toMatch(/\*CTR\*\n3\.87%/);
  });

  it("the currency is the file's: dollars for a USD file, euros for a EUR file, whoever reads", async () => {
    const dollars = await upload(maria, "usd.csv", exportIn("USD"));
    expect(dollars.text).toContain("*Spend*\n$118.99");
    const dollarsForAna = await upload(ana, "usd-ana.csv", exportIn("USD"));
    expect(dollarsForAna.text).toContain(`*Spend*\nUS$${NBSP}118,99`);
    const euros = await upload(maria, "eur.csv", exportIn("EUR"));
    expect(euros.text).toContain("*Spend*\n€118.99");
    expect(euros.text).not.toMatch(/\$/);
  });

  it("answers in a thread are written for the asker, and every figure is still checked", async () => {
    const { shared } = await upload(maria, "thread.csv", exportIn("BRL"));
    const forAna = await ask(ana, shared.ts, "what was the total spend and cpa?");
    expect(forAna).toContain(`R$${NBSP}118,99`);
    expect(forAna).toContain(`R$${NBSP}19,83`);
    expect(forAna).not.toMatch(/not found in|unverified/i);
    const forMaria = await ask(maria, shared.ts, "what was the total spend and cpa?");
    expect(forMaria).toContain("R$118.99");
    expect(forMaria).toContain("R$19.83");
  });

  it("/report and App Home follow the person who asked for them", async () => {
    const { emulator } = harness;
    await upload(maria, "latest.csv", exportIn("BRL"));
    const seen = emulator.transcript().messages.length;
    await emulator.runSlashCommand({ user: ana, channel, command: "/report", text: "" });
    const report = await emulator.waitFor(
      (transcript) =>
        transcript.messages
          .slice(seen)
          .find((message) => message.channel === channel && /Performance report/.test(message.text)),
      { timeoutMs: 20_000 },
    );
    expect(blockText(report.blocks)).toContain(`R$${NBSP}118,99`);

    expect(await appHomeText(emulator, ana)).toContain(`*Spend*\nR$${NBSP}118,99`);
    expect(await appHomeText(emulator, maria)).toContain("*Spend*\nR$118.99");
  });
});
