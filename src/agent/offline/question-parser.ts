import { type Dataset, dayRange, MEASURES } from "../../ingest/index.js";
import type { Grain, Metric } from "../../metrics/index.js";
import type { ChartKind } from "../tool-support/chart-specs.js";
import { type PeriodSlot, readDatePhrases } from "./date-phrases.js";
import { takePhrases, wordPattern } from "./text-spans.js";
import { matchValues, type ValueFilter } from "./value-matcher.js";
import {
  BEST_WORDS,
  DIMENSION_PHRASES,
  HIGH_WORDS,
  LOW_WORDS,
  METRIC_PHRASES,
  type MetricWord,
  NUMBER_WORDS,
  WORST_WORDS,
} from "./vocabulary.js";

export type Intent =
  | "describe"
  | "totals"
  | "breakdown"
  | "rank"
  | "trend"
  | "compare"
  | "anomalies"
  | "explain"
  | "chart"
  | "recommend"
  | "unknown";

export type Direction = "best" | "worst" | "high" | "low";

/** What a question asks, read without an LLM: an intent and the slots the tools need. */
export interface ParsedQuestion {
  intent: Intent;
  /** Metrics named, in order; "performance" words resolve to ROAS (or CPA without revenue). */
  metrics: Metric[];
  /** The file's other measures named ("landing page views", "reach"), as the data keys them. */
  extraMeasures: string[];
  /** The dimension named, as the data calls it when it has it. */
  dimension: string | null;
  /** "which channel", "the best campaign": one answer wanted. */
  singular: boolean;
  n: number | null;
  direction: Direction | null;
  filters: ValueFilter[];
  periods: PeriodSlot[];
  relativeTo: "data" | "today";
  grain: Grain | null;
  chart: ChartKind | null;
  /** Things the answer must say about how the question was read. */
  notes: string[];
}

const INTENT_PATTERNS: Record<Exclude<Intent, "unknown" | "rank" | "breakdown" | "totals">, RegExp> = {
  explain: /\b(?:why|what (?:drove|caused|explains|happened)|reasons?|drivers?|driving|behind|explain\w*)\b/,
  chart: /\b(?:chart|plot|graph|visuali[sz]e|visual|draw|picture)\b/,
  anomalies: /\b(?:anomal\w*|outliers?|unusual|spikes?|dips?|strange|weird|odd|abnormal|irregular)\b/,
  recommend:
    /\b(?:should (?:i|we)|recommend\w*|suggest\w*|advice|advise|what to (?:cut|pause|scale|do)|where to (?:move|shift|put|invest)|cut|pause|kill|scale|reallocat\w*|shift budget|move budget|wast\w*|optimi[sz]\w*)\b/,
  compare:
    /\b(?:vs|versus|compare|compared|comparison|against|than|change|changed|changes|difference|differ|grew|growth|drop|dropped|fell|rose|increase|increased|decrease|decreased|up or down|worse|better|improv\w*|declin\w*|deteriorat\w*|how did (?:we|it|things) do)\b/,
  trend:
    /\b(?:trend|trends|trending|over time|evolv\w*|evolution|progress\w*|daily|weekly|monthly|day by day|week by week|by day|by week|by month|per day|per week|per month|each day|each week|each month|time series|history)\b/,
  describe:
    /\b(?:describe|columns?|fields?|what data|what is in|what s in|whats in|overview of (?:the|this) (?:data|file)|what can (?:you|i) (?:ask|do|answer)|what do you (?:know|have)|dataset)\b/,
};
const BREAKDOWN = /\b(?:by|per|each|every|across|split|breakdown|break down|broken down|for all|list)\b/;
const TOTALS =
  /\b(?:how much|how many|total|totals|overall|summary|summarize|summarise|overview|kpis?|numbers|how are we doing|how did we do|doing|how is it going|how s it going|results?|status|report)\b/;
const GRAINS: ReadonlyArray<readonly [RegExp, Grain]> = [
  [/\b(?:daily|day by day|by day|per day|each day|days)\b/, "day"],
  [/\b(?:weekly|week by week|by week|per week|each week|weeks)\b/, "week"],
  [/\b(?:monthly|month by month|by month|per month|each month|months)\b/, "month"],
];

export function parseQuestion(question: string, dataset: Dataset, today: string): ParsedQuestion {
  const names = matchValues(question, dataset);
  const span = dayRange(dataset.facts);
  const dates = readDatePhrases(names.rest.toLowerCase(), {
    first: span?.first ?? null,
    last: span?.last ?? null,
    todayYear: Number(today.slice(0, 4)),
  });
  const words = ` ${dates.rest.replace(/[^a-z0-9%$]+/g, " ").trim()} `;
  const extras = takePhrases(words, extraMeasurePhrases(dataset));
  const metricWords = takePhrases(extras.rest, METRIC_PHRASES);
  const dimension = findDimension(metricWords.rest, dataset);
  const metrics = resolveMetrics(
    metricWords.found.map((item) => item.value),
    dataset,
  );
  const intent = detectIntent(words, {
    metrics: metrics.length,
    dimension: dimension.name !== null,
    periods: dates.slots.length,
    comparison: dates.comparison,
    direction: directionOf(words) !== null,
    segments: names.filters.some((filter) => filter.values.length >= 2),
  });
  return {
    intent,
    metrics,
    extraMeasures: [...new Set(extras.found.map((item) => item.value))],
    dimension: dimension.name,
    singular: dimension.singular,
    n: countOf(words),
    direction: directionOf(words),
    filters: names.filters,
    periods: dates.slots,
    relativeTo: dates.relativeTo,
    grain: GRAINS.find(([pattern]) => pattern.test(words))?.[1] ?? null,
    chart: intent === "chart" ? chartKind(words, dimension.name, dates.slots.length) : null,
    notes: names.platformNote ? [names.platformNote] : [],
  };
}

