import type { Dataset } from "../../ingest/index.js";
import { exampleQuestions } from "./answer-describe.js";
import { dimensionWords } from "./answer-wording.js";
import type { ParsedQuestion } from "./question-parser.js";

/**
 * Why a question is declined rather than answered as a broader one, or null when every word of it was
 * read and the tools can answer it. A decline names what this file does have and questions it can answer.
 */
const MAX_NAMED_UNKNOWN = 1;

export function declineReason(parsed: ParsedQuestion, dataset: Dataset): string | null {
  if (parsed.outOfReach) return `that needs ${parsed.outOfReach}`;
  const has = `it has ${columnList(dataset)}`;
  const [missing] = parsed.missing;
  if (missing) {
    return `“${missing.word}” needs a ${missing.column} column, and this export has none; ${has}`;
  }
  const [part] = parsed.unmatchedParts;
  if (part) return `no name in this export contains “${part}”`;
  const [first, second] = parsed.dimensions.map((name) => dimensionWords(name));
  if (parsed.dimensions.length > 2) return "I can split by two dimensions at most";
  // Only a breakdown splits by a pair ("CPA by campaign and device"); a ranking or a trend takes one.
  if (second && parsed.intent !== "breakdown") {
    return `I can split this by one dimension at a time, not by ${first} and ${second} together; ask by ${first}, then by ${second}`;
  }
  // A question with no slot at all gets the general help instead of a list of its words, unless one
  // word is all it asks about ("what's our ltv?"): it is named, as a term this file cannot answer.
  const named = parsed.intent !== "unknown" || parsed.unread.length <= MAX_NAMED_UNKNOWN;
  if (parsed.unread.length > 0 && named) {
    const words = parsed.unread.map((word) => `“${word}”`).join(", ");
    return `I don't know what ${words} means for this file; ${has}`;
  }
  return null;
}

export function writeDecline(reason: string, dataset: Dataset): string {
  return [
    `I can't answer that exactly from **${dataset.receipt.file}**: ${reason}.`,
    "It can answer, for example:",
    ...exampleQuestions(dataset).map((question) => `- “${question}”`),
  ].join("\n");
}

function columnList(dataset: Dataset): string {
  // A column with one value (delivery status "archived") is nothing to split or filter by.
  const names = Object.entries(dataset.facts.dimensions)
    .filter(([, column]) => column.values.length > 1)
    .map(([name]) => dimensionWords(name));
  return names.length > 0 ? names.join(", ") : "no dimensions to split by";
}
