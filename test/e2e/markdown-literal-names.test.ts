import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownToPlain } from "../../src/format/markdown-to-plain.js";
import { callsReply, type ScriptedGemini, startScriptedGemini, textReply } from "../agent/scripted-gemini.js";
import { type Harness, shareExport, startHarness } from "./app-harness.js";
import { expectInertMarkdown, markdownTexts } from "./markup-corpus.js";

/**
 * Campaign names with Markdown's emphasis and code characters, in the answers and the /report narrative the
 * offline analyst writes: Slack must show them as written, not as bold, italics or code.
 */
const ODD_NAME = "*Brand*_Search_ `x`";
const PLAIN_NAME = "Prospecting Video";

/** The odd name has the best ROAS, so the narrative names it; the report ranks four campaigns or more. */
function csv(): string {
  const lines = ["Date,Campaign,Cost (USD),Impressions,Clicks,Conversions,Revenue (USD)"];
  const campaigns = [
    { name: `"${ODD_NAME}"`, spend: 200, revenue: 900 },
    { name: PLAIN_NAME, spend: 120, revenue: 260 },
    { name: "Retargeting", spend: 90, revenue: 300 },
    { name: "Display", spend: 150, revenue: 180 },
  ];
  for (let day = 1; day <= 10; day++) {
    const date = `2024-04-${String(day).padStart(2, "0")}`;
    for (const { name, spend, revenue } of campaigns)
      lines.push(
        `${date},${name},${spend + day}.50,8000,${300 + day},${12 + (day % 3)},${revenue + day * 7}.25`,
      );
  }
  return `${lines.join("\n")}\n`;
}

/** Maria's channel with the export shared in it; its thread is where she asks. */
async function shareApril(harness: Harness): Promise<{ user: string; channel: string; threadTs: string }> {
  const user = harness.emulator.createUser({ name: "maria", realName: "Maria Marketer" }).id;
  const channel = harness.emulator.createChannel({ name: "marketing", members: [user], withBot: true }).id;
  const { shared } = await shareExport(harness.emulator, {
    user,
    channel,
    filename: "april.csv",
    content: csv(),
  });
  return { user, channel, threadTs: shared.ts };
}

/** The Markdown of the `/report by campaign` Maria runs in her channel. */
async function reportNarrative(harness: Harness, user: string, channel: string): Promise<string> {
  await harness.emulator.runSlashCommand({ user, channel, command: "/report", text: "by campaign" });
  const posted = await harness.emulator.waitForMessage(
    { channel, fromBot: true, text: /Performance report/ },
    { timeoutMs: 30_000 },
  );
  return markdownTexts(posted).join("\n");
}

describe("data values in the analyst's Markdown", () => {
  let harness: Harness;
  let user: string;
  let channel: string;
  let threadTs: string;

  beforeAll(async () => {
    harness = await startHarness();
    ({ user, channel, threadTs } = await shareApril(harness));
  });
  afterAll(async () => harness?.close());

  it("show a campaign named with *, _ and backticks as written in an answer", async () => {
    const asked = harness.emulator.postMessage({ user, channel, threadTs, text: "Top campaigns by spend" });
    const answer = await harness.emulator.waitForMessage(
      { channel, threadTs, fromBot: true, after: asked.ts, text: /spend/i, finished: true },
      { timeoutMs: 30_000 },
    );
    const markdown = markdownTexts(answer).join("\n");
    expect(markdown).toContain("\\*Brand\\*\\_Search\\_ \\`x\\`");
    expectInertMarkdown([markdown]);
    // Read as Markdown, the name keeps every character: nothing became emphasis or code.
    expect(markdownToPlain(markdown)).toContain(ODD_NAME);
    expect(markdownToPlain(markdown)).toContain(PLAIN_NAME);
  });

  it("show it as written in the /report narrative", async () => {
    const narrative = await reportNarrative(harness, user, channel);
    expect(narrative).toContain("**\\*Brand\\*\\_Search\\_ \\`x\\`**");
    expect(markdownToPlain(narrative)).toContain(ODD_NAME);
  });
});

describe("data values Gemini quotes in its Markdown", () => {
  let harness: Harness;
  let gemini: ScriptedGemini;
  let user: string;
  let channel: string;
  let threadTs: string;

  beforeAll(async () => {
    gemini = await startScriptedGemini([
      callsReply([{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top" } }]),
      textReply(`**Best:** ${ODD_NAME} leads, ahead of ${PLAIN_NAME}.`),
      textReply(`## Next actions\n- Scale **${ODD_NAME}** in steps.`),
    ]);
    harness = await startHarness({
      GEMINI_API_KEY: "test-gemini-key-not-real",
      GEMINI_BASE_URL: gemini.baseUrl,
      GEMINI_MODEL: "gemini-test",
    });
    ({ user, channel, threadTs } = await shareApril(harness));
  });
  afterAll(async () => {
    await harness?.close();
    await gemini?.close();
  });

  it("show a name the model wrote raw as written, in its answer and its /report narrative", async () => {
    const asked = harness.emulator.postMessage({
      user,
      channel,
      threadTs,
      text: "Which campaign has the best ROAS?",
    });
    const answer = await harness.emulator.waitForMessage(
      { channel, threadTs, fromBot: true, after: asked.ts, text: /Best/, finished: true },
      { timeoutMs: 30_000 },
    );
    const said = markdownTexts(answer).join("\n");
    // The model's bold stays; the name's marks are escaped.
    expect(said).toContain("**Best:** \\*Brand\\*\\_Search\\_ \\`x\\` leads");
    expect(markdownToPlain(said)).toContain(`Best: ${ODD_NAME} leads`);

    const narrative = await reportNarrative(harness, user, channel);
    expect(narrative).toContain("**\\*Brand\\*\\_Search\\_ \\`x\\`**");
    expect(gemini.requests.length).toBe(3);
  });
});
