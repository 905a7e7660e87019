import type { FactTable } from "../ingest/index.js";
import { PacingRefusal, pace } from "./pacing.js";
import type { TargetSpec } from "./target.js";
import { targetInQuestion } from "./target-in-question.js";
import { describeTarget } from "./target-text.js";

/** Words that ask how spend or a KPI stands against a goal; "budget" alone is a budget move, not this. */
const PACING =
  /\b(?:on pace|pacing|pace|on track|on budget|over budget|under budget|overspend\w*|underspend\w*|targets?)\b/i;

export interface PacingData {
  facts: FactTable;
  currency: string | null;
  /** The files in scope, named in the answer's reading line. */
  files: string;
}

/**
 * "are we on pace for our $20k monthly budget?": the target named in the question, else the channel's
 * stored targets, paced on the data. Null when the question is not about pacing, so the analyst answers
 * it; a pacing question with no target to pace says how to give one rather than guessing one.
 */
/** Whether a question asks about pacing at all: the cheap test before any data is loaded for it. */
export const asksAboutPacing = (question: string) => PACING.test(question);

export function pacingAnswer(
  question: string,
  data: PacingData,
  stored: readonly TargetSpec[],
): string | null {
  if (!PACING.test(question)) return null;
  const asked = targetInQuestion(question);
  const targets = asked ? [asked] : stored;
  if (targets.length === 0) {
    return "I have no target to pace against: say it in the question, with its amount and period (“are we on pace for our monthly budget of …?”), or set one with `/target set budget <amount> monthly`.";
  }
  const lines = targets.map((target) => {
    try {
      const result = pace(data.facts, target, data.currency);
      return { text: result.text, through: result.through };
    } catch (error) {
      if (error instanceof PacingRefusal)
        return {
          text: `Cannot pace ${describeTarget(target, data.currency)}: ${error.message}`,
          through: null,
        };
      throw error;
    }
  });
  const through = lines.find((line) => line.through)?.through;
  const what = targets.map((target) => describeTarget(target, data.currency)).join("; ");
  const source = asked ? "as asked" : "the channel's targets";
  return [
    ...lines.map((line) => line.text),
    `Read as: pacing of ${what} (${source})${through ? ` · data through ${through}` : ""} · ${data.files}`,
  ].join("\n");
}
