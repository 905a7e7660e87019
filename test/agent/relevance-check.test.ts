import { afterEach, describe, expect, it } from "vitest";
import {
  answerQuestion,
  type JsonObject,
  type LoopLimits,
  runToolCall,
  silentLogger,
} from "../../src/agent/index.js";
import { callsReply, type ScriptedGemini, startScriptedGemini, textReply } from "./scripted-gemini.js";
import { smallDataset } from "./small-dataset.js";

const FAST: LoopLimits = {
  maxSteps: 4,
  retry: { attempts: 1, baseDelayMs: 5, maxDelayMs: 50, callTimeoutMs: 5_000 },
};

let server: ScriptedGemini | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function askGemini(question: string, calls: Array<{ name: string; args: Record<string, unknown> }>) {
  server = await startScriptedGemini([callsReply(calls), textReply("Here are the figures you asked for.")]);
  return answerQuestion({
    question,
    dataset: smallDataset(),
    config: { gemini: { apiKey: "test-key", model: "gemini-test", baseUrl: server.baseUrl } },
    today: "2024-03-05",
    logger: silentLogger,
    limits: FAST,
  });
}

describe("the relevance check of Gemini's answers", () => {
  it("flags an answer whose calls dropped the filter the question names", async () => {
    const answer = await askGemini("what was the ROAS for Prospecting?", [
      { name: "get_kpis", args: { metrics: ["roas"] } },
    ]);
    expect(answer.unanswered).toEqual(["the filter you asked for (campaign = Prospecting)"]);
    expect(answer.text).toContain(
      ":warning: Answered without the filter you asked for (campaign = Prospecting)",
    );
  });

  it("passes the same question when a call applied the filter, by name or by a contains condition", async () => {
    const named = await askGemini("what was the ROAS for Prospecting?", [
      {
        name: "get_kpis",
        args: { metrics: ["roas"], filters: [{ dimension: "campaign", values: ["prospecting"] }] },
      },
    ]);
    expect(named.unanswered).toEqual([]);
    expect(named.text).not.toContain(":warning:");
    await server?.close();
    const contains = await askGemini("what was the ROAS for Prospecting?", [
      {
        name: "get_kpis",
        args: { metrics: ["roas"], filters: [{ dimension: "Campaign", op: "contains", values: ["prosp"] }] },
      },
    ]);
    expect(contains.unanswered).toEqual([]);
    // The reading says the operator the model used, not "= prosp".
    expect(contains.text).toContain("campaign containing “prosp”");
  });

  it("flags a filter applied with other values, a missing period and a missing split", async () => {
    const answer = await askGemini("ROAS by channel for Prospecting on March 2", [
      {
        name: "get_kpis",
        args: { metrics: ["roas"], filters: [{ dimension: "campaign", values: ["Brand Search"] }] },
      },
    ]);
    expect(answer.unanswered).toEqual([
      "the filter you asked for (campaign = Prospecting)",
      "the period you asked for",
      "the split by channel you asked for",
    ]);
  });

  it("does not flag what the question never asked for, nor a refusal", async () => {
    const plain = await askGemini("how much did we spend?", [
      { name: "get_kpis", args: { metrics: ["spend"] } },
    ]);
    expect(plain.unanswered).toEqual([]);
    await server?.close();
    const refused = await askGemini("spend for Prospecting", [
      { name: "get_kpis", args: { metrics: ["spend"], group_by: "device" } },
    ]);
    expect(refused.toolCalls.every((call) => !call.ok)).toBe(true);
    expect(refused.unanswered).toEqual([]);
  });

  it("reads a query call back in words, and counts its time part as the split asked for", async () => {
    const answer = await askGemini("ROAS by weekday for Meta", [
      {
        name: "query",
        args: {
          metrics: ["roas"],
          group_by: ["weekday"],
          sort: { metric: "roas", direction: "desc" },
          filters: [{ dimension: "channel", op: "in", values: ["Meta"] }],
        },
      },
    ]);
    expect(answer.unanswered).toEqual([]);
    expect(answer.text).toContain(
      "Read as: ROAS by weekday, highest ROAS first · 2024-03-01 to 2024-03-02 · channel = Meta · small.csv",
    );
    await server?.close();
    const unsplit = await askGemini("ROAS by weekday for Meta", [
      { name: "query", args: { metrics: ["roas"], filters: [{ dimension: "channel", values: ["Meta"] }] } },
    ]);
    expect(unsplit.unanswered).toEqual(["the split by weekday you asked for"]);
  });

  it("counts a split by the dimension as answering a comparison of two of its values", async () => {
    const answer = await askGemini("Prospecting vs Brand Search spend", [
      { name: "get_kpis", args: { metrics: ["spend"], group_by: "campaign" } },
    ]);
    expect(answer.unanswered).toEqual([]);
  });
});

describe("filters with operators, as every tool takes them", () => {
  it("keeps the values a not_in or not_contains filter leaves, and refuses a text no name contains", async () => {
    const dataset = smallDataset();
    const ask = (filters: unknown) =>
      runToolCall(
        { dataset, today: "2024-03-05", charts: [] },
        { name: "get_kpis", args: { metrics: ["spend"], filters } as JsonObject },
        silentLogger,
      );
    const excluded = await ask([{ dimension: "campaign", op: "not_in", values: ["Brand Search"] }]);
    const contains = await ask([{ dimension: "campaign", op: "not_contains", values: ["brand"] }]);
    expect(excluded.result?.totals).toMatchObject({ spend: expect.closeTo(2345.67, 2) });
    expect(contains.result?.totals).toMatchObject({ spend: expect.closeTo(2345.67, 2) });
    const nothing = await ask([{ dimension: "campaign", op: "contains", values: ["retarget"] }]);
    expect(nothing.ok).toBe(false);
    expect(nothing.error).toBe('no campaign contains "retarget"');
  });
});
