import type { AnalystLogger } from "../analyst-logger.js";
import { runToolCall, type ToolCallRecord } from "../tool-runner.js";
import type { ToolContext } from "../tools/tool.js";
import { writeOptimizerAnswer } from "./optimizer-answers.js";
import { readOptimizerQuestion } from "./optimizer-questions.js";

/** A forecast, budget-move, significance or pattern question answered by its tool, or null for any other. */
export async function answerOptimizerQuestion(
  question: string,
  context: ToolContext,
  logger: AnalystLogger,
): Promise<{ text: string; toolCalls: ToolCallRecord[] } | null> {
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
  return { text: writeOptimizerAnswer(read, record, context.dataset), toolCalls: [record] };
}
