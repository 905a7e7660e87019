import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SlackEmulator } from "@mpo/slack-sandbox/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { type Harness, shareExport, shownText, startHarness } from "./app-harness.js";

/**
 * Issue 14, item 10: what a person sees of the bot is final messages. An upload's reply and an answer are
 * each one message that was never edited (Slack would mark it "(edited)"); while the app works, the thread
 * shows its status, which the reply clears. An offline answer carries no byline and no default footer.
 */
const SAMPLE = readFileSync(join(import.meta.dirname, "../../samples/meta-ads-daily-export.csv"));

let harness: Harness;
let user: string;
let channel: string;
beforeAll(async () => {
  harness = await startHarness();
  ({ user, channel } = (({ user, channel }) => ({ user: user.id, channel: channel.id }))(
    seedChannel(harness.emulator),
  ));
});
afterAll(async () => harness?.close());

function statusesOf(emulator: SlackEmulator, threadTs: string): string[] {
  return emulator
    .transcript()
    .statuses.filter((status) => status.channel === channel && status.threadTs === threadTs)
    .map((status) => status.status);
}

function edits(emulator: SlackEmulator): number {
  return emulator.transcript().apiCalls.filter((call) => call.method === "chat.update").length;
}

describe("final messages", () => {
  let fileTs: string;

  it("replies to an upload once, unedited, with progress shown as the thread's status", async () => {
    const { emulator } = harness;
    const { shared, analysis } = await shareExport(emulator, {
      user,
      channel,
      filename: "meta-ads-daily-export.csv",
      content: SAMPLE,
    });
    fileTs = shared.ts;
    await emulator.idle();
    const replies = emulator
      .messages({ channel, threadTs: shared.ts, fromBot: true })
      .filter((message) => message.files.length === 0);
    expect(replies.map((message) => message.ts)).toEqual([analysis.ts]);
    expect(analysis.edited).toBeUndefined();
    expect(shownText(analysis)).toMatch(/What stands out/);
    const statuses = statusesOf(emulator, shared.ts);
    expect(statuses[0]).toBe("is reading meta-ads-daily-export.csv…");
    expect(statuses).toContainEqual(
      expect.stringMatching(/^is analysing meta-ads-daily-export\.csv: [\d,]+ rows read…$/),
    );
    // Posting the reply cleared it, as Slack does.
    expect(statuses.at(-1)).toBe("");
    expect(edits(emulator)).toBe(0);
  });

  it("streams a follow-up answer as one final message, without a byline or a default footer", async () => {
    const { emulator } = harness;
    const asked = emulator.postMessage({ user, channel, threadTs: fileTs, text: "compare spend" });
    const answer = await emulator.waitForMessage(
      { channel, threadTs: fileTs, fromBot: true, after: asked.ts, withFiles: false, finished: true },
      { timeoutMs: 20_000 },
    );
    await emulator.idle();
    const replies = emulator
      .messages({ channel, threadTs: fileTs, fromBot: true, after: asked.ts })
      .filter((message) => message.files.length === 0);
    expect(replies.map((message) => message.ts)).toEqual([answer.ts]);
    expect(answer.stream?.state).toBe("completed");
    expect(answer.edited).toBeUndefined();
    const text = shownText(answer);
    expect(text).toMatch(/Spend: \$4,131\.67 vs \$4,038\.61/);
    // The period is said once, with how it was chosen, in the reading line.
    expect(text).toContain(
      "2025-09-24 to 2025-09-30 vs 2025-09-17 to 2025-09-23 (the last 7 days of the data, against the same number of days right before)",
    );
    expect(text.split("2025-09-24")).toHaveLength(2);
    expect(text).not.toMatch(/Answered by|offline analyst|Filters: none|the default:|later half/);
    expect(statusesOf(emulator, fileTs)).toContain("is crunching your numbers…");
    expect(statusesOf(emulator, fileTs).at(-1)).toBe("");
    expect(edits(emulator)).toBe(0);
  });

  it("answers a DM the same way: one streamed message, never edited", async () => {
    const { emulator } = harness;
    const dm = emulator.openDm(user);
    const asked = emulator.postMessage({ user, channel: dm.id, text: "what was the total spend?" });
    const answer = await emulator.waitForMessage(
      { channel: dm.id, fromBot: true, after: asked.ts, finished: true },
      { timeoutMs: 20_000 },
    );
    expect(answer.threadTs).toBe(asked.ts);
    expect(answer.stream?.state).toBe("completed");
    expect(answer.edited).toBeUndefined();
    expect(shownText(answer)).toMatch(/Spend: \$17,835\.15/);
    expect(edits(emulator)).toBe(0);
  });
});
