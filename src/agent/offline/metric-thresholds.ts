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
const BELOW = "under|below|less than|lower than|at most";
const PHRASES = [...METRIC_PHRASES].sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(
  `\\b(${PHRASES.map(([phrase]) => escapeRegExp(phrase)).join("|")})\\s+(?:is\\s+|of\\s+)?(${ABOVE}|${BELOW})\\s+\\$?(\\d+(?:\\.\\d+)?)\\s*(%|x|k)?(?=\\s|$)`,
  "g",
);

/** Reads the limits and blanks their comparison and number, leaving the metric word for the metric slot. */
export function readThresholds(words: string): { thresholds: ThresholdWord[]; rest: string } {
  let rest = words;
  const thresholds: ThresholdWord[] = [];
  for (const match of [...words.matchAll(PATTERN)]) {
    const metric = PHRASES.find(([phrase]) => phrase === match[1])?.[1];
    if (!metric || !match[2] || !match[3]) continue;
    let value = Number(match[3]) * (match[4] === "k" ? 1_000 : 1);
    // Rates are fractions in the tools; people write them as percentages ("CTR under 1" is 1%).
    const rate = metric !== "efficiency" && isRate(metric);
    if (rate && (match[4] === "%" || value >= 1)) value /= 100;
    thresholds.push(
      new RegExp(`^(?:${ABOVE})$`).test(match[2]) ? { metric, above: value } : { metric, below: value },
    );
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const end = (match.index ?? 0) + match[0].length;
    rest = rest.slice(0, start) + " ".repeat(end - start) + rest.slice(end);
  }
  return { thresholds, rest };
}
