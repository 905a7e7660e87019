import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedChannel, startEmulator, webClient } from "./helpers.js";

let emulator: SlackEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe("streamed answers", () => {
  it("records chat.startStream/appendStream/stopStream as one message through WebClient's chatStream", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "why did CPA rise?" });
    const streamer = client.chatStream({
      channel: channel.id,
      thread_ts: question.ts,
      recipient_team_id: emulator.teamId,
      recipient_user_id: user.id,
      buffer_size: 1,
    });
    await streamer.append({ markdown_text: "CPA rose " });
    await streamer.append({ markdown_text: "because **CVR** fell." });
    const stopped = await streamer.stop({
      blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: "offline analyst" }] }],
    });
    expect(stopped).toMatchObject({
      ok: true,
      message: { text: "CPA rose because **CVR** fell.", streaming_state: "completed" },
    });

    const [answer] = emulator.messages({ channel: channel.id, threadTs: question.ts, fromBot: true });
    expect(answer?.text).toBe("CPA rose because **CVR** fell.");
    expect(answer?.stream).toEqual({
      state: "completed",
      chunks: [
        { type: "markdown_text", text: "CPA rose " },
        { type: "markdown_text", text: "because **CVR** fell." },
      ],
    });
    await expect(
      client.chat.appendStream({ channel: channel.id, ts: streamer.ts as string, markdown_text: "late" }),
    ).rejects.toMatchObject({ data: { error: "message_not_in_streaming_state" } });
  });

  it("requires a recipient outside DMs", async () => {
    const { user, channel } = seedChannel(emulator);
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "q" });
    await expect(
      webClient(emulator).chat.startStream({
        channel: channel.id,
        thread_ts: question.ts,
        markdown_text: "a",
      }),
    ).rejects.toMatchObject({ data: { error: "missing_recipient_user_id" } });
  });
});

describe("assistant threads", () => {
  it("records statuses, prompts and titles, and clears the status when the bot replies", async () => {
    const client = webClient(emulator);
    const user = emulator.createUser({ name: "maria" });
    const thread = emulator.startAssistantThread({ user: user.id });
    const base = { channel_id: thread.channel, thread_ts: thread.threadTs };
    await client.assistant.threads.setStatus({
      ...base,
      status: "is analysing…",
      loading_messages: ["Reading the CSV"],
    });
    expect(emulator.transcript().statuses).toMatchObject([
      {
        channel: thread.channel,
        threadTs: thread.threadTs,
        status: "is analysing…",
        loadingMessages: ["Reading the CSV"],
      },
    ]);
    await client.assistant.threads.setSuggestedPrompts({
      ...base,
      title: "Try",
      prompts: [{ title: "Top campaigns", message: "Which campaigns spend most?" }],
    });
    await client.assistant.threads.setTitle({ ...base, title: "Meta export, May" });
    expect(emulator.transcript().prompts[0]?.prompts).toEqual([
      { title: "Top campaigns", message: "Which campaigns spend most?" },
    ]);
    expect(emulator.transcript().titles.map((t) => t.title)).toEqual(["Meta export, May"]);

    await client.chat.postMessage({
      channel: thread.channel,
      thread_ts: thread.threadTs,
      text: "Here it is",
    });
    expect(emulator.transcript().statuses.at(-1)?.status).toBe("");
    await expect(
      client.assistant.threads.setStatus({ channel_id: thread.channel, thread_ts: "1.000001", status: "x" }),
    ).rejects.toMatchObject({ data: { error: "invalid_thread_ts" } });
  });
});

describe("views", () => {
  it("publishes the Home tab, which app_home_opened then carries", async () => {
    const client = webClient(emulator);
    const user = emulator.createUser({ name: "maria" });
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Datasets*" } }];
    const published = await client.views.publish({ user_id: user.id, view: { type: "home", blocks } });
    expect(published.view).toMatchObject({ type: "home", blocks, app_id: emulator.appId });
    await expect(
      client.views.publish({ user_id: user.id, hash: "stale", view: { type: "home", blocks } }),
    ).rejects.toMatchObject({ data: { error: "hash_conflict" } });
    await expect(
      client.views.publish({ user_id: "U0NOBODY", view: { type: "home", blocks } }),
    ).rejects.toMatchObject({
      data: { error: "invalid_arguments" },
    });

    emulator.openAppHome(user.id);
    const opened = emulator.transcript().events.find((e) => e.type === "app_home_opened");
    expect(opened?.event).toMatchObject({
      user: user.id,
      tab: "home",
      view: { id: published.view?.id, blocks },
    });
  });

  it("opens modals only with a fresh trigger_id", async () => {
    await expect(
      webClient(emulator).views.open({
        trigger_id: "12345.98765.abcdef",
        view: { type: "modal", title: { type: "plain_text", text: "x" }, blocks: [] },
      }),
    ).rejects.toMatchObject({ data: { error: "invalid_trigger_id" } });
  });
});
