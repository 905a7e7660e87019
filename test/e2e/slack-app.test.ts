import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { slackSignature } from "@mpo/slack-sandbox/emulator";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

const repository = join(import.meta.dirname, "../..");
const realExports = join(repository, "../shared/real-exports");
const hasRealExports = existsSync(realExports);
if (!hasRealExports)
  console.warn(`slack e2e: ${realExports} is absent, so the real-export uploads are skipped`);

let harness: Harness;
let channelId: string;
let userId: string;

beforeAll(async () => {
  harness = await startHarness();
  const { user, channel } = seedChannel(harness.emulator);
  channelId = channel.id;
  userId = user.id;
});
afterAll(async () => harness?.close());

/** Uploads a file as a person and waits until the analysis and its charts are in the file's thread. */
function upload(filename: string, content: Buffer | string) {
  return shareExport(harness.emulator, { user: userId, channel: channelId, filename, content });
}

async function chartsIn(threadTs: string, count = 1) {
  const { emulator } = harness;
  const message = await emulator.waitForMessage(
    { channel: channelId, threadTs, fromBot: true, withFiles: true },
    { timeoutMs: 20_000 },
  );
  expect(message.files.length).toBeGreaterThanOrEqual(count);
  for (const id of message.files) {
    const file = emulator.file(id);
    expect(file?.name).toMatch(/\.png$/);
    const meta = await sharp(file?.bytes).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(1600);
  }
  return message;
}

