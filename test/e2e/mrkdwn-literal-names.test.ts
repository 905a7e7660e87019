import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, postWebhook, shareExport, startHarness } from "./app-harness.js";
import { losingLiveRows, parsedTexts } from "./markup-corpus.js";

/**
 * Campaign names with mrkdwn's formatting marks, in the mrkdwn Slack draws itself (not the analyst's Markdown):
 * the upload reply's and /report's sections, alerts and their fallback text, `/alert` replies and App Home.
 * mrkdwn has no escape, so each mark that could format becomes its look-alike: the name reads as written.
 */
const ODD = "*Brand*_Search_";
const STRUCK = "~Old~ Promo";
const EMOJI = ":fire: Sale";
const SHOWN_ODD = "∗Brand∗ˍSearchˍ";
const SHOWN_STRUCK = "∼Old∼ Promo";
/** What Slack would draw as bold, italics, strike-through, code or an emoji if a name reached it raw. */
const RAW = ["*Brand*", "_Search_", "~Old~", ":fire:"];

function csv(): string {
  const lines = ["Date,Campaign,Cost (USD),Impressions,Clicks,Conversions,Revenue (USD)"];
  const campaigns = [
    { name: ODD, spend: 200, revenue: 900 },
    { name: STRUCK, spend: 120, revenue: 260 },
    { name: EMOJI, spend: 90, revenue: 300 },
    { name: "Display", spend: 150, revenue: 180 },
  ];
  for (let day = 1; day <= 10; day++) {
    const date = `2024-04-${String(day).padStart(2, "0")}`;
    for (const { name, spend, revenue } of campaigns)
      lines.push(
        `${date},"${name}",${spend + day}.50,8000,${300 + day},${12 + (day % 3)},${revenue + day * 7}.25`,
      );
  }
  return `${lines.join("\n")}\n`;
}

function expectShownAsWritten(texts: readonly string[]): void {
  const all = texts.join("\n");
  for (const raw of RAW) expect(all, all.slice(0, 400)).not.toContain(raw);
}

describe("campaign names with mrkdwn's marks", () => {
  let harness: Harness;
  let user: string;
  let channel: string;

  beforeAll(async () => {
    harness = await startHarness();
    user = harness.emulator.createUser({ name: "maria", realName: "Maria Marketer" }).id;
    channel = harness.emulator.createChannel({ name: "marketing", members: [user], withBot: true }).id;
  });
  afterAll(async () => harness?.close());

  it("read as written in the upload reply and the /report sections", async () => {
    const { analysis } = await shareExport(harness.emulator, {
      user,
      channel,
      filename: "april_*final*.csv",
      content: csv(),
    });
    const upload = parsedTexts(analysis);
    // The header is plain text; with no emoji codes read in it, a name like ":fire: Sale" stays as typed.
    expect(analysis.blocks?.[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", emoji: false },
    });
    expect(upload.join("\n")).toContain(SHOWN_ODD);
    expect(upload.join("\n")).toContain("aprilˍ∗final∗.csv");
    expectShownAsWritten(upload);

    await harness.emulator.runSlashCommand({ user, channel, command: "/report", text: "by campaign" });
    const report = await harness.emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 30_000 },
    );
    const sections = parsedTexts(report);
    // The app's own headings stay bold; only the names lose their marks.
    expect(sections.join("\n")).toMatch(/\*Best campaigns by [^*]+\*/);
    expect(sections.join("\n")).toContain(SHOWN_ODD);
    expect(sections.join("\n")).toContain(SHOWN_STRUCK);
    expectShownAsWritten(sections);
  });

  it("read as written in an alert, its fallback text, its rule and /alert's replies", async () => {
    const { emulator } = harness;
    const seen = emulator.transcript().ephemerals.length;
    await emulator.runSlashCommand({
      user,
      channel,
      command: "/alert",
      text: `add roas < 2 window 1d for campaign ${ODD}`,
    });
    const added = await emulator.waitFor(
      (transcript) => transcript.ephemerals.slice(seen).find((message) => message.user === user),
      { timeoutMs: 20_000 },
    );
    expect(added.text).toContain(`for campaign ${SHOWN_ODD}`);
    expectShownAsWritten([added.text]);

    const records = losingLiveRows([ODD, STRUCK]);
    const response = await postWebhook(harness, JSON.stringify({ source: "utm", records }));
    expect(response.status).toBeLessThan(300);
    const alert = await harness.emulator.waitForMessage(
      { channel, fromBot: true, text: /^Alert/ },
      { timeoutMs: 30_000 },
    );
    const texts = parsedTexts(alert);
    expect(alert.text).toContain(SHOWN_ODD);
    // The rule is shown as code to copy: there its marks are already inert, so they stay as typed.
    expect(texts.join("\n")).toContain(`\`roas < 2 for campaign "${ODD}"\``.replace("<", "&lt;"));
    expectShownAsWritten(texts.filter((text) => !text.startsWith("Rule ")));
  });

  it("read as written in App Home", async () => {
    harness.emulator.openAppHome(user);
    const home = await harness.emulator.waitFor(
      () => harness.emulator.transcript().homeViews.find((view) => view.user === user),
      { timeoutMs: 10_000 },
    );
    const texts = parsedTexts({ blocks: home.blocks });
    expect(texts.join("\n")).toContain("aprilˍ∗final∗.csv");
    expectShownAsWritten(texts);
  });
});
