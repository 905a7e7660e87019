import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { blockText, type Harness, startHarness } from "./app-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe("when storage fails (issue 13, item 14)", () => {
  it("tells the person who shared a file, without the database driver's words", async () => {
    const { emulator } = harness;
    const { user, channel } = seedChannel(emulator);
    await harness.app.store.close();
    const shared = emulator.uploadFile({
      user: user.id,
      channel: channel.id,
      filename: "march.csv",
      content: "Day,Campaign,Cost,Clicks\n2025-03-01,Brand,10,3\n",
    });
    // The outcome is the thread's one reply, posted final (the progress was the thread's status).
    const reply = await emulator.waitForMessage(
      { channel: channel.id, threadTs: shared.ts, fromBot: true, text: /went wrong|couldn't/ },
      { timeoutMs: 20_000 },
    );
    expect(blockText(reply.blocks)).toMatch(/storage is full or unavailable, so nothing was stored/);
    expect(JSON.stringify(reply)).not.toMatch(/connection is not open/);
    expect(emulator.messages({ channel: channel.id, threadTs: shared.ts, fromBot: true })).toEqual([reply]);
    expect(reply.edited).toBeUndefined();
  });
});