describe("uploading an export", () => {
  it("replies in the file's thread with the reading, the KPIs and charts (a generated sample)", async () => {
    const csv = readFileSync(join(repository, "samples/meta-ads-daily-export.csv"));
    const { shared, analysis } = await upload("meta-ads-daily-export.csv", csv);
    const text = blockText(analysis.blocks);
    expect(text).toContain("📊 meta-ads-daily-export.csv");
    expect(text).toMatch(/Read as Meta Ads, UTF-8, comma-separated, [\d,]+ rows/);
    expect(text).toMatch(/\*Spend\*\n\$[\d,]+\.\d\d/);
    expect(text).toMatch(/\*ROAS\*\n[\d.]+x/);
    // Three campaigns are too few to call one best; the promotion on retargeting is the story.
    expect(text).not.toMatch(/Best campaigns/);
    expect(text).toMatch(/\*What stands out\*\n• Retargeting - Cart abandoners revenue rose \d+% Sep 1[2-5]/);
    await chartsIn(shared.ts, 2);
  });

  it.skipIf(!hasRealExports).each([
    ["google-ads-campaign-report-calpreserving/Campaign report.csv", "$199,421", "Google Ads, UTF-8"],
    [
      "google-ads-ptbr-utf16-2021/Relatorio de campanha (utf16).csv",
      "R$1,654.43",
      "Google Ads, UTF-16LE, tab-separated",
    ],
    ["meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv", "$5,322.65", "Meta Ads, UTF-8"],
  ])("reads the real export %s and states its total spend", async (path, spend, reading) => {
    const { shared, analysis } = await upload(
      path.split("/").pop() as string,
      readFileSync(join(realExports, path)),
    );
    const text = blockText(analysis.blocks);
    expect(text).toContain(reading);
    expect(text).toContain(`*Spend*\n${spend}`);
    await chartsIn(shared.ts);
  });

  it("explains a file it cannot read, in the thread, in plain words", async () => {
    const { analysis } = await upload("broken.csv", "just some words\nand more words\n");
    expect(blockText(analysis.blocks)).toMatch(/I couldn't read \*broken\.csv\*: no table found/);
  });

  it("ignores files that are not CSV", async () => {
    const { emulator } = harness;
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const shared = emulator.uploadFile({
      user: userId,
      channel: channelId,
      filename: "photo.png",
      content: png,
    });
    // Events are worked off in order: by the time a CSV shared after the photo is analysed, the photo's
    // events (ignored at once) have been handled.
    await upload("after-the-photo.csv", "Campaign,Cost\nA,1\nB,2\n");
    expect(emulator.messages({ channel: channelId, threadTs: shared.ts, fromBot: true })).toEqual([]);
    expect(
      await harness.app.store.findDatasetByFile(
        emulator.transcript().files.find((file) => file.name === "photo.png")?.id ?? "",
      ),
    ).toBeNull();
  });
});

/** A Google Ads-like download: a notes sheet first, then the report under its title lines. */
async function googleAdsWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Notes").getCell("A1").value = "Downloaded from Google Ads";
  const sheet = book.addWorksheet("Campaigns");
  const rows: ExcelJS.CellValue[][] = [
    ["Campaign report"],
    ["March 1, 2024 - March 2, 2024"],
    ["Day", "Campaign", "Currency code", "Impr.", "Clicks", "Cost", "Conversions", "Conv. value"],
    [new Date("2024-03-01T00:00:00Z"), "Brand", "USD", 1000, 50, 25, 5, 250],
    [new Date("2024-03-02T00:00:00Z"), "Generic", "USD", 2000, 40, 40.5, 2, 60],
    ["Total: Campaigns", null, "USD", 3000, 90, 65.5, 7, 310],
  ];
  rows.forEach((row, i) => {
    sheet.getRow(i + 1).values = row;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("uploading a spreadsheet", () => {
  it("analyses an .xlsx like a CSV, naming the sheet it read", async () => {
    const { shared, analysis } = await upload("campaigns.xlsx", await googleAdsWorkbook());
    const text = blockText(analysis.blocks);
    expect(text).toContain("📊 campaigns.xlsx");
    expect(text).toMatch(/Read as Google Ads, xlsx, sheet "Campaigns", 2 rows, 1 summary\/note rows dropped/);
    expect(text).toContain("*Spend*\n$65.50");
    expect(await harness.app.store.findDatasetByFile(shared.fileId)).not.toBeNull();
  });

  it("answers a legacy .xls with how to fix it instead of ignoring it", async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const { analysis } = await upload("old-report.xls", xls);
    expect(blockText(analysis.blocks)).toMatch(
      /I couldn't read \*old-report\.xls\*: this is a legacy Excel workbook \(\.xls\).*save it as \.xlsx or CSV/,
    );
  });
});

describe("questions", () => {
  it("answers a follow-up in the thread from the same dataset, and again after a restart", async () => {
    const csv = readFileSync(join(repository, "samples/google-ads-campaign-totals.csv"));
    const { shared, analysis } = await upload("google-ads-campaign-totals.csv", csv);
    const spend = /\*Spend\*\n(\$[\d,.]+)/.exec(blockText(analysis.blocks))?.[1];
    expect(spend).toBeDefined();

    const { emulator } = harness;
    const question = emulator.postMessage({
      user: userId,
      channel: channelId,
      text: "What was the total spend?",
      threadTs: shared.ts,
    });
    const answer = await emulator.waitForMessage(
      { channel: channelId, threadTs: shared.ts, fromBot: true, after: question.ts, text: /spend/i },
      { timeoutMs: 20_000 },
    );
    expect(answer.text).toContain(spend);

    await harness.restart();
    const again = emulator.postMessage({
      user: userId,
      channel: channelId,
      text: "Which campaign had the highest spend?",
      threadTs: shared.ts,
    });
    const answerAfterRestart = await emulator.waitForMessage(
      { channel: channelId, threadTs: shared.ts, fromBot: true, after: again.ts, text: /campaign/i },
      { timeoutMs: 20_000 },
    );
    expect(answerAfterRestart.text).not.toMatch(/don't have any data/);
  });

  it("answers a mention in a channel from the channel's latest dataset", async () => {
    const { emulator } = harness;
    const mention = emulator.postMessage({
      user: userId,
      channel: channelId,
      text: `${emulator.botMention} what is the total spend?`,
    });
    const answer = await emulator.waitForMessage(
      { channel: channelId, threadTs: mention.ts, fromBot: true, text: /spend/i },
      { timeoutMs: 20_000 },
    );
    expect(answer.text).toMatch(/\$[\d,]+/);
  });
});

describe("slash commands, home and delivery", () => {
  it("/report posts the whole picture with charts in its thread", async () => {
    const { emulator } = harness;
    await emulator.runSlashCommand({
      user: userId,
      channel: channelId,
      command: "/report",
      text: "by campaign",
    });
    const report = await emulator.waitForMessage(
      { channel: channelId, fromBot: true, text: /Performance report/ },
      { timeoutMs: 20_000 },
    );
    const text = blockText(report.blocks);
    expect(text).toContain("📈 Performance report");
    expect(text).toMatch(/\*Spend\*/);
    expect(text).toMatch(/Headline|What stands out|Next actions/);
    await chartsIn(report.ts);
  });

  it("/report answers bad arguments with usage help, only to the person", async () => {
    const result = await harness.emulator.runSlashCommand({
      user: userId,
      channel: channelId,
      command: "/report",
      text: "by",
    });
    expect(JSON.stringify(result.responseBody)).toMatch(/Usage/);
    expect(JSON.stringify(result.responseBody)).toMatch(/ephemeral/);
  });

  it("publishes App Home with the workspace's datasets", async () => {
    const { emulator } = harness;
    emulator.openAppHome(userId);
    const view = await emulator.waitFor(
      () =>
        emulator
          .transcript()
          .homeViews?.find?.(
            (home: { userId?: string; user?: string }) => (home.userId ?? home.user) === userId,
          ),
      { timeoutMs: 10_000 },
    );
    expect(JSON.stringify(view)).toContain("Datasets");
    expect(JSON.stringify(view)).toContain("meta-ads-daily-export.csv");
  });

  it("refuses unsigned and stale requests with 401", async () => {
    const url = `http://127.0.0.1:${harness.app.port}/slack/events`;
    const body = JSON.stringify({ type: "event_callback", event: { type: "app_mention" } });
    const unsigned = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expect(unsigned.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    const staleResponse = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(stale),
        "x-slack-signature": slackSignature(SIGNING_SECRET, stale, body),
      },
    });
    expect(staleResponse.status).toBe(401);
  });

  it("answers a redelivered event once", async () => {
    const { emulator } = harness;
    const url = `http://127.0.0.1:${harness.app.port}/slack/events`;
    const ts = `${Math.floor(Date.now() / 1000)}.000900`;
    const envelope = JSON.stringify({
      token: "x",
      team_id: emulator.teamId,
      api_app_id: emulator.appId,
      type: "event_callback",
      event_id: "Ev0DUPLICATE1",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: userId,
        text: `${emulator.botMention} total spend?`,
        ts,
        channel: channelId,
        event_ts: ts,
      },
    });
    for (const retry of [undefined, "1", "2"]) {
      const now = Math.floor(Date.now() / 1000);
      const response = await fetch(url, {
        method: "POST",
        body: envelope,
        headers: {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(now),
          "x-slack-signature": slackSignature(SIGNING_SECRET, now, envelope),
          ...(retry ? { "x-slack-retry-num": retry, "x-slack-retry-reason": "http_timeout" } : {}),
        },
      });
      expect(response.status).toBe(200);
    }
    await emulator.waitForMessage(
      { channel: channelId, threadTs: ts, fromBot: true, text: /spend/i },
      { timeoutMs: 20_000 },
    );
    await emulator.idle();
    const replies = emulator.messages({ channel: channelId, threadTs: ts, fromBot: true });
    expect(replies).toHaveLength(1);
  });
});
