import type { RequiredReading } from "../checker/relevance-checker.js";
import { dimensionWords } from "./answer-wording.js";
import type { ParsedQuestion } from "./question-parser.js";

/** Intents whose answer is a split by the dimensions the question names. */
const SPLIT_INTENTS: ReadonlySet<ParsedQuestion["intent"]> = new Set(["breakdown", "rank", "recommend"]);

/**
 * What a question's reading requires of any answer to it, Gemini's or the offline analyst's: its filters,
 * its period and its grouping. Only what the question itself says counts, never a default.
 */
export function requiredReading(parsed: ParsedQuestion): RequiredReading {
  // "spend by campaign this week vs last": a comparison of two periods split by a column asks for that
  // split too; values set side by side ("messages vs engagement campaigns") are split by their own column.
  const sideBySide =
    (parsed.periods.length === 0 || parsed.sideBySide) &&
    parsed.filters.some((filter) => filter.values.length >= 2);
  const split =
    SPLIT_INTENTS.has(parsed.intent) ||
    (parsed.intent === "explain" && parsed.dimension) ||
    (parsed.intent === "compare" && parsed.dimension && !sideBySide) ||
    (parsed.intent === "trend" && parsed.dimension && parsed.grain && !parsed.verdict);
  return {
    filters: parsed.filters.map((filter) => ({
      dimension: filter.dimension,
      values: filter.values,
      described:
        filter.described ??
        `${dimensionWords(filter.dimension)} = ${filter.values.slice(0, 3).join(", ")}${filter.values.length > 3 ? "…" : ""}`,
    })),
    period: parsed.periods.length > 0,
    groupings: [
      ...(split ? parsed.dimensions : []),
      ...(parsed.intent === "trend" && parsed.grain && !parsed.verdict ? [parsed.grain] : []),
    ],
  };
}
