import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedChannel } from "../sandbox/helpers.js";
import { type Harness, shareExport, shownText, startHarness } from "./app-harness.js";

/** Issue 14, item 3: a question in a DM is answered or met with a question, never with a validation error. */
let harness: Harness;
let user: string;

const sessionsOnly = [
  "Date,Session source,Sessions,Engaged sessions",
  ...Array.from({ length: 14 }, (_, i) => {
    const day = `2025-09-${String(i + 1).padStart(2, "0")}`;
    return `${day},google,${120 + i},${70 + i}\n${day},newsletter,${40 + (i % 4)},${30 + (i % 3)}`;
  }),
].join("\n");

beforeAll(async () => {
  harness = await startHarness();
  const seeded = seedChannel(harness.emulator);
  user = seeded.user.id;
  await shareExport(harness.emulator, {
    user,
    channel: seeded.channel.id,
    filename: "ga4-sessions.csv",
    content: sessionsOnly,
  });
});
afterAll(async () => harness?.close());

async function askInDm(text: string) {
  const { emulator } = harness;
  const dm = emulator.openDm(user);
  const asked = emulator.postMessage({ user, channel: dm.id, text });
  const answer = await emulator.waitFor(
    (transcript) =>
      transcript.messages.find(
        (message) =>
          message.channel === dm.id &&
          message.user === transcript.bot.userId &&
          Number(message.ts) > Number(asked.ts) &&
          message.stream?.state !== "in_progress",
      ),
    { timeoutMs: 20_000 },
  );
  return shownText(answer);
}

describe("a DM question about data that has no ad spend", () => {
  it('"how are we doing?" is answered with the figures the data has', async () => {
    const answer = await askInDm("how are we doing?");
    expect(answer).not.toMatch(/invalid arguments|Too small|expected array/);
    expect(answer).toMatch(/Sessions\*?:?\*?\s*[\d,]+/);
  });

  it('"how did we do last week vs the week before?" compares what the data has', async () => {
    const answer = await askInDm("how did we do last week vs the week before?");
    expect(answer).not.toMatch(/invalid arguments|Too small|expected array/);
    expect(answer).toMatch(/Sessions/);
  });
});
