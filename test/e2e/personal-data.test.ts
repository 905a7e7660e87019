import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callsReply, type ScriptedGemini, startScriptedGemini, textReply } from "../agent/scripted-gemini.js";
import { seedChannel } from "../sandbox/helpers.js";
import { type Harness, startHarness } from "./app-harness.js";

/** A shop's orders with a customer email on every row: the email column must never reach Gemini. */
const CSV = [
  "Date,Campaign,Email,Cost (USD),Conversions,Revenue (USD)",
  ...Array.from(
    { length: 12 },
    (_, index) =>
      `2024-06-${String(index + 1).padStart(2, "0")},${index % 2 ? "Brand" : "Prospecting"},shopper${index}@example.com,${50 + index},1,${120 + index * 7}`,
  ),
].join("\n");

let harness: Harness;
let gemini: ScriptedGemini;
let channel: string;
let user: string;

beforeAll(async () => {
  gemini = await startScriptedGemini([
    callsReply([
      { name: "describe_dataset", args: {} },
      { name: "top_bottom", args: { dimension: "email", metric: "revenue", order: "top" } },
    ]),
    textReply("Customer-level figures are withheld; by campaign, Brand leads."),
    textReply("## Headline\nRevenue is steady."),
  ]);
  harness = await startHarness({
    GEMINI_API_KEY: "test-gemini-key-not-real",
    GEMINI_BASE_URL: gemini.baseUrl,
    GEMINI_MODEL: "gemini-test",
  });
  ({
    channel: { id: channel },
    user: { id: user },
  } = seedChannel(harness.emulator));
});
afterAll(async () => {
  await harness?.close();
  await gemini?.close();
});

describe("customer data and Gemini", () => {
  it("neither a question nor /report by the email column sends an email; the tools say it is withheld", async () => {
    const { emulator } = harness;
    const shared = emulator.uploadFile({ user, channel, filename: "orders.csv", content: CSV });
    await emulator.waitForMessage(
      { channel, threadTs: shared.ts, fromBot: true, text: /Analysis of/ },
      { timeoutMs: 20_000 },
    );
    const asked = emulator.postMessage({
      user,
      channel,
      threadTs: shared.ts,
      text: "Who are our best customers?",
    });
    await emulator.waitForMessage(
      { channel, threadTs: shared.ts, fromBot: true, after: asked.ts, text: /withheld/ },
      { timeoutMs: 20_000 },
    );
    await emulator.runSlashCommand({ user, channel, command: "/report", text: "by email" });
    await emulator.waitForMessage(
      { channel, fromBot: true, text: /Performance report/ },
      { timeoutMs: 20_000 },
    );
    expect(gemini.requests).toHaveLength(3);
    const sent = gemini.requests.map((request) => request.raw).join("\n");
    expect(sent).not.toMatch(/shopper\d+@example\.com/);
    expect(sent).toMatch(/withheld/);
  });
});
