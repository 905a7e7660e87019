import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appHomeText, blockText, type Harness, shareExport, startHarness } from "./app-harness.js";

/**
 * Two people, one private channel: Ana is in #secret with the bot, Ben is not. Whatever Ben asks, and
 * wherever, nothing of #secret's file may reach him; Ana gets it everywhere she asks.
 */
let harness: Harness;
let ana: string;
let ben: string;
let secret: string;
let open: string;
let spend: string;

const CSV = [
  "Date,Campaign,Cost (USD),Clicks,Conversions,Revenue (USD)",
  "2024-05-01,Project Nightingale,4321.09,900,30,12000",
  "2024-05-02,Project Nightingale,1234.56,400,12,5000",
].join("\n");

beforeAll(async () => {
  harness = await startHarness();
  const { emulator } = harness;
  ana = emulator.createUser({ name: "ana", realName: "Ana Analyst" }).id;
  ben = emulator.createUser({ name: "ben", realName: "Ben Outsider" }).id;
  secret = emulator.createChannel({ name: "secret", members: [ana], private: true, withBot: true }).id;
  open = emulator.createChannel({ name: "open", members: [ana, ben], withBot: true }).id;
  const { analysis } = await shareExport(emulator, {
    user: ana,
    channel: secret,
    filename: "nightingale-plan.csv",
    content: CSV,
  });
  spend = /\*Spend\*\n(\$[\d,.]+)/.exec(blockText(analysis.blocks))?.[1] as string;
  expect(spend).toBe("$5,555.65");
});
afterAll(async () => harness?.close());

/** Everything the bot posted in a conversation (thread replies included), as one text. */
function botTextIn(channel: string): string {
  return harness.emulator
    .messages({ channel, fromBot: true })
    .map((message) => `${message.text}\n${blockText(message.blocks)}`)
    .join("\n");
}

async function askInDm(user: string, text: string) {
  const { emulator } = harness;
  const dm = emulator.openDm(user);
  const asked = emulator.postMessage({ user, channel: dm.id, text });
  return emulator.waitForMessage(
    { channel: dm.id, fromBot: true, after: asked.ts, text: /spend|data/i },
    { timeoutMs: 20_000 },
  );
}

function homeOf(user: string) {
  return appHomeText(harness.emulator, user);
}

describe("a private channel's data", () => {
  it("is stored under the workspace it came from", async () => {
    const [record] = await harness.app.store.listDatasets({
      workspace: { team: harness.emulator.teamId, enterprise: null },
    });
    expect(record).toMatchObject({
      name: "nightingale-plan.csv",
      team: harness.emulator.teamId,
      channel: secret,
    });
  });

  it("is not answered to an outsider's DM, and no workspace-wide fallback is taken", async () => {
    const answer = await askInDm(ben, "What was the total spend?");
    expect(answer.text).toMatch(/don't have any data/);
    const dm = harness.emulator.openDm(ben).id;
    expect(botTextIn(dm)).not.toContain(spend);
    expect(botTextIn(dm)).not.toMatch(/Nightingale|nightingale-plan/);
  });

  it("is not answered to an outsider's mention in another channel", async () => {
    const { emulator } = harness;
    const mention = emulator.postMessage({
      user: ben,
      channel: open,
      text: `${emulator.botMention} what was the total spend?`,
    });
    const answer = await emulator.waitForMessage(
      { channel: open, threadTs: mention.ts, fromBot: true, text: /spend|data/i },
      { timeoutMs: 20_000 },
    );
    expect(answer.text).toMatch(/don't have any data/);
    expect(botTextIn(open)).not.toContain(spend);
  });

  it("is not greeted about, nor answered, in an outsider's assistant panel", async () => {
    const { emulator } = harness;
    const thread = emulator.startAssistantThread({ user: ben, contextChannel: open });
    const greeting = await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true },
      { timeoutMs: 10_000 },
    );
    expect(greeting.text).not.toMatch(/nightingale/i);
    const prompts = await emulator.waitFor(
      () => emulator.transcript().prompts.find((entry) => entry.channel === thread.channel),
      { timeoutMs: 10_000 },
    );
    expect(JSON.stringify(prompts)).not.toMatch(/Nightingale/);
    const asked = emulator.postMessage({
      user: ben,
      channel: thread.channel,
      threadTs: thread.threadTs,
      text: "What was the total spend?",
    });
    const answer = await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true, after: asked.ts },
      { timeoutMs: 20_000 },
    );
    expect(answer.text).toMatch(/don't have any data/);
    expect(answer.text).not.toContain(spend);
  });

  it("is left out of an outsider's App Home, and shown in a member's", async () => {
    const bens = await homeOf(ben);
    expect(bens).not.toMatch(/nightingale-plan|Nightingale/);
    expect(bens).not.toContain(spend);
    expect(bens).toContain("*Datasets* (0)");
    const anas = await homeOf(ana);
    expect(anas).toContain("nightingale-plan.csv");
    expect(anas).toContain(spend);
  });

  it("is answered to a member, in her DM and her assistant panel", async () => {
    const answer = await askInDm(ana, "What was the total spend?");
    expect(answer.text).toContain(spend);
    const { emulator } = harness;
    const thread = emulator.startAssistantThread({ user: ana, contextChannel: secret });
    const greeting = await emulator.waitForMessage(
      { channel: thread.channel, threadTs: thread.threadTs, fromBot: true },
      { timeoutMs: 10_000 },
    );
    expect(greeting.text).toContain("nightingale-plan.csv");
  });
});
