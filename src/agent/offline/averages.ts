import { isKpi } from "../../metrics/index.js";
import { escapeRegExp } from "./text-spans.js";
import { METRIC_PHRASES } from "./vocabulary.js";

export interface AverageReading {
  /** The question without the average words that only name a KPI ("avg CPC" is CPC). */
  text: string;
  /** What the reading line must say, when an average word was read as the KPI itself. */
  note: string | null;
  /** Why an average or median asked for is not something the tools compute, or null. */
  outOfReach: string | null;
}

/** Ratio KPIs by the words people use: "avg CPC" is Google's own name for spend / clicks. */
const RATIO_PHRASES = METRIC_PHRASES.filter(([, metric]) => isKpi(metric))
  .map(([phrase]) => phrase)
  .sort((a, b) => b.length - a.length)
  .map((phrase) => escapeRegExp(phrase).replace(/ /g, "[\\s_-]+"))
  .join("|");
/** "average order value" is a KPI's own name, not an average of "order value". */
const AVERAGE_NAMES = METRIC_PHRASES.map(([phrase]) => phrase)
  .filter((phrase) => /^(?:avg|average|mean) /.test(phrase))
  .map((phrase) => escapeRegExp(phrase).replace(/ /g, "[\\s_-]+"))
  .join("|");
const AVERAGE_OF_RATIO = new RegExp(
  `\\b(?!(?:${AVERAGE_NAMES})\\b)(?:avg|average|mean)\\.?\\s+(?=(?:${RATIO_PHRASES})\\b)`,
  "gi",
);
const AVERAGE =
  /\b(?:avg|average|averaged|averages)\b|\bmean\s+(?:daily|weekly|monthly|spend|cost|clicks?|impressions?|conversions?|revenue)\b/i;
const MEDIAN = /\bmedian\b/i;

/**
 * "avg CPC", "average ROAS": a ratio KPI over the period is already the average that counts (spend over
 * clicks, not a mean of daily CPCs), so the word is read as the KPI's name and the reading says so. An
 * average of an amount ("avg daily spend", "average spend per campaign") or a median is a figure no tool
 * computes: declined, naming what it can answer instead of a total that would look like the average.
 */
export function readAverages(question: string): AverageReading {
  if (MEDIAN.test(question)) {
    return {
      text: question,
      note: null,
      outOfReach:
        "a median, and the tools compute ratios of sums over the period (CPC is spend / clicks), not medians of days or rows; ask e.g. “CPC” for the period's CPC, or “CPC by day” for each day's",
    };
  }
  let named = false;
  const text = question.replace(AVERAGE_OF_RATIO, (words) => {
    named = true;
    return " ".repeat(words.length);
  });
  if (AVERAGE.test(text.replace(new RegExp(`\\b(?:${AVERAGE_NAMES})\\b`, "gi"), " "))) {
    return {
      text,
      note: null,
      outOfReach:
        "an average of an amount (per day, per week or per campaign), and the tools give totals and each day's or each value's figure, not their mean; ask e.g. “spend by day last 30 days” or “spend by campaign”",
    };
  }
  return {
    text,
    note: named ? "an average of a rate is read as the rate over the whole period (a ratio of sums)" : null,
    outOfReach: null,
  };
}
