import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedChannel, startEmulator, webClient } from "./helpers.js";

let emulator: SlackEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe("auth", () => {
  it("answers auth.test with the bot's identity", async () => {
    const result = await webClient(emulator).auth.test();
    expect(result).toMatchObject({
      ok: true,
      user_id: emulator.botUserId,
      bot_id: emulator.botId,
      team_id: emulator.teamId,
    });
  });

  it("rejects a wrong token with invalid_auth and a missing one with not_authed", async () => {
    await expect(webClient(emulator, "xoxb-wrong").auth.test()).rejects.toMatchObject({
      data: { ok: false, error: "invalid_auth" },
    });
    const response = await fetch(`${emulator.apiUrl}auth.test`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: "not_authed" });
  });
});

describe("chat and conversations", () => {
  it("posts, replies in a thread, updates and reads back with Slack's shapes", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "spend by campaign?" });
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Total spend* $1,234" } }];
    const reply = await client.chat.postMessage({
      channel: channel.id,
      thread_ts: question.ts,
      text: "Working on it",
      blocks,
    });
    expect(reply).toMatchObject({
      ok: true,
      channel: channel.id,
      message: { type: "message", user: emulator.botUserId, bot_id: emulator.botId, thread_ts: question.ts },
    });
    expect(reply.message).not.toHaveProperty("subtype");

    const updated = await client.chat.update({ channel: channel.id, ts: reply.ts as string, text: "Done" });
    expect(updated).toMatchObject({
      ok: true,
      ts: reply.ts,
      text: "Done",
      message: { text: "Done", blocks },
    });

    const thread = await client.conversations.replies({ channel: channel.id, ts: question.ts });
    expect(thread.messages?.map((m) => m.text)).toEqual(["spend by campaign?", "Done"]);
    expect(thread.messages?.[0]).toMatchObject({
      user: user.id,
      reply_count: 1,
      reply_users: [emulator.botUserId],
      latest_reply: reply.ts,
    });
    expect(thread.messages?.[1]).toMatchObject({
      parent_user_id: user.id,
      edited: { user: emulator.botUserId },
    });

    const later = emulator.postMessage({ user: user.id, channel: channel.id, text: "thanks" });
    const history = await client.conversations.history({ channel: channel.id });
    // Newest first; replies stay in their thread.
    expect(history.messages?.map((m) => m.ts)).toEqual([later.ts, question.ts]);
  });

  it("answers Slack's errors for unknown channels, channels without the bot, empty messages and others' messages", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const elsewhere = emulator.createChannel({ name: "random", members: [user.id] });
    const secret = emulator.createChannel({ name: "secret", members: [user.id], private: true });
    await expect(client.chat.postMessage({ channel: "C0NOPE", text: "hi" })).rejects.toMatchObject({
      data: { error: "channel_not_found" },
    });
    await expect(client.chat.postMessage({ channel: elsewhere.id, text: "hi" })).rejects.toMatchObject({
      data: { error: "not_in_channel" },
    });
    // A private channel the bot is not in does not exist for it.
    await expect(client.conversations.history({ channel: secret.id })).rejects.toMatchObject({
      data: { error: "channel_not_found" },
    });
    await expect(client.apiCall("chat.postMessage", { channel: channel.id })).rejects.toMatchObject({
      data: { error: "no_text" },
    });
    const theirs = emulator.postMessage({ user: user.id, channel: channel.id, text: "mine" });
    await expect(
      client.chat.update({ channel: channel.id, ts: theirs.ts, text: "edited" }),
    ).rejects.toMatchObject({
      data: { error: "cant_update_message" },
    });
    await expect(
      client.chat.update({ channel: channel.id, ts: "1.000001", text: "x" }),
    ).rejects.toMatchObject({
      data: { error: "message_not_found" },
    });
    await expect(client.conversations.replies({ channel: channel.id, ts: "1.000001" })).rejects.toMatchObject(
      {
        data: { error: "thread_not_found" },
      },
    );
  });

  it("deletes the bot's messages and shows ephemeral messages to one person only", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const posted = await client.chat.postMessage({ channel: channel.id, text: "oops" });
    await expect(client.chat.delete({ channel: channel.id, ts: posted.ts as string })).resolves.toMatchObject(
      {
        ok: true,
        ts: posted.ts,
      },
    );
    expect(emulator.messages({ channel: channel.id, fromBot: true })).toEqual([]);

    const ephemeral = await client.chat.postEphemeral({
      channel: channel.id,
      user: user.id,
      text: "only you",
    });
    expect(ephemeral.message_ts).toBeTruthy();
    expect(emulator.transcript().ephemerals).toMatchObject([
      { channel: channel.id, user: user.id, text: "only you", source: "chat.postEphemeral" },
    ]);
    const outsider = emulator.createUser({ name: "olga" });
    await expect(
      client.chat.postEphemeral({ channel: channel.id, user: outsider.id, text: "no" }),
    ).rejects.toMatchObject({ data: { error: "user_not_in_channel" } });
  });

  it("adds and removes reactions", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const { ts } = emulator.postMessage({ user: user.id, channel: channel.id, text: "upload coming" });
    await client.reactions.add({ channel: channel.id, timestamp: ts, name: "eyes" });
    await expect(
      client.reactions.add({ channel: channel.id, timestamp: ts, name: "eyes" }),
    ).rejects.toMatchObject({
      data: { error: "already_reacted" },
    });
    const [message] = emulator.messages({ channel: channel.id });
    expect(message?.reactions).toEqual([{ name: "eyes", users: [emulator.botUserId] }]);
    await client.reactions.remove({ channel: channel.id, timestamp: ts, name: "eyes" });
    await expect(
      client.reactions.remove({ channel: channel.id, timestamp: ts, name: "eyes" }),
    ).rejects.toMatchObject({
      data: { error: "no_reaction" },
    });
  });

  it("describes conversations and people", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    emulator.createChannel({ name: "private-ops", members: [user.id], private: true });
    const info = await client.conversations.info({ channel: channel.id, include_num_members: true });
    expect(info.channel).toMatchObject({
      id: channel.id,
      name: "marketing",
      is_channel: true,
      is_member: true,
      num_members: 2,
    });
    const list = await client.conversations.list({ types: "public_channel,private_channel" });
    expect(list.channels?.map((c) => c.name)).toEqual(["marketing"]);
    const person = await client.users.info({ user: user.id });
    expect(person.user).toMatchObject({
      id: user.id,
      name: "maria",
      real_name: "Maria Marketer",
      is_bot: false,
    });
    await expect(client.users.info({ user: "U0NOBODY" })).rejects.toMatchObject({
      data: { error: "user_not_found" },
    });
  });
});

