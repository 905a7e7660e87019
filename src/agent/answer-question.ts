import { literalNames } from "../format/slack-markdown.js";
import type { Dataset, FactTable } from "../ingest/index.js";
import { redact } from "../log/logger.js";
import { pacingTurn } from "../targets/pacing-turn.js";
import type { TargetSpec } from "../targets/target.js";
import { type AnalystLogger, stderrLogger } from "./analyst-logger.js";
import { checkNumbers } from "./checker/number-checker.js";
import { relevanceGaps, relevanceNote } from "./checker/relevance-checker.js";
import { toolEvidence } from "./checker/tool-evidence.js";
import { fallbackNote, GeminiFailure } from "./gemini/gemini-failure.js";
import { DEFAULT_LOOP_LIMITS, type LoopLimits, runGeminiLoop } from "./gemini/gemini-loop.js";
import { recordExchange, type ThreadMemory, threadMemoryFor } from "./history/thread-memory.js";
import { answerOffline } from "./offline/offline-analyst.js";
import { parseQuestion } from "./offline/question-parser.js";
import { readingOfCalls } from "./offline/reading-line.js";
import { requiredReading } from "./offline/required-reading.js";
import { shareableData } from "./privacy/shareable-data.js";
import type { ToolCallRecord } from "./tool-runner.js";
import type { ChartImage, ToolContext } from "./tools/tool.js";

/** What the app passes in: `Config` from src/config fits `config`. */
export interface AnswerRequest {
  question: string;
  dataset: Dataset;
  /** The thread's memory as stored after the previous answer (`AnalystAnswer.history`), if any. */
  history?: unknown;
  config?: { gemini: { apiKey?: string; model: string; baseUrl?: string } };
  /** Budget and KPI targets of the conversation, paced when the question asks about pacing. */
  targets?: readonly TargetSpec[];
  /** Rows pushed by automations, when the workspace has any. */
  live?: FactTable;
  /** YYYY-MM-DD; the wall clock by default. */
  today?: string;
  logger?: AnalystLogger;
  /** Step limit, timeouts and retries of the Gemini loop. */
  limits?: LoopLimits;
}

export interface AnalystAnswer {
  /** Standard Markdown (bold, italic, lists); every value in it is untrusted, escaped where it is shown. */
  text: string;
  /** Charts drawn for this answer, to upload with it. */
  charts: ChartImage[];
  toolCalls: ToolCallRecord[];
  /** Figures in `text` that no tool of this turn produced (see `unverifiedNote`). */
  unverified: string[];
  /** Filters, periods or splits the question asked for that no call applied; `text` then says so. */
  unanswered: string[];
  engine: "gemini" | "offline";
  /** Why the offline analyst answered although Gemini is configured. */
  note?: string;
  /** The thread's memory with this exchange: store it and pass it back with the next question. */
  history: ThreadMemory;
}

/**
 * Answers a question about a thread's dataset: with Gemini calling the tools when a key is configured,
 * else (or when Gemini fails) with the offline analyst calling the same tools. Every figure of the answer
 * is checked against this turn's tool results; the ones no tool produced are returned and logged.
 */
export async function answerQuestion(request: AnswerRequest): Promise<AnalystAnswer> {
  const logger = request.logger ?? stderrLogger;
  const memory = threadMemoryFor(request.dataset, request.history);
  // Pacing against a target (named in the question, or the channel's) is arithmetic on the data: answered
  // here, with its call recorded, whether or not Gemini is configured.
  const pacing = pacingTurn(request.question, request.dataset, request.targets);
  if (pacing) return finish(request, memory, logger, { ...pacing, engine: "offline", charts: [] });
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  const shared = shareableData(request.dataset, request.live);
  const newContext = (): ToolContext => ({ ...shared, today, charts: [] });
  const gemini = request.config?.gemini;
  let note: string | undefined;
  if (gemini?.apiKey) {
    const context = newContext();
    try {
      const outcome = await runGeminiLoop({
        settings: { apiKey: gemini.apiKey, model: gemini.model, baseUrl: gemini.baseUrl },
        context,
        memory,
        question: request.question,
        limits: request.limits ?? DEFAULT_LOOP_LIMITS,
        logger,
      });
      return finish(request, memory, logger, { ...outcome, engine: "gemini", charts: context.charts });
    } catch (error) {
      const failure = error instanceof GeminiFailure ? error : null;
      const detail =
        error instanceof Error ? (failure ? error.message : (error.stack ?? error.message)) : String(error);
      logger.warn(`Gemini gave no answer, answering offline: ${redact(detail, [gemini.apiKey])}`);
      note = fallbackNote(failure?.reason ?? "bad_response");
    }
  }
  const context = newContext();
  const offline = await answerOfflineSafely(request.question, context, memory, logger);
  return finish(request, memory, logger, { ...offline, engine: "offline", charts: context.charts, note });
}

