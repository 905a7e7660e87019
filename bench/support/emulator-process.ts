/**
 * Slack for the ack benchmark, in a process of its own so answering the app's Web API calls does not
 * slow down the process that measures. Reads the app's request URL on stdin, seeds a channel with an
 * analysed upload, and prints what the load needs as one JSON line.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { startSlackEmulator } from "@mpo/slack-sandbox/emulator";

const [botToken, signingSecret] = process.argv.slice(2) as [string, string];
const emulator = await startSlackEmulator({ botToken, signingSecret });
process.stdout.write(`${JSON.stringify({ apiUrl: emulator.apiUrl })}\n`);
const lines = createInterface({ input: process.stdin });
for await (const requestUrl of lines) {
  emulator.setRequestUrl(requestUrl);
  const user = emulator.createUser({ name: "bench" });
  const channel = emulator.createChannel({ name: "bench", members: [user.id], withBot: true });
  const sample = readFileSync(new URL("../../samples/google-ads-campaign-totals.csv", import.meta.url));
  const shared = emulator.uploadFile({
    user: user.id,
    channel: channel.id,
    filename: "sample.csv",
    content: sample,
  });
  await emulator.waitForMessage(
    { channel: channel.id, threadTs: shared.ts, fromBot: true, text: /Analysis of/ },
    { timeoutMs: 60_000 },
  );
  process.stdout.write(
    `${JSON.stringify({ user: user.id, channel: channel.id, threadTs: shared.ts, teamId: emulator.teamId, appId: emulator.appId, mention: emulator.botMention })}\n`,
  );
}
