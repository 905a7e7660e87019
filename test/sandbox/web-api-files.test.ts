import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, seedChannel, startEmulator, webClient } from "./helpers.js";

let emulator: SlackEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("files.uploadV2", () => {
  it("runs getUploadURLExternal, the upload URL and completeUploadExternal, sharing into the thread", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const question = emulator.postMessage({ user: user.id, channel: channel.id, text: "chart please" });
    const result = await client.files.uploadV2({
      channel_id: channel.id,
      thread_ts: question.ts,
      initial_comment: "Spend by campaign",
      file: PNG,
      filename: "spend.png",
      title: "Spend",
    });
    expect(result.ok).toBe(true);
    const [fileId] = emulator.transcript().files.map((f) => f.id);
    expect(fileId).toBeDefined();
    const stored = emulator.file(fileId as string);
    expect(stored).toMatchObject({
      name: "spend.png",
      title: "Spend",
      mimetype: "image/png",
      filetype: "png",
    });
    expect(stored?.bytes.equals(PNG)).toBe(true);

    const shared = await emulator.waitForMessage({
      channel: channel.id,
      threadTs: question.ts,
      withFiles: true,
    });
    expect(shared).toMatchObject({ user: emulator.botUserId, text: "Spend by campaign", files: [fileId] });
    const thread = await client.conversations.replies({ channel: channel.id, ts: question.ts });
    expect(thread.messages?.[1]?.files?.[0]).toMatchObject({
      id: fileId,
      name: "spend.png",
      mimetype: "image/png",
    });
    expect(emulator.transcript().events.filter((e) => e.type === "file_shared")).toMatchObject([
      { event: { file_id: fileId, channel_id: channel.id, user_id: emulator.botUserId } },
    ]);
  });

  it("refuses to complete an upload whose bytes never arrived, and a channel without the bot", async () => {
    const client = webClient(emulator);
    const { user } = seedChannel(emulator);
    const elsewhere = emulator.createChannel({ name: "random", members: [user.id] });
    const ticket = await client.files.getUploadURLExternal({ filename: "a.csv", length: 3 });
    await expect(
      client.files.completeUploadExternal({ files: [{ id: ticket.file_id as string }] }),
    ).rejects.toMatchObject({ data: { error: "file_not_found" } });
    await expect(
      client.files.uploadV2({ channel_id: elsewhere.id, content: "a,b\n1,2\n", filename: "a.csv" }),
    ).rejects.toMatchObject({ data: { error: "not_in_channel" } });
  });
});

describe("files people upload", () => {
  it("emits file_shared and a file_share message, and serves the bytes to the bot token only", async () => {
    const client = webClient(emulator);
    const { user, channel } = seedChannel(emulator);
    const csv = "date,campaign,spend\n2024-05-01,Brand,12.50\n";
    const upload = emulator.uploadFile({
      user: user.id,
      channel: channel.id,
      filename: "meta.csv",
      content: csv,
    });

    const events = emulator.transcript().events;
    expect(events.map((e) => e.type)).toEqual(["message", "file_shared"]);
    const message = events[0]?.event as Record<string, unknown>;
    expect(message).toMatchObject({
      subtype: "file_share",
      channel: channel.id,
      user: user.id,
      ts: upload.ts,
      channel_type: "channel",
      files: [
        { id: upload.fileId, name: "meta.csv", mimetype: "text/csv", filetype: "csv", size: csv.length },
      ],
    });
    const file = (message.files as Record<string, string>[])[0] as Record<string, string>;

    const info = await client.files.info({ file: upload.fileId });
    expect(info.file).toMatchObject({
      id: upload.fileId,
      url_private_download: file.url_private_download,
      channels: [channel.id],
    });

    const download = await fetch(file.url_private_download as string, {
      headers: { Authorization: `Bearer ${BOT_TOKEN}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv");
    expect(await download.text()).toBe(csv);

    // Without the token Slack answers with its sign-in page, not the file.
    const anonymous = await fetch(file.url_private as string);
    expect(anonymous.headers.get("content-type")).toContain("text/html");
    expect(await anonymous.text()).not.toContain("campaign");
    expect(emulator.transcript().fileAccesses.map((a) => a.authorized)).toEqual([true, false]);
  });
});
