import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel, startEmulator } from "./helpers.js";

let emulator: SlackEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => emulator?.close());

async function respond(url: string, body: object) {
  const response = await fetch(url, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return { status: response.status, body: await response.json() };
}

describe("a slash command's response_url", () => {
  it("refuses replace_original with 400, as Slack does: a command has no original message", async () => {
    const { user, channel } = seedChannel(emulator);
    const { responseUrl } = await emulator.runSlashCommand({
      user: user.id,
      channel: channel.id,
      command: "/report",
    });
    const refused = await respond(responseUrl, { replace_original: true, text: "replaced" });
    expect(refused).toEqual({ status: 400, body: { ok: false, error: "message_not_found" } });
    expect(emulator.transcript().ephemerals.map((e) => e.text)).not.toContain("replaced");

    const posted = await respond(responseUrl, { response_type: "ephemeral", text: "a new message" });
    expect(posted.status).toBe(200);
    expect(emulator.transcript().ephemerals.find((e) => e.text === "a new message")?.user).toBe(user.id);
  });
});
