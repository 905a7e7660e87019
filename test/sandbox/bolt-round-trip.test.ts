import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { Assistant } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, type RunningApp, seedChannel, startBoltApp, startEmulator } from "./helpers.js";

let emulator: SlackEmulator;
let running: RunningApp | undefined;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await emulator.close();
});

describe("a Bolt app against the emulator", () => {
  it("hears an @mention and answers in its thread", async () => {
    const { user, channel } = seedChannel(emulator);
    running = await startBoltApp(emulator, (app) => {
      app.event("app_mention", async ({ event, say }) => {
        await say({ text: `You asked: ${event.text.replace(/<@[^>]+>\s*/, "")}`, thread_ts: event.ts });
      });
    });
    const asked = emulator.postMessage({
      user: user.id,
      channel: channel.id,
      text: `${emulator.botMention} ROAS?`,
    });
    const reply = await emulator.waitForMessage({ channel: channel.id, threadTs: asked.ts, fromBot: true });
    expect(reply.text).toBe("You asked: ROAS?");
    await emulator.idle();
    const deliveries = emulator.transcript().deliveries;
    expect(deliveries.map((d) => [d.label, d.outcome])).toEqual(
      expect.arrayContaining([
        ["message", "acked"],
        ["app_mention", "acked"],
      ]),
    );
    expect(deliveries.every((d) => d.outcome === "acked" && d.status === 200)).toBe(true);
  });

  it("runs a slash command: the acknowledgement shows to the user, response_url posts in the channel", async () => {
    const { user, channel } = seedChannel(emulator);
    running = await startBoltApp(emulator, (app) => {
      app.command("/report", async ({ command, ack, respond }) => {
        await ack(`Building the report for ${command.text}…`);
        await respond({ response_type: "in_channel", text: `Report (${command.text}): spend $1,234` });
      });
    });
    const result = await emulator.runSlashCommand({
      user: user.id,
      channel: channel.id,
      command: "/report",
      text: "last 7 days",
    });
    expect(result).toMatchObject({ outcome: "acked", status: 200 });
    expect(emulator.transcript().ephemerals).toMatchObject([
      {
        user: user.id,
        channel: channel.id,
        text: "Building the report for last 7 days…",
        source: "command_response",
      },
    ]);
    const report = await emulator.waitForMessage({ channel: channel.id, fromBot: true });
    expect(report.text).toBe("Report (last 7 days): spend $1,234");
  });

  it("tells the user when a slash command is not acknowledged in time", async () => {
    await emulator.close();
    emulator = await startEmulator({ ackTimeoutMs: 200 });
    const { user, channel } = seedChannel(emulator);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    running = await startBoltApp(
      emulator,
      (app) => {
        app.command("/report", async ({ ack }) => {
          await gate;
          await ack();
        });
      },
      { processBeforeResponse: true },
    );
    const result = await emulator.runSlashCommand({ user: user.id, channel: channel.id, command: "/report" });
    release();
    expect(result.outcome).toBe("http_timeout");
    expect(emulator.transcript().ephemerals.map((e) => [e.source, e.text])).toEqual([
      ["slackbot", '/report failed with the error "operation_timeout"'],
    ]);
  });

  it("delivers a button click and applies the response_url answer to the message", async () => {
    const { user, channel } = seedChannel(emulator);
    const clicks: unknown[] = [];
    running = await startBoltApp(emulator, (app) => {
      app.event("app_mention", async ({ event, say }) => {
        await say({
          thread_ts: event.ts,
          text: "Break down spend?",
          blocks: [
            { type: "section", block_id: "ask", text: { type: "mrkdwn", text: "Break down spend?" } },
            {
              type: "actions",
              block_id: "choices",
              elements: [
                {
                  type: "button",
                  action_id: "breakdown",
                  value: "campaign",
                  text: { type: "plain_text", text: "By campaign" },
                },
              ],
            },
          ],
        });
      });
      app.action("breakdown", async ({ ack, body, action, respond }) => {
        await ack();
        clicks.push({ body, action });
        const value = action.type === "button" ? action.value : "";
        await respond({ replace_original: true, text: `Spend by ${value}: Brand $800, Prospecting $434` });
      });
    });
    const asked = emulator.postMessage({
      user: user.id,
      channel: channel.id,
      text: `${emulator.botMention} spend`,
    });
    const prompt = await emulator.waitForMessage({ channel: channel.id, threadTs: asked.ts, fromBot: true });
    const result = await emulator.clickButton({
      user: user.id,
      channel: channel.id,
      ts: prompt.ts,
      actionId: "breakdown",
    });
    expect(result.outcome).toBe("acked");
    await emulator.waitFor((t) =>
      t.messages.find((m) => m.ts === prompt.ts && m.text.startsWith("Spend by campaign")),
    );
    expect(clicks).toMatchObject([
      {
        body: {
          type: "block_actions",
          user: { id: user.id },
          container: { type: "message", message_ts: prompt.ts, channel_id: channel.id, is_ephemeral: false },
          channel: { id: channel.id },
          message: { ts: prompt.ts },
        },
        action: { action_id: "breakdown", block_id: "choices", value: "campaign", type: "button" },
      },
    ]);
  });

  it("lets the app download an uploaded CSV with its token and upload a chart into the thread", async () => {
    const { user, channel } = seedChannel(emulator);
    running = await startBoltApp(emulator, (app) => {
      app.event("message", async ({ event, client }) => {
        if (event.subtype !== "file_share" || !event.files?.[0]) return;
        const download = await fetch(event.files[0].url_private_download as string, {
          headers: { Authorization: `Bearer ${BOT_TOKEN}` },
        });
        const rows = (await download.text()).trim().split("\n").length - 1;
        await client.files.uploadV2({
          channel_id: event.channel,
          thread_ts: event.ts,
          initial_comment: `Read ${rows} rows`,
          file: Buffer.from("89504e470d0a1a0a", "hex"),
          filename: "spend.png",
        });
      });
    });
    const csv = "date,campaign,spend\n2024-05-01,Brand,10\n2024-05-01,Prospecting,20\n";
    const upload = emulator.uploadFile({
      user: user.id,
      channel: channel.id,
      filename: "export.csv",
      content: csv,
    });
    const answer = await emulator.waitForMessage({
      channel: channel.id,
      threadTs: upload.ts,
      withFiles: true,
    });
    expect(answer.text).toBe("Read 2 rows");
    expect(emulator.file(answer.files[0] as string)).toMatchObject({
      name: "spend.png",
      mimetype: "image/png",
    });
    expect(emulator.transcript().fileAccesses).toEqual([
      expect.objectContaining({ fileId: upload.fileId, authorized: true }),
    ]);
  });

  it("drives Bolt's Assistant: thread started, prompts, status, title and answer", async () => {
    running = await startBoltApp(emulator, (app) => {
      app.assistant(
        new Assistant({
          threadStarted: async ({ say, setSuggestedPrompts }) => {
            await say("Hi! Drop an ad export here.");
            await setSuggestedPrompts({
              prompts: [{ title: "Top campaigns", message: "Which campaigns spend most?" }],
            });
          },
          userMessage: async ({ message, say, setStatus, setTitle }) => {
            const text = "text" in message ? (message.text ?? "") : "";
            await setTitle(text);
            await setStatus("is analysing…");
            await say(`Answering: ${text}`);
          },
        }),
      );
    });
    const user = emulator.createUser({ name: "maria" });
    const thread = emulator.startAssistantThread({ user: user.id });
    const greeting = await emulator.waitForMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      fromBot: true,
    });
    expect(greeting.text).toBe("Hi! Drop an ad export here.");
    const suggested = await emulator.waitFor((t) => t.prompts[0]);
    expect(suggested.prompts).toEqual([{ title: "Top campaigns", message: "Which campaigns spend most?" }]);
    const question = emulator.postMessage({
      user: user.id,
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: "Which campaigns spend most?",
    });
    const answer = await emulator.waitForMessage({
      channel: thread.channel,
      threadTs: thread.threadTs,
      after: question.ts,
      fromBot: true,
    });
    expect(answer.text).toBe("Answering: Which campaigns spend most?");
    const transcript = emulator.transcript();
    expect(transcript.titles.map((t) => t.title)).toEqual(["Which campaigns spend most?"]);
    // Set while working, cleared by Slack when the answer arrives.
    expect(transcript.statuses.map((s) => s.status)).toEqual(["is analysing…", ""]);
  });
});
