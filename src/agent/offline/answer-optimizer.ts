import type { AnalystLogger } from "../analyst-logger.js";
import { runToolCall, type ToolCallRecord } from "../tool-runner.js";
import type { ToolContext } from "../tools/tool.js";
import { writeOptimizerAnswer } from "./optimizer-answers.js";
import { readOptimizerQuestion } from "./optimizer-questions.js";

export type OptimizerOutcome =
  | { text: string; toolCalls: ToolCallRecord[] }
  /** No curve could be fitted: the general analyst answers, and the answer says why curves could not. */
  | { note: string };

/** A forecast, budget-move, significance or pattern question answered by its tool, or null for any other. */
export async function answerOptimizerQuestion(
  question: string,
  context: ToolContext,
  logger: AnalystLogger,
): Promise<OptimizerOutcome | null> {
  const read = readOptimizerQuestion(question, context.dataset);
  if (!read) return null;
  if (read.decline) {
    return {
      text: `I can't answer that exactly from *${context.dataset.receipt.file}*: ${read.decline}.`,
      toolCalls: [],
    };
  }
  const record = await runToolCall(context, read.call, logger);
  if (record.internal) logger.warn(`offline optimizer call ${record.name} refused: ${record.error}`);
  if (read.kind === "budget" && record.ok && Number(record.result?.fitted_count ?? 0) < 2) {
    return {
      note: "response curves (what the next dollar brings) need days at clearly different budgets for at least two of them, and this data does not have that; average ROAS below says nothing about the next dollar",
    };
  }
  return { text: writeOptimizerAnswer(read, record, context.dataset), toolCalls: [record] };
}
