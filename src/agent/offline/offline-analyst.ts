import type { AnalystLogger } from "../analyst-logger.js";
import { relevanceGaps } from "../checker/relevance-checker.js";
import { lastQuestion, type ThreadMemory } from "../history/thread-memory.js";
import { runToolCalls, type ToolCallRecord } from "../tool-runner.js";
import type { ToolContext } from "../tools/tool.js";
import { declineReason, writeDecline } from "./answer-decline.js";
import { answerOptimizerQuestion } from "./answer-optimizer.js";
import { planCalls } from "./offline-plan.js";
import { type ParsedQuestion, parseQuestion } from "./question-parser.js";
import { readingLine } from "./reading-line.js";
import { requiredReading } from "./required-reading.js";
import { writeAnswer } from "./write-answer.js";

export interface OfflineAnswer {
  text: string;
  toolCalls: ToolCallRecord[];
}

/**
 * The analyst without an LLM: reads the question (or, for a short follow-up such as "and for Meta?", the
 * thread's previous question with the new details), calls the same tools Gemini would, and writes the
 * answer from their results. Deterministic: the same question and data give the same answer.
 */
export async function answerOffline(
  question: string,
  context: ToolContext,
  memory: ThreadMemory,
  logger: AnalystLogger,
): Promise<OfflineAnswer> {
  const optimizer = await answerOptimizerQuestion(question, context, logger);
  if (optimizer && "text" in optimizer) return optimizer;
  const parsed = withFollowUp(
    parseQuestion(question, context.dataset, context.today),
    question,
    memory,
    context,
  );
  const declined = declineReason(parsed, context.dataset);
  if (declined) return { text: writeDecline(declined, context.dataset), toolCalls: [] };
  const calls = planCalls(parsed, context.dataset);
  const toolCalls = await runToolCalls(context, calls, logger);
  for (const record of toolCalls) {
    if (record.internal) logger.warn(`offline plan made a call ${record.name} refused: ${record.error}`);
  }
  // The plan is meant to carry every part of the reading; when it cannot, a figure for a broader question
  // would look checked, so the analyst says what it could not apply instead.
  const gaps = relevanceGaps(requiredReading(parsed), toolCalls, context.dataset.facts);
  if (gaps.length > 0) {
    logger.warn(`offline plan left out ${gaps.join("; ")} for: ${question}`);
    return {
      text: writeDecline(`I could only answer it without ${gaps.join(", and without ")}`, context.dataset),
      toolCalls: [],
    };
  }
  const notes = [
    ...parsed.notes,
    ...attributionCaveat(parsed, context),
    ...(optimizer && "note" in optimizer ? [optimizer.note] : []),
  ];
  const answer = writeAnswer(parsed, toolCalls, context.dataset, notes);
  const reading = readingLine(parsed, toolCalls);
  return { text: reading ? `${answer}\n${reading}` : answer, toolCalls };
}

/** Short questions that lean on the previous one: "and for Meta?", "what about last week?", "by channel?". */
const FOLLOW_UP = /^\s*(?:and|what about|how about|same|now|also|only|just|but|by|for|in|per|split)\b/i;
const FOLLOW_UP_MAX_WORDS = 6;

function withFollowUp(
  parsed: ParsedQuestion,
  question: string,
  memory: ThreadMemory,
  context: ToolContext,
): ParsedQuestion {
  const previousQuestion = lastQuestion(memory);
  if (!previousQuestion) return parsed;
  const hasDetails =
    parsed.metrics.length > 0 ||
    parsed.extraMeasures.length > 0 ||
    parsed.dimension !== null ||
    parsed.filters.length > 0 ||
    parsed.periods.length > 0;
  const short = question.trim().split(/\s+/).length <= FOLLOW_UP_MAX_WORDS && FOLLOW_UP.test(question);
  if (!hasDetails || !(parsed.intent === "unknown" || short)) return parsed;
  const previous = parseQuestion(previousQuestion, context.dataset, context.today);
  if (previous.intent === "unknown") return parsed;
  const ownIntent =
    parsed.intent !== "unknown" && parsed.intent !== "totals" && parsed.intent !== previous.intent;
  const intent = ownIntent
    ? parsed.intent
    : previous.intent === "totals" && parsed.dimension
      ? "breakdown"
      : previous.intent;
  return {
    ...previous,
    intent,
    metrics: parsed.metrics.length > 0 ? parsed.metrics : previous.metrics,
    extraMeasures: parsed.extraMeasures.length > 0 ? parsed.extraMeasures : previous.extraMeasures,
    dimension: parsed.dimension ?? previous.dimension,
    singular: parsed.dimension ? parsed.singular : previous.singular,
    filters: parsed.filters.length > 0 ? parsed.filters : previous.filters,
    periods: parsed.periods.length > 0 ? parsed.periods : previous.periods,
    relativeTo: parsed.periods.length > 0 ? parsed.relativeTo : previous.relativeTo,
    chart: intent === "chart" ? (parsed.chart ?? previous.chart) : null,
    unread: parsed.unread,
    missing: parsed.missing,
    unmatchedParts: parsed.unmatchedParts,
    outOfReach: parsed.outOfReach,
    minSpend: parsed.minSpend ?? previous.minSpend,
    thresholds: parsed.thresholds.length > 0 ? parsed.thresholds : previous.thresholds,
    dimensions: parsed.dimensions.length > 0 ? parsed.dimensions : previous.dimensions,
    notes: [...parsed.notes, `read as a follow-up to “${previousQuestion}”`],
  };
}

const ATTRIBUTED: ReadonlySet<string> = new Set(["conversions", "revenue", "cpa", "cvr", "roas", "aov"]);

/** Platforms each count conversions their own way, so comparing or summing them across needs a caveat. */
function attributionCaveat(parsed: ParsedQuestion, context: ToolContext): string[] {
  // A blend of several exports has its platforms in `platform`; its totals add every platform's own count.
  const { dimensions } = context.dataset.facts;
  const across = ["channel", "platform"].filter((name) => (dimensions[name]?.values.length ?? 0) >= 2);
  const oneChannel = parsed.filters.some(
    (filter) => across.includes(filter.dimension) && filter.values.length === 1,
  );
  const acrossChannels =
    parsed.intent === "recommend" ||
    (parsed.intent === "totals" &&
      across.includes("platform") &&
      parsed.metrics.some((metric) => ATTRIBUTED.has(metric))) ||
    ((parsed.intent === "rank" || parsed.intent === "breakdown") && across.includes(parsed.dimension ?? ""));
  if (across.length === 0 || oneChannel || !acrossChannels) return [];
  return [
    "each platform attributes conversions with its own window and model, so they can overlap across channels",
  ];
}
