import type { Dataset } from "../ingest/index.js";
import { pace } from "./pacing.js";
import { pacingAnswer } from "./pacing-answer.js";
import type { TargetSpec } from "./target.js";
import { targetInQuestion } from "./target-in-question.js";

/** A tool call as the analyst records it, so the answer's figures are checked against its result. */
export interface PacingCall {
  name: "pacing";
  args: { metric: string; value: number; period: string | null; scope: string | null };
  ok: true;
  result: Record<string, number | string | null>;
}

/**
 * A pacing question answered as one turn of the analyst: its text (as `pacingAnswer` words it) and the
 * call it made, whose result holds every figure the text states. Null when the question is not about
 * pacing or names no target and none is stored.
 */
export function pacingTurn(
  question: string,
  dataset: Dataset,
  stored: readonly TargetSpec[] = [],
): { text: string; toolCalls: PacingCall[] } | null {
  const data = { facts: dataset.facts, currency: dataset.receipt.currency, files: dataset.receipt.file };
  const text = pacingAnswer(question, data, stored);
  if (text === null) return null;
  const asked = targetInQuestion(question);
  const targets = asked ? [asked] : stored;
  const toolCalls = targets.flatMap((target): PacingCall[] => {
    try {
      const result = pace(data.facts, target, data.currency);
      const share = result.projected ?? result.actual;
      return [
        {
          name: "pacing",
          args: {
            metric: target.metric,
            value: target.value,
            period: target.period,
            scope: target.scope ? `${target.scope.dimension} = ${target.scope.value}` : null,
          },
          ok: true,
          result: {
            target: target.value,
            actual: result.actual,
            projected: result.projected,
            // A fraction, as rates are in every tool result: 0.09 is the "9% over" of the text.
            off_target: share === null ? null : Math.abs(share / target.value - 1),
            from: result.period.from,
            to: result.period.to,
            through: result.through,
          },
        },
      ];
    } catch {
      return [];
    }
  });
  return { text, toolCalls };
}
