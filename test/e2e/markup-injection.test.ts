import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callsReply, type ScriptedGemini, startScriptedGemini, textReply } from "../agent/scripted-gemini.js";
import { type Harness, postWebhook, shareExport, startHarness } from "./app-harness.js";
import {
  expectInertMarkdown,
  expectNoLiveMarkup,
  HOSTILE_NAMES,
  hostileCsv,
  losingLiveRows,
  markdownTexts,
  parsedTexts,
} from "./markup-corpus.js";

/**
 * Campaign names carrying Slack markup go through every message the app posts: the upload reply, answers
 * (offline and by a scripted Gemini that repeats the markup), the suggested-question echo, `/report` (its
 * narrative offline and by Gemini), alerts and their fallbacks, and App Home. None may come out live,
 * neither in mrkdwn nor in the markdown blocks that hold the analyst's prose (answers and narratives).
 */
const FILE_NAME = "Q2 <!here> export.csv";

interface Place {
  harness: Harness;
  user: string;
  channel: string;
}

async function seed(harness: Harness): Promise<Place> {
  const user = harness.emulator.createUser({ name: "maria", realName: "Maria Marketer" });
  const channel = harness.emulator.createChannel({ name: "marketing", members: [user.id], withBot: true });
  return { harness, user: user.id, channel: channel.id };
}

async function upload({ harness, user, channel }: Place) {
  const { shared, analysis } = await shareExport(harness.emulator, {
    user,
    channel,
    filename: FILE_NAME,
    content: hostileCsv(),
  });
  expect(analysis.text).toMatch(/^Analysis of/);
  return { shared, analysis };
}

async function ask({ harness, user, channel }: Place, threadTs: string, text: string, answer: RegExp) {
  const asked = harness.emulator.postMessage({ user, channel, threadTs, text });
  return harness.emulator.waitForMessage(
    { channel, threadTs, fromBot: true, after: asked.ts, text: answer, finished: true },
    { timeoutMs: 30_000 },
  );
}

async function report({ harness, user, channel }: Place) {
  await harness.emulator.runSlashCommand({ user, channel, command: "/report", text: "by campaign" });
  return harness.emulator.waitForMessage(
    { channel, fromBot: true, text: /Performance report/ },
    { timeoutMs: 30_000 },
  );
}

/**
 * Every message the bot has live in the workspace, and every App Home it published; their markdown blocks
 * are checked here, as they follow Markdown's rules rather than mrkdwn's.
 */
function everythingPosted(harness: Harness): string[] {
  const { emulator } = harness;
  expectInertMarkdown(emulator.messages({ fromBot: true }).flatMap(markdownTexts));
  return [
    ...emulator.messages({ fromBot: true }).flatMap(parsedTexts),
    ...emulator.transcript().homeViews.flatMap((view) => parsedTexts({ blocks: view.blocks })),
  ];
}

function blockTypes(message: { blocks?: unknown[] }): string[] {
  return (message.blocks ?? []).map((block) => (block as { type: string }).type);
}

function allowedTokens(place: Place): string[] {
  return [`<@${place.user}>`, `<#${place.channel}>`];
}