/** The last line of defence: a bug of ours is logged with its stack, and the person gets one sentence. */
async function answerOfflineSafely(
  question: string,
  context: ToolContext,
  memory: ThreadMemory,
  logger: AnalystLogger,
): Promise<{ text: string; toolCalls: ToolCallRecord[] }> {
  try {
    return await answerOffline(question, context, memory, logger);
  } catch (error) {
    logger.warn(
      `the offline analyst failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return {
      text: "Sorry, something went wrong on my side while answering that; it has been logged.",
      toolCalls: [],
    };
  }
}

interface Drafted {
  text: string;
  toolCalls: ToolCallRecord[];
  engine: "gemini" | "offline";
  charts: ChartImage[];
  note?: string;
}

function finish(
  request: AnswerRequest,
  memory: ThreadMemory,
  logger: AnalystLogger,
  draft: Drafted,
): AnalystAnswer {
  const evidence = toolEvidence(draft.toolCalls);
  const { facts, receipt } = request.dataset;
  const names = [
    receipt.file,
    ...Object.keys(facts.dimensions),
    ...Object.values(facts.dimensions).flatMap((column) => column.values),
  ];
  const { unverified } = checkNumbers(draft.text, { results: evidence, question: request.question, names });
  const today = request.today ?? new Date().toISOString().slice(0, 10);
  if (unverified.length > 0) {
    logger.warn(`${draft.engine} answer states figures no tool produced: ${unverified.join(", ")}`);
  }
  // Gemini's reading is rendered from the calls it made, after the check: it is our account of the
  // arguments, not a figure the model claims (the offline answer carries its own, and declines instead of
  // leaving part of the question out).
  const reading = draft.engine === "gemini" ? readingOfCalls(draft.toolCalls) : null;
  const unanswered = draft.engine === "gemini" ? geminiGaps(request, today, draft.toolCalls) : [];
  if (unanswered.length > 0) logger.warn(`gemini answer left out ${unanswered.join("; ")}`);
  const flagged = relevanceNote(unanswered);
  // The offline writers escape the names they quote; the model writes them as they are.
  const text = draft.engine === "gemini" ? literalNames(draft.text, names) : draft.text;
  return {
    text: [text, reading, flagged].filter((line) => line).join("\n"),
    charts: draft.charts,
    toolCalls: draft.toolCalls,
    unverified,
    unanswered,
    engine: draft.engine,
    ...(draft.note ? { note: draft.note } : {}),
    history: recordExchange(memory, {
      question: request.question,
      answer: draft.text,
      engine: draft.engine,
      toolCalls: draft.toolCalls,
    }),
  };
}

/**
 * What Gemini's calls left out of the question as the offline parser reads it: a filter, period or split
 * the question names that no call applied.
 */
function geminiGaps(request: AnswerRequest, today: string, calls: readonly ToolCallRecord[]): string[] {
  const parsed = parseQuestion(request.question, request.dataset, today);
  return relevanceGaps(requiredReading(parsed), calls, request.dataset.facts);
}

/** The line a reply carries when some of its figures could not be traced to a tool result. */
export function unverifiedNote(unverified: readonly string[]): string | null {
  if (unverified.length === 0) return null;
  return `:warning: Not found in this answer's tool results, so unverified: ${unverified.join(", ")}`;
}
