import { describe, expect, it } from "vitest";
import { seedChannel, startEmulator } from "./helpers.js";

describe("markdown blocks", () => {
  it("are kept as posted, and refused as Slack refuses them: without text or over 12,000 characters in all", async () => {
    const emulator = await startEmulator();
    try {
      const { channel } = seedChannel(emulator);
      const post = (blocks: unknown[]) =>
        emulator.callApi("chat.postMessage", { channel: channel.id, text: "fallback", blocks }).body;
      const block = { type: "markdown", text: "## Headline\n**Spend** \\[x\\](https\\://evil.example)" };
      expect(post([block])).toMatchObject({ ok: true, message: { text: "fallback", blocks: [block] } });
      expect(post([{ type: "markdown" }])).toMatchObject({ ok: false, error: "invalid_blocks" });
      const half = { type: "markdown", text: "x".repeat(6_001) };
      expect(post([half, half])).toMatchObject({ ok: false, error: "invalid_blocks" });
    } finally {
      await emulator.close();
    }
  });
});