describe("hostile campaign names, offline analyst", () => {
  let offline: Place;
  beforeAll(async () => {
    offline = await seed(await startHarness());
  });
  afterAll(async () => offline?.harness.close());

  let shared: { ts: string };
  let analysis: { ts: string };

  it("come out inert in the upload reply", async () => {
    ({ shared, analysis } = await upload(offline));
    expectNoLiveMarkup(everythingPosted(offline.harness), allowedTokens(offline));
  });

  it("come out inert in offline answers and the suggested-question echo", async () => {
    const { harness } = offline;
    const best = await ask(offline, shared.ts, "Which campaigns had the best ROAS?", /ROAS/i);
    const top = await ask(offline, shared.ts, "Top 10 campaigns by spend", /spend/i);
    expect([...parsedTexts(best), ...parsedTexts(top)].join("\n")).toMatch(/&lt;(!|@U1|#C1|https)/);
    const answers = [...markdownTexts(best), ...markdownTexts(top)].join("\n");
    expect(answers).toMatch(/^\*\*[^\n]*\*\*/m);
    // Emphasis and code characters of a name are escaped too: Slack shows the name as written.
    expect(answers).toContain(
      "&lt;!channel&gt; \\*Bold\\* \\_Sale\\_ &lt;http\\://evil|click&gt; \\`tick\\`",
    );
    expect(answers).toContain("&lt;https\\://evil.example/login|Reconnect your Google Ads account&gt;");
    // Streamed, final, and with no byline under it: the offline analyst's reading line says enough. A
    // ranking of all the data is no weekly summary, so no "Send this every Monday" button follows it either.
    expect(top.stream?.state).toBe("completed");
    expect(top.edited).toBeUndefined();
    expect(blockTypes(top)).toEqual([]);
    await harness.emulator.clickButton({
      user: offline.user,
      channel: offline.channel,
      ts: analysis.ts,
      actionId: "ask_suggested:1",
    });
    await harness.emulator.waitForMessage(
      { channel: offline.channel, threadTs: shared.ts, fromBot: true, text: /asked:/ },
      { timeoutMs: 30_000 },
    );
    await harness.emulator.idle();
    expectNoLiveMarkup(everythingPosted(harness), allowedTokens(offline));
  });

  it("come out inert in /report", async () => {
    const posted = await report(offline);
    expect(posted.text).toMatch(/^Performance report/);
    const narrative = markdownTexts(posted).join("\n");
    // The report's narrative adds next actions only: the figures are shown above it.
    expect(narrative).toMatch(/^## Next actions/);
    expect(narrative).toMatch(/\*\*[^*\n]*(&lt;|&amp;|\\`)/);
    expectNoLiveMarkup(everythingPosted(offline.harness), allowedTokens(offline));
  });

  it("come out inert in alerts and their fallback text", async () => {
    const { harness } = offline;
    await harness.emulator.runSlashCommand({
      user: offline.user,
      channel: offline.channel,
      command: "/alert",
      text: "add roas < 2 window 1d by campaign",
    });
    const body = JSON.stringify({ source: "utm", records: losingLiveRows(HOSTILE_NAMES) });
    const response = await postWebhook(harness, body);
    expect(response.status).toBeLessThan(300);
    const alert = await harness.emulator.waitForMessage(
      { channel: offline.channel, fromBot: true, text: /^Alert/ },
      { timeoutMs: 30_000 },
    );
    expect(alert.text).toMatch(/^Alert: /);
    await harness.emulator.idle();
    const alerts = harness.emulator.messages({ channel: offline.channel, fromBot: true });
    expect(alerts.filter((message) => /^Alert: .*&lt;/.test(message.text)).length).toBeGreaterThan(0);
    expectNoLiveMarkup(everythingPosted(harness), allowedTokens(offline));
  });

  it("come out inert in the assistant's greeting, and are never offered as its prompts", async () => {
    const { emulator } = offline.harness;
    const thread = emulator.startAssistantThread({ user: offline.user, contextChannel: offline.channel });
    const greeting = await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true },
      { timeoutMs: 10_000 },
    );
    expect(greeting.text).toContain("Q2 &lt;!here&gt; export.csv");
    const prompts = await emulator.waitFor(
      () => emulator.transcript().prompts.find((entry) => entry.channel === thread.channel),
      { timeoutMs: 10_000 },
    );
    expect(prompts.prompts.length).toBeGreaterThan(0);
    expect(JSON.stringify(prompts.prompts)).not.toMatch(/[<>]/);
    expectNoLiveMarkup(everythingPosted(offline.harness), allowedTokens(offline));
  });

  it("are never left to chat.update's client-style parsing of text: no message is edited at all", () => {
    const updates = offline.harness.emulator
      .transcript()
      .apiCalls.filter((call) => call.method === "chat.update");
    expect(updates).toEqual([]);
  });

  it("come out inert in App Home", async () => {
    const { harness } = offline;
    harness.emulator.openAppHome(offline.user);
    await harness.emulator.waitFor(
      () => harness.emulator.transcript().homeViews.find((view) => view.user === offline.user),
      { timeoutMs: 10_000 },
    );
    const texts = everythingPosted(harness);
    const shown = [...texts, ...harness.emulator.messages({ fromBot: true }).flatMap(markdownTexts)].join(
      "\n",
    );
    expect(shown).toMatch(/&lt;!channel&gt; Spring/);
    expect(shown).toMatch(/Tom &amp;amp; Jerry &amp; Co/);
    expectNoLiveMarkup(texts, allowedTokens(offline));
  });
});

describe("hostile campaign names and a model that repeats them", () => {
  let gemini: ScriptedGemini;
  let place: Place;
  const INJECTED =
    "Overall ROAS is fine. <!channel> please scale <https://evil.example/login|Reconnect your Google Ads account> and ping <@U1> in <#C1>.";
  beforeAll(async () => {
    gemini = await startScriptedGemini([
      callsReply([{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top" } }]),
      textReply(`**Best:** <!channel> Spring leads. ${INJECTED}`),
      textReply(
        `## Headline\n${INJECTED}\n- [Reconnect now](https://evil.example/login)\n> <!everyone> quoted`,
      ),
    ]);
    place = await seed(
      await startHarness({
        GEMINI_API_KEY: "test-gemini-key-not-real",
        GEMINI_BASE_URL: gemini.baseUrl,
        GEMINI_MODEL: "gemini-test",
      }),
    );
  });
  afterAll(async () => {
    await place?.harness.close();
    await gemini?.close();
  });

  it("come out inert in Gemini's answer and its /report narrative, formatting kept", async () => {
    const { shared } = await upload(place);
    const answer = await ask(place, shared.ts, "Which campaign has the best ROAS?", /Best/);
    expect(markdownTexts(answer).join("\n")).toContain("**Best:** &lt;!channel&gt; Spring leads.");
    expect(answer.stream?.state).toBe("completed");
    const posted = await report(place);
    const narrative = markdownTexts(posted).join("\n");
    expect(narrative).toMatch(/^## Headline\nOverall ROAS is fine\. &lt;!channel&gt; please scale/);
    expect(narrative).toContain("- \\[Reconnect now\\](https\\://evil.example/login)");
    expect(narrative).toContain("> &lt;!everyone&gt; quoted");
    await place.harness.emulator.idle();
    expect(gemini.requests.length).toBe(3);
    expectNoLiveMarkup(everythingPosted(place.harness), allowedTokens(place));
  });
});
