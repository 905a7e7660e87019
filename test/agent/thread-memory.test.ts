import { describe, expect, it } from "vitest";
import {
  compactMemory,
  lastQuestion,
  recordExchange,
  type ThreadMemory,
  threadMemoryFor,
} from "../../src/agent/index.js";
import { smallDataset } from "./small-dataset.js";

function exchange(index: number) {
  return {
    question: `question ${index}`,
    answer: `answer ${index}\nmore detail`,
    engine: "offline" as const,
    toolCalls: [],
  };
}

describe("thread memory", () => {
  it("starts empty, bound to the thread's dataset", () => {
    const memory = threadMemoryFor(smallDataset());
    expect(memory).toEqual({
      version: 1,
      dataset: { file: "small.csv", rows: 4, from: "2024-03-01", to: "2024-03-02" },
      summary: [],
      messages: [],
    });
  });

  it("records questions and answers with the tools used, as JSON that survives storage", () => {
    const dataset = smallDataset();
    const memory = recordExchange(threadMemoryFor(dataset), {
      question: "What was spend?",
      answer: "Spend was $8,024.67.",
      engine: "gemini",
      toolCalls: [
        { name: "get_kpis", args: { metrics: ["spend"] }, ok: true, result: { totals: { spend: 8024.67 } } },
      ],
    });
    const stored = JSON.parse(JSON.stringify(memory));
    expect(threadMemoryFor(dataset, stored)).toEqual(memory);
    expect(memory.messages).toEqual([
      { role: "user", text: "What was spend?" },
      {
        role: "assistant",
        text: "Spend was $8,024.67.",
        engine: "gemini",
        tools: ['get_kpis(metrics=["spend"])'],
      },
    ]);
    expect(lastQuestion(memory)).toBe("What was spend?");
  });

  it("starts over for another file, or for stored JSON it does not recognise", () => {
    const dataset = smallDataset();
    const memory = recordExchange(threadMemoryFor(dataset), exchange(1));
    const otherFile: ThreadMemory = { ...memory, dataset: { ...memory.dataset, file: "other.csv" } };
    expect(threadMemoryFor(dataset, otherFile).messages).toEqual([]);
    expect(threadMemoryFor(dataset, { version: 0, messages: "?" }).messages).toEqual([]);
    expect(threadMemoryFor(dataset, null).messages).toEqual([]);
  });

  it("stays bounded: old exchanges are folded into one-line summaries, themselves capped", () => {
    let memory = threadMemoryFor(smallDataset());
    const limits = { maxMessages: 4, maxChars: 10_000, maxSummaryLines: 3 };
    for (let index = 1; index <= 8; index++) memory = recordExchange(memory, exchange(index), limits);
    expect(memory.messages.map((message) => message.text)).toEqual([
      "question 7",
      "answer 7\nmore detail",
      "question 8",
      "answer 8\nmore detail",
    ]);
    expect(memory.summary).toEqual([
      "Q: question 4 → A: answer 4",
      "Q: question 5 → A: answer 5",
      "Q: question 6 → A: answer 6",
    ]);
  });

  it("folds by size too, clipping long texts in the summary", () => {
    const long = "x".repeat(500);
    let memory = threadMemoryFor(smallDataset());
    memory = recordExchange(memory, { ...exchange(1), question: long, answer: long });
    memory = recordExchange(memory, exchange(2));
    const compacted = compactMemory(memory, { maxMessages: 12, maxChars: 600, maxSummaryLines: 20 });
    expect(compacted.messages).toHaveLength(2);
    expect(compacted.summary[0]?.length).toBeLessThan(400);
    expect(compacted.summary[0]).toMatch(/^Q: x+… → A: x+…$/);
  });
});
