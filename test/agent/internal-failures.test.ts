import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";
import { writeAnswer } from "../../src/agent/offline/write-answer.js";
import { runToolCall } from "../../src/agent/tool-runner.js";
import { smallDataset } from "./small-dataset.js";

const silent = { warn: () => {} };

describe("a tool call refused for its arguments", () => {
  const dataset = smallDataset();

  it("is marked internal: its message is for the model, which can correct the call", async () => {
    const context = { dataset, today: "2024-03-10", charts: [] };
    const record = await runToolCall(context, { name: "get_kpis", args: { metrics: [] } }, silent);
    expect(record).toMatchObject({ ok: false, internal: true });
    expect(record.error).toMatch(/^invalid arguments: metrics/);
    const unknown = await runToolCall(context, { name: "get_everything", args: {} }, silent);
    expect(unknown.internal).toBe(true);
  });

  it("is never shown to the person: the offline answer asks instead", () => {
    const parsed = parseQuestion("how are we doing?", dataset, "2024-03-10");
    const refused = {
      name: "get_kpis",
      args: { metrics: [] },
      ok: false,
      error: "invalid arguments: metrics: Too small: expected array to have >=1 items",
      internal: true as const,
    };
    const text = writeAnswer(parsed, [refused], dataset, []);
    expect(text).not.toMatch(/invalid arguments|Too small|expected array/);
    expect(text).toMatch(
      /^I couldn't work out how to answer that from this data\. Could you name the figure/,
    );
    expect(text).toContain("It can answer, for example:");
  });
});
