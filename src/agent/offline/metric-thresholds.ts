import { isRate } from "../../metrics/index.js";
import { escapeRegExp } from "./text-spans.js";
import { METRIC_PHRASES, type MetricWord } from "./vocabulary.js";

/** "CPA over 50", "ROAS below 1.5x", "CTR under 1%": a limit on a metric, for a breakdown's rows. */
export interface ThresholdWord {
  metric: MetricWord;
  above?: number;
  below?: number;
}

const ABOVE = "over|above|more than|greater than|higher than|at least|exceeding";
const BELOW = "under|below|less than|fewer than|lower than|at most";
const PHRASES = [...METRIC_PHRASES].sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(
  `\\b(${PHRASES.map(([phrase]) => escapeRegExp(phrase)).join("|")})\\s+(?:is\\s+|of\\s+)?(${ABOVE}|${BELOW})\\s+\\$?(\\d+(?:\\.\\d+)?)\\s*(%|x|k)?(?=\\s|$)`,
  "g",
);

/** "more than 100 conversions": the limit before the metric it limits. */
const LIMIT_FIRST = new RegExp(
  `\\b(${ABOVE}|${BELOW})\\s+\\$?(\\d+(?:\\.\\d+)?)\\s*(%|x|k)?\\s+(${PHRASES.map(([phrase]) => escapeRegExp(phrase)).join("|")})(?=\\s|$)`,
  "g",
);

/**
 * "roas > 4", "ctr < 1%", "cpa >= 30": comparison signs as the words the limits are read from, after Slack
 * markup ("<@U1>") is gone; an arrow between dates ("→", "->") is a range, not "more than".
 */
export function signsAsWords(question: string): string {
  return question
    .replace(/\s*(?:→|->|=>)\s*/g, " to ")
    .replace(/\s*(?:>=|≥)\s*/g, " at least ")
    .replace(/\s*(?:<=|≤)\s*/g, " at most ")
    .replace(/\s*>\s*/g, " over ")
    .replace(/\s*<\s*/g, " under ");
}

/** Reads the limits and blanks their comparison and number, leaving the metric word for the metric slot. */
export function readThresholds(words: string): { thresholds: ThresholdWord[]; rest: string } {
  let rest = words;
  const thresholds: ThresholdWord[] = [];
  const add = (phrase: string, comparison: string, number: string, unit: string | undefined) => {
    const metric = PHRASES.find(([known]) => known === phrase)?.[1];
    if (!metric) return false;
    let value = Number(number) * (unit === "k" ? 1_000 : 1);
    // Rates are fractions in the tools; people write them as percentages ("CTR under 1" is 1%).
    const rate = metric !== "efficiency" && isRate(metric);
    if (rate && (unit === "%" || value >= 1)) value /= 100;
    thresholds.push(
      new RegExp(`^(?:${ABOVE})$`).test(comparison) ? { metric, above: value } : { metric, below: value },
    );
    return true;
  };
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + " ".repeat(end - start) + rest.slice(end);
  };
  for (const match of [...words.matchAll(PATTERN)]) {
    if (!match[1] || !match[2] || !match[3] || !add(match[1], match[2], match[3], match[4])) continue;
    blank((match.index ?? 0) + match[1].length, (match.index ?? 0) + match[0].length);
  }
  for (const match of [...rest.matchAll(LIMIT_FIRST)]) {
    if (!match[1] || !match[2] || !match[4] || !add(match[4], match[1], match[2], match[3])) continue;
    blank(match.index ?? 0, (match.index ?? 0) + match[0].length - match[4].length);
  }
  return { thresholds, rest };
}
