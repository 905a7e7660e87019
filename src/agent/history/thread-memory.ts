import { z } from "zod";
import type { Dataset } from "../../ingest/index.js";
import type { ToolCallRecord } from "../tool-runner.js";

/**
 * What a Slack thread remembers of its conversation, as plain JSON the Slack layer stores and hands back.
 * It is bound to the thread's file: a memory of another file is not carried over. It stays bounded: past
 * a few exchanges, the oldest are folded into one-line summaries, and the summaries themselves are capped.
 */

const DatasetRefSchema = z.object({
  file: z.string(),
  rows: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

const ThreadMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("user"), text: z.string() }),
  z.object({
    role: z.literal("assistant"),
    text: z.string(),
    engine: z.enum(["gemini", "offline"]),
    tools: z.array(z.string()),
  }),
]);

const ThreadMemorySchema = z.object({
  version: z.literal(1),
  dataset: DatasetRefSchema,
  summary: z.array(z.string()),
  messages: z.array(ThreadMessageSchema),
});

export type DatasetRef = z.infer<typeof DatasetRefSchema>;
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;
export type ThreadMemory = z.infer<typeof ThreadMemorySchema>;

export interface MemoryLimits {
  /** Messages kept word for word (a question and its answer are two). */
  maxMessages: number;
  /** Characters of kept messages before older ones are folded. */
  maxChars: number;
  /** Summary lines kept; the oldest go first. */
  maxSummaryLines: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = { maxMessages: 12, maxChars: 8_000, maxSummaryLines: 20 };

const SUMMARY_QUESTION_CHARS = 160;
const SUMMARY_ANSWER_CHARS = 200;

export function datasetRef(dataset: Dataset): DatasetRef {
  const range = dataset.receipt.dateRange;
  return {
    file: dataset.receipt.file,
    rows: dataset.facts.rowCount,
    from: range?.from ?? null,
    to: range?.to ?? null,
  };
}

/**
 * The memory to continue with: the stored one when it is valid and about this dataset, else a fresh one
 * (stored JSON from an older version, or a thread that moved on to another file, starts over).
 */
export function threadMemoryFor(dataset: Dataset, stored?: unknown): ThreadMemory {
  const ref = datasetRef(dataset);
  const parsed = ThreadMemorySchema.safeParse(stored);
  if (parsed.success && sameDataset(parsed.data.dataset, ref)) return parsed.data;
  return { version: 1, dataset: ref, summary: [], messages: [] };
}

export function sameDataset(a: DatasetRef, b: DatasetRef): boolean {
  return a.file === b.file && a.rows === b.rows && a.from === b.from && a.to === b.to;
}

export interface Exchange {
  question: string;
  answer: string;
  engine: "gemini" | "offline";
  toolCalls: readonly ToolCallRecord[];
}

/** The memory with one more question and answer, compacted to the limits. */
export function recordExchange(
  memory: ThreadMemory,
  exchange: Exchange,
  limits: MemoryLimits = DEFAULT_MEMORY_LIMITS,
): ThreadMemory {
  const messages: ThreadMessage[] = [
    ...memory.messages,
    { role: "user", text: exchange.question },
    {
      role: "assistant",
      text: exchange.answer,
      engine: exchange.engine,
      tools: exchange.toolCalls.map(toolLabel),
    },
  ];
  return compactMemory({ ...memory, messages }, limits);
}

/** Folds the oldest exchanges into summary lines until the kept messages fit the limits. */
export function compactMemory(
  memory: ThreadMemory,
  limits: MemoryLimits = DEFAULT_MEMORY_LIMITS,
): ThreadMemory {
  const messages = [...memory.messages];
  const summary = [...memory.summary];
  while (
    messages.length > 2 &&
    (messages.length > limits.maxMessages || charsOf(messages) > limits.maxChars)
  ) {
    const folded = messages.splice(0, messages[1]?.role === "assistant" ? 2 : 1);
    summary.push(summaryLine(folded));
  }
  return { ...memory, summary: summary.slice(-limits.maxSummaryLines), messages };
}

/** The latest question asked in the thread, which a short follow-up ("and for Meta?") builds on. */
export function lastQuestion(memory: ThreadMemory): string | null {
  for (let index = memory.messages.length - 1; index >= 0; index--) {
    const message = memory.messages[index];
    if (message?.role === "user") return message.text;
  }
  return null;
}

function summaryLine(messages: readonly ThreadMessage[]): string {
  const question = messages.find((message) => message.role === "user")?.text ?? "";
  const answer = messages.find((message) => message.role === "assistant")?.text ?? "";
  const firstLine = answer.split("\n").find((line) => line.trim() !== "") ?? "";
  return `Q: ${clip(question, SUMMARY_QUESTION_CHARS)} → A: ${clip(firstLine, SUMMARY_ANSWER_CHARS)}`;
}

function toolLabel(call: ToolCallRecord): string {
  const args = Object.entries(call.args)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(", ");
  return clip(`${call.name}(${args})`, 200);
}

function charsOf(messages: readonly ThreadMessage[]): number {
  return messages.reduce((sum, message) => sum + message.text.length, 0);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
