import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, webClient } from "./helpers.js";

let emulator: SlackEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

describe("users.conversations", () => {
  it("lists a person's conversations as the bot may see them, paged, without is_member", async () => {
    const client = webClient(emulator);
    const ana = emulator.createUser({ name: "ana" });
    const ben = emulator.createUser({ name: "ben" });
    const open = emulator.createChannel({ name: "open", members: [ana.id, ben.id], withBot: true });
    const secret = emulator.createChannel({
      name: "secret",
      members: [ana.id],
      private: true,
      withBot: true,
    });
    const hidden = emulator.createChannel({ name: "hidden", members: [ana.id], private: true });
    const dm = emulator.openDm(ana.id);

    const all = await client.users.conversations({
      user: ana.id,
      types: "public_channel,private_channel,mpim,im",
    });
    expect(all.channels?.map((channel) => channel.id).sort()).toEqual([open.id, secret.id, dm.id].sort());
    expect(all.channels?.map((channel) => channel.id)).not.toContain(hidden.id);
    expect(all.channels?.[0]).not.toHaveProperty("is_member");

    const onlyPublic = await client.users.conversations({ user: ben.id });
    expect(onlyPublic.channels?.map((channel) => channel.id)).toEqual([open.id]);

    const first = await client.users.conversations({
      user: ana.id,
      types: "public_channel,private_channel",
      limit: 1,
    });
    expect(first.channels).toHaveLength(1);
    const cursor = first.response_metadata?.next_cursor as string;
    expect(cursor).not.toBe("");
    const second = await client.users.conversations({
      user: ana.id,
      types: "public_channel,private_channel",
      limit: 1,
      cursor,
    });
    expect(second.channels?.[0]?.id).not.toBe(first.channels?.[0]?.id);
    expect(second.response_metadata?.next_cursor).toBe("");
  });

  it("answers user_not_found for someone not in the workspace", async () => {
    await expect(webClient(emulator).users.conversations({ user: "U0NOBODY" })).rejects.toMatchObject({
      data: { ok: false, error: "user_not_found" },
    });
  });
});
