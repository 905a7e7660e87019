/**
 * The analyst: Gemini calling typed tools over the metrics engine, an offline analyst calling the same
 * tools, and a check of every figure an answer states against the tool results of its turn.
 */
export { type AnalystLogger, silentLogger, stderrLogger } from "./analyst-logger.js";
export { type AnalystAnswer, type AnswerRequest, answerQuestion, unverifiedNote } from "./answer-question.js";
export {
  type CheckedFigure,
  checkNumbers,
  type Evidence,
  type NumberCheck,
} from "./checker/number-checker.js";
export { functionDeclarations } from "./gemini/function-declarations.js";
export { fallbackNote, GeminiFailure, type GeminiFailureReason } from "./gemini/gemini-failure.js";
export { DEFAULT_LOOP_LIMITS, type LoopLimits } from "./gemini/gemini-loop.js";
export {
  compactMemory,
  type DatasetRef,
  DEFAULT_MEMORY_LIMITS,
  datasetRef,
  type Exchange,
  lastQuestion,
  type MemoryLimits,
  recordExchange,
  sameDataset,
  type ThreadMemory,
  type ThreadMessage,
  threadMemoryFor,
} from "./history/thread-memory.js";
export { generateInsights, type InsightsOptions } from "./insights/generate-insights.js";
export { type InsightsSummary, InsightsSummarySchema } from "./insights/insights-summary.js";
export { exampleQuestions } from "./offline/answer-describe.js";
export { personalColumns, type WithheldColumn } from "./privacy/personal-columns.js";
export { withheldRefusal } from "./privacy/shareable-data.js";
export { runToolCall, runToolCalls, type ToolCall, type ToolCallRecord } from "./tool-runner.js";
export { ANALYST_TOOLS, findTool } from "./tools/index.js";
export type { AnalystTool, ChartImage, Json, JsonObject, ToolContext, ToolOutcome } from "./tools/tool.js";