interface Signals {
  metrics: number;
  dimension: boolean;
  periods: number;
  comparison: boolean;
  direction: boolean;
  segments: boolean;
}

function detectIntent(words: string, signals: Signals): Intent {
  const is = (intent: keyof typeof INTENT_PATTERNS) => INTENT_PATTERNS[intent].test(words);
  if (is("explain")) return "explain";
  if (is("chart")) return "chart";
  if (is("anomalies")) return "anomalies";
  if (is("recommend")) return "recommend";
  if (
    signals.periods >= 2 ||
    signals.comparison ||
    (is("compare") &&
      (signals.periods > 0 ||
        signals.segments ||
        /\b(?:vs|versus|compare|worse|better|improv\w*|declin\w*|deteriorat\w*)/.test(words)))
  ) {
    return "compare";
  }
  if (is("trend")) return "trend";
  if (signals.direction && (signals.dimension || /\bwhich\b/.test(words))) return "rank";
  if (signals.dimension && (BREAKDOWN.test(words) || /\bwhich\b/.test(words))) return "breakdown";
  if (is("compare") && signals.metrics > 0) return "compare";
  if (is("describe") && signals.metrics === 0) return "describe";
  if (signals.metrics > 0 || TOTALS.test(words)) return "totals";
  if (signals.dimension) return "breakdown";
  return "unknown";
}

/** A dimension the data itself names (e.g. "Objective") first, then the common words for the usual ones. */
function findDimension(words: string, dataset: Dataset): { name: string | null; singular: boolean } {
  const names = Object.keys(dataset.facts.dimensions);
  for (const name of names) {
    const spoken = name.toLowerCase().replace(/[_-]+/g, " ").trim();
    if (wordPattern(`${spoken}s`).test(words)) return { name, singular: false };
    if (wordPattern(spoken).test(words)) return { name, singular: true };
  }
  const { found } = takePhrases(words, DIMENSION_PHRASES);
  const first = found[0];
  if (!first) return { name: null, singular: false };
  const canonical = first.value;
  const inData = names.find((name) => name.toLowerCase() === canonical) ?? canonical;
  return { name: inData, singular: !/s$/.test(first.text.trim()) };
}

/**
 * The data's own other measures, as spoken: "landing_page_views" and "Landing page views" are both
 * "landing page views", and only as named ("result" also starts "result type"). The file's words win over
 * the synonym table ("results" is Meta's Results column when the file has one), but never over a
 * canonical measure's own name.
 */
function extraMeasurePhrases(dataset: Dataset): Array<readonly [string, string]> {
  const phrases: Array<readonly [string, string]> = [];
  for (const name of Object.keys(dataset.facts.extraMeasures)) {
    const spoken = name
      .toLowerCase()
      .replace(/[^a-z0-9%$]+/g, " ")
      .trim();
    const canonical = MEASURES.some((measure) => measure === spoken || measure === `${spoken}s`);
    if (spoken.length < 3 || canonical) continue;
    phrases.push([spoken, name]);
  }
  return phrases;
}

/** Metric words to metrics, once each; "performance" means ROAS with revenue, CPA without, spend at worst. */
function resolveMetrics(words: readonly MetricWord[], dataset: Dataset): Metric[] {
  const { measures } = dataset.facts;
  const efficiency: Metric =
    measures.revenue && measures.spend ? "roas" : measures.conversions && measures.spend ? "cpa" : "spend";
  const metrics = words.map((word) => (word === "efficiency" ? efficiency : word));
  return [...new Set(metrics)];
}

function directionOf(words: string): Direction | null {
  const lists: ReadonlyArray<readonly [readonly string[], Direction]> = [
    [BEST_WORDS, "best"],
    [WORST_WORDS, "worst"],
    [HIGH_WORDS, "high"],
    [LOW_WORDS, "low"],
  ];
  let best: { direction: Direction; index: number } | null = null;
  for (const [list, direction] of lists) {
    for (const word of list) {
      const match = wordPattern(word).exec(words);
      if (match && (best === null || match.index < best.index)) best = { direction, index: match.index };
    }
  }
  return best?.direction ?? null;
}

const COUNT_WORD = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
const COUNT_PATTERNS = [
  new RegExp(`\\b(?:top|bottom|best|worst|first|last|highest|lowest)\\s+${COUNT_WORD}\\b`),
  new RegExp(
    `\\b${COUNT_WORD}\\s+(?:best|worst|top|bottom|highest|lowest|biggest|largest|smallest|most|least)\\b`,
  ),
];

function countOf(words: string): number | null {
  for (const pattern of COUNT_PATTERNS) {
    const match = pattern.exec(words);
    if (match?.[1]) return NUMBER_WORDS[match[1]] ?? Number(match[1]);
  }
  return null;
}

function chartKind(words: string, dimension: string | null, periods: number): ChartKind {
  if (/\bfunnel\b/.test(words)) return "funnel";
  if (
    /\b(?:spend|cost) (?:vs|versus|and|against) (?:revenue|sales)\b|\b(?:revenue|sales) (?:vs|versus|and|against) (?:spend|cost)\b/.test(
      words,
    )
  ) {
    return "spend_vs_revenue";
  }
  if (/\b(?:scatter|efficiency)\b/.test(words)) return "efficiency";
  if (periods >= 2 || /\b(?:vs|versus|compare|change)\b/.test(words)) return "period_change";
  if (INTENT_PATTERNS.trend.test(words) || /\bover\b/.test(words)) return "trend";
  return dimension ? "breakdown" : "trend";
}
