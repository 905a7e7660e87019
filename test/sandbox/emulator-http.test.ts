import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_TOKEN, seedChannel, startEmulator } from "./helpers.js";

let emulator: SlackEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe("request encodings", () => {
  it("takes JSON bodies with the token in the Authorization header, never in the body", async () => {
    const { channel } = seedChannel(emulator);
    const body = { channel: channel.id, text: "json", blocks: [{ type: "divider" }] };
    const withHeader = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(await withHeader.json()).toMatchObject({
      ok: true,
      message: { text: "json", blocks: [{ type: "divider" }] },
    });
    const inBody = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, token: BOT_TOKEN }),
    });
    expect(await inBody.json()).toEqual({ ok: false, error: "not_authed" });
  });

  it("takes form bodies with the token as an argument and JSON-encoded blocks", async () => {
    const { channel } = seedChannel(emulator);
    const form = new URLSearchParams({
      token: BOT_TOKEN,
      channel: channel.id,
      text: "form",
      blocks: JSON.stringify([{ type: "divider" }]),
    });
    const response = await fetch(`${emulator.apiUrl}chat.postMessage`, { method: "POST", body: form });
    expect(await response.json()).toMatchObject({ ok: true, message: { blocks: [{ type: "divider" }] } });
    const broken = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      body: new URLSearchParams({ token: BOT_TOKEN, channel: channel.id, blocks: "[{" }),
    });
    expect(await broken.json()).toMatchObject({ ok: false, error: "invalid_blocks_format" });
  });
});

describe("the emulator's own surface", () => {
  it("runs Web API methods without HTTP, through the same checks", () => {
    const { channel } = seedChannel(emulator);
    expect(emulator.callApi("chat.postMessage", { channel: channel.id, text: "direct" })).toMatchObject({
      status: 200,
      body: { ok: true, channel: channel.id },
    });
    expect(emulator.callApi("auth.test", {}, "xoxb-wrong").body).toEqual({
      ok: false,
      error: "invalid_auth",
    });
    emulator.rateLimitNext("auth.test", { retryAfter: 7 });
    expect(emulator.callApi("auth.test")).toMatchObject({ status: 429, headers: { "Retry-After": "7" } });
  });

  it("serves the transcript as JSON, file bytes replaced by a URL", async () => {
    const { user, channel } = seedChannel(emulator);
    const upload = emulator.uploadFile({
      user: user.id,
      channel: channel.id,
      filename: "a.csv",
      content: "x,y\n1,2\n",
    });
    const transcript = (await (await fetch(`${emulator.baseUrl}/_emulator/transcript`)).json()) as {
      channels: { id: string }[];
      messages: { ts: string; files: string[] }[];
      files: { id: string; size: number; contentUrl: string; bytes?: unknown }[];
    };
    expect(transcript.channels.map((c) => c.id)).toEqual([channel.id]);
    expect(transcript.messages).toMatchObject([{ ts: upload.ts, files: [upload.fileId] }]);
    const [file] = transcript.files;
    expect(file).toMatchObject({ id: upload.fileId, size: 8 });
    expect(file?.bytes).toBeUndefined();
    expect(await (await fetch(file?.contentUrl as string)).text()).toBe("x,y\n1,2\n");
  });

  it("streams transcript changes as server-sent events", async () => {
    const { user, channel } = seedChannel(emulator);
    const response = await fetch(`${emulator.baseUrl}/_emulator/changes`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil("event: ready");
    emulator.postMessage({ user: user.id, channel: channel.id, text: "live update" });
    await readUntil("live update");
    const change = received
      .split("\n")
      .find((line) => line.startsWith("data:") && line.includes("live update"));
    expect(JSON.parse(change?.slice(5) ?? "{}")).toMatchObject({
      type: "message",
      action: "added",
      message: { channel: channel.id, text: "live update" },
    });
    await reader.cancel();
  });
});