describe("faults a test can inject", () => {
  it("answers the method's next calls with the requested error", async () => {
    const client = webClient(emulator);
    const { channel } = seedChannel(emulator);
    emulator.failNext("chat.postMessage", "is_archived");
    await expect(client.chat.postMessage({ channel: channel.id, text: "a" })).rejects.toMatchObject({
      data: { error: "is_archived" },
    });
    await expect(client.chat.postMessage({ channel: channel.id, text: "b" })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("rate limits with HTTP 429 and Retry-After, which WebClient waits out and retries", async () => {
    const client = webClient(emulator);
    const { channel } = seedChannel(emulator);
    const waits: number[] = [];
    client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfter: number) => waits.push(retryAfter));
    emulator.rateLimitNext("chat.postMessage", { count: 1, retryAfter: 1 });
    await expect(client.chat.postMessage({ channel: channel.id, text: "eventually" })).resolves.toMatchObject(
      {
        ok: true,
      },
    );
    expect(waits).toEqual([1]);
    const calls = emulator.transcript().apiCalls.filter((c) => c.method === "chat.postMessage");
    expect(calls.map((c) => [c.status, c.error])).toEqual([
      [429, "ratelimited"],
      [200, undefined],
    ]);
    expect(emulator.messages({ channel: channel.id, fromBot: true }).map((m) => m.text)).toEqual([
      "eventually",
    ]);
  });

  it("answers unknown methods with unknown_method", async () => {
    await expect(webClient(emulator).apiCall("chat.teleport", {})).rejects.toMatchObject({
      data: { error: "unknown_method" },
    });
  });
});
