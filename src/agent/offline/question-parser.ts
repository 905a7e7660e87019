import { type Dataset, dayRange, MEASURES } from "../../ingest/index.js";
import { type Grain, isLowerBetter, isTimePart, type Metric } from "../../metrics/index.js";
import type { ChartKind } from "../tool-support/chart-specs.js";
import { dimensionWords } from "./answer-wording.js";
import { readAverages } from "./averages.js";
import { overPeriodSlot, type PeriodSlot, readDatePhrases } from "./date-phrases.js";
import { readThresholds, signsAsWords } from "./metric-thresholds.js";
import { readNegations } from "./negations.js";
import { efficiencyMetric } from "./offline-plan.js";
import { outOfReach } from "./out-of-reach.js";
import { pairedValues } from "./paired-values.js";
import { BLEND_WORDS, PHRASE_WORDS, QUESTION_WORDS } from "./question-words.js";
import { rankedTimePart } from "./single-days.js";
import { escapeRegExp, takePhrases, wordPattern } from "./text-spans.js";
import { correctTypos } from "./typo-correction.js";
import { matchValues, type ValueFilter } from "./value-matcher.js";
import { wordsInNames } from "./value-words.js";
import {
  BEST_WORDS,
  DIMENSION_PHRASES,
  HIGH_WORDS,
  LOW_WORDS,
  METRIC_PHRASES,
  type MetricWord,
  NUMBER_WORDS,
  PLATFORM_ALIASES,
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
  /** Every dimension named, in order; a question with two ("by campaign and device") is declined for now. */
  dimensions: string[];
  /** "campaigns that spent at least $5k": the spend floor for a ranking. */
  minSpend: number | null;
  /** "campaigns with CPA over 50": limits on a breakdown's rows. */
  thresholds: Array<{ metric: Metric; above?: number; below?: number }>;
  /** Content words no slot took: a filter or grouping that would otherwise be silently dropped. */
  unread: string[];
  /** Words for a kind of value the file has no column for ("mobile" without devices). */
  missing: Array<{ word: string; column: string }>;
  /** Parts of names asked for ("with 'brand' in the name") that no value contains. */
  unmatchedParts: string[];
  /** Why no tool can answer this (a forecast, a day-of-week split), or null. */
  outOfReach: string | null;
  /** "is CPA going up?": a yes, no or flat is wanted about this direction, not only the figures. */
  verdict: "up" | "down" | null;
  /** "did spend go up last week?": a yes, no or about flat is wanted on one period against the one before. */
  changeAsked: "up" | "down" | null;
  /** "women vs men spend in Q4": values of one column against each other within the period, not two periods. */
  sideBySide: boolean;
}

const INTENT_PATTERNS: Record<Exclude<Intent, "unknown" | "rank" | "breakdown" | "totals">, RegExp> = {
  explain: /\b(?:why|what (?:drove|caused|explains|happened)|reasons?|drivers?|driving|behind|explain\w*)\b/,
  chart: /\b(?:chart|plot|graph|visuali[sz]e|visual|draw|picture)\b/,
  anomalies: /\b(?:anomal\w*|outliers?|unusual|spikes?|dips?|strange|weird|odd|abnormal|irregular)\b/,
  recommend:
    /\b(?:should (?:i|we)|recommend\w*|suggest\w*|advice|advise|what to (?:cut|pause|scale|do)|where to (?:move|shift|put|invest)|cut|pause|kill|scale|reallocat\w*|shift budget|move budget|wast\w*|optimi[sz]\w*)\b/,
  compare:
    /\b(?:vs|versus|compare|compared|comparison|against|than|change|changed|changes|difference|differ|grew|growth|drop|dropped|fell|rose|increase|increased|decrease|decreased|up or down|(?:go|goes|gone|went|going) (?:up|down)|worse|better|improv\w*|declin\w*|deteriorat\w*|how did (?:we|it|things) do|(?:spend\w*|paying|getting) (?:more|less))\b/,
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
  // Slack markup (a mention, a channel link) is not a word of the question.
  const averages = readAverages(
    countedSales(signsAsWords(wholeNumbers(question.replace(/<[@#!][^>]*>/g, " ")))),
  );
  const typos = correctTypos(readNegations(averages.text), knownWords(dataset));
  const shield = shieldMeasures(typos.text, dataset);
  const matched = matchValues(shield.text, dataset);
  const names = {
    ...matched,
    rest: shield.restore(matched.rest),
    filters: pairedValues(typos.text, matched.filters, dataset),
  };
  const span = dayRange(dataset.facts);
  const dates = readDatePhrases(names.rest.toLowerCase(), {
    first: span?.first ?? null,
    last: span?.last ?? null,
    todayYear: Number(today.slice(0, 4)),
  });
  // Decimal points stay ("ROAS below 1.5"); any other punctuation is a space.
  const words = ` ${dates.rest
    .replace(/[^a-z0-9%$.]+/g, " ")
    .replace(/\.(?!\d)|(?<!\d)\./g, " ")
    // "45-49 year olds": the age band is the value; the words around it are not a period.
    .replace(/\b(?:years?|yrs?) olds?\b|\by ?o\b/g, " ")
    // "CPA by campaign, highest first": an order for the list, not a ranking of a few.
    .replace(ORDERED_LIST, (_, extreme: string) => `${extreme}        `)
    .trim()} `;
  const orderedList = ORDERED_LIST.test(` ${dates.rest} `);
  const floor = readMinSpend(words);
  const limits = readThresholds(floor.rest);
  const extras = takePhrases(limits.rest, extraMeasurePhrases(dataset));
  const metricWords = takePhrases(extras.rest, METRIC_PHRASES);
  const dimensions = findDimensions(metricWords.rest, dataset, dates.slots.length > 0);
  const metrics = resolveMetrics(
    metricWords.found.map((item) => item.value),
    dataset,
  );
  const count = countOf(words);
  const verdict = verdictAsked(words, metrics[0] ?? null);
  const intent =
    verdict !== null
      ? "trend"
      : limits.thresholds.length > 0
        ? "breakdown"
        : dates.slots.length > 0 && PLAIN_MOVE.test(words)
          ? "compare"
          : detectIntent(words, {
              metrics: metrics.length,
              dimension: dimensions.names.length > 0,
              periods: dates.slots.length,
              comparison: dates.comparison,
              direction: directionOf(words) !== null,
              segments: names.filters.some((filter) => filter.values.length >= 2),
              count: count !== null,
            });
  const dimension = dimensions.names[0] ?? null;
  // "how many campaigns spent over $1k": the list of those campaigns; "how many ad sets" alone is a count.
  const countsValues = HOW_MANY.test(words) && metrics.length === 0 && dimension !== null;
  const limited = floor.value !== null || limits.thresholds.length > 0;
  // "which channel drove the most revenue and at what roas": a ranking takes one metric, so two are listed
  // side by side, in the order of the first.
  const severalRanked =
    intent === "rank" && metrics.length >= 2 && dimension !== null && !isTimePart(dimension);
  const listed =
    (orderedList && intent === "rank" && dimension !== null) || (countsValues && limited) || severalRanked
      ? "breakdown"
      : intent;
  // "is Prospecting getting worse month over month" names no metric to follow as a series: it compares the
  // last month with the one before, not the default last 7 days.
  const periods =
    dates.slots.length === 0 && dates.over !== null && (listed === "compare" || listed === "explain")
      ? [overPeriodSlot(dates.over)]
      : dates.slots;
  // A word no slot took may still be part of names ("retargeting" of "Retargeting - Cart abandoners").
  const nameWords = wordsInNames(
    unreadWords(dimensions.rest, count?.text ?? null).filter(
      (word) => !(dataset.facts.dimensions.platform && BLEND_WORDS.has(word)),
    ),
    dataset,
  );
  return {
    intent: listed,
    metrics,
    extraMeasures: [...new Set(extras.found.map((item) => item.value))],
    dimension,
    singular: dimensions.singular,
    n: count?.value ?? null,
    direction: directionOf(words) ?? (listed === "rank" ? betterOrWorse(words) : null),
    filters: [...names.filters, ...nameWords.filters],
    periods,
    relativeTo: dates.relativeTo,
    grain: GRAINS.find(([pattern]) => pattern.test(words))?.[1] ?? (verdict !== null ? "week" : null),
    chart: intent === "chart" ? chartKind(words, dimension, dates.slots.length) : null,
    notes: [
      ...(names.platformNote ? [names.platformNote] : []),
      ...(typos.corrections.length > 0 ? [`read ${typos.corrections.join(", ")}`] : []),
      ...dates.notes,
      ...(averages.note ? [averages.note] : []),
    ],
    dimensions: dimensions.names,
    minSpend: floor.value,
    thresholds: limits.thresholds.map((limit) => ({
      ...limit,
      metric: resolveMetrics([limit.metric], dataset)[0] ?? "spend",
    })),
    unread: nameWords.unread,
    missing: names.missing,
    unmatchedParts: names.unmatchedParts,
    outOfReach:
      dates.unclear ??
      averages.outOfReach ??
      (listed === "compare" && dates.slots.length > 2 ? SEVERAL_PERIODS : null) ??
      outOfReach(question, dataset) ??
      judgedWithoutResults(
        listed,
        metricWords.found.map((item) => item.value),
        metrics,
        dataset,
      ) ??
      (countsValues && !limited
        ? `a count of ${dimensionWords(dimension, true)}: ask e.g. “spend by ${dimensionWords(dimension)}”, which lists each one`
        : null),
    verdict,
    changeAsked: listed === "compare" ? changeAskedOf(words) : null,
    sideBySide:
      names.filters.some((filter) => filter.values.length >= 2) &&
      dates.slots.length <= 1 &&
      !dates.comparison &&
      AGAINST.test(words) &&
      !MOVED.test(words),
  };
}

/** "how many sales": a count of sales is conversions, whatever "sales" means alone (revenue). */
function countedSales(question: string): string {
  return question.replace(/\b(how many|number of|# of|count of)\s+sales\b/gi, "$1 conversions");
}

/** "CPC over 10,000": thousands separators would split the number in two ("10" and an unread "000"). */
function wholeNumbers(question: string): string {
  return question.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)/g, (number) =>
    number.replace(/,/g, ""),
  );
}

/** "cpa jul vs aug vs sep": compare_periods sets two periods side by side, so a third would be dropped. */
const SEVERAL_PERIODS =
  "three or more periods side by side: compare two at a time (e.g. “CPA august vs september”), or ask for the series (e.g. “CPA by month”)";

const HOW_MANY = /\bhow many\b/;
const AGAINST = /\b(?:vs|versus|against|compared (?:to|with))\b/;
/** Words for a move over time: "did desktop vs mobile CPA go up in Q4" compares Q4 with the quarter before. */
const MOVED =
  /\b(?:chang\w*|grew|grow\w*|drop\w*|f[ae]ll\w*|rose|ris\w*|increas\w*|decreas\w*|declin\w*|improv\w*|worse|better|jump\w*|spik\w*|(?:go|goes|gone|went|going) (?:up|down)|before|previous|prior)\b/;

/** A yes-or-no question ("did", "has") about a move one way; "why did CPA jump?" asks for reasons instead. */
const YES_NO = /^\s*(?:did|has|have|had|was|were|is|are)\b/;
/** "is spend down this month?": a period's figure against the one before, asked as up or down. */
const PLAIN_MOVE = /^\s*(?:is|are|was|were)\b.*\b(?:up|down|higher|lower)\b/;
const WENT_DOWN =
  /\b(?:go(?:ne)? down|went down|down|drop(?:ped)?|f[ae]ll|fallen|decreased?|declined?|dip(?:ped)?|shr[aiu]nk|less|lower)\b/;
const WENT_UP =
  /\b(?:go(?:ne)? up|went up|up|rise|rose|risen|increased?|gr[eo]w|grown|climb(?:ed)?|jump(?:ed)?|spiked?|more|higher)\b/;

function changeAskedOf(words: string): "up" | "down" | null {
  if (!YES_NO.test(words)) return null;
  if (WENT_DOWN.test(words)) return "down";
  return WENT_UP.test(words) ? "up" : null;
}

const ORDERED_LIST =
  /\b(highest|lowest|largest|smallest|biggest|best|worst|most|least|cheapest)\s+(?:first|on top)\b/;

const VERDICT =
  /\b(?:is|are|has|have)\b.*\b(?:going (?:up|down)|rising|increasing|falling|decreasing|climbing|trending (?:up|down)|growing|declining|dropping)\b/;
/**
 * Better or worse, not up or down: which way depends on the metric ("CPA improving" is CPA going down).
 * Without a metric named ("is Prospecting getting worse?") it is no one series' direction.
 */
const BETTER = /\b(?:is|are|has|have)\b.*\b(?:improving|getting better)\b/;
const WORSE = /\b(?:is|are|has|have)\b.*\b(?:worsening|getting worse)\b/;

/** "is CPA going up?": the way asked, or null when no direction is asked. */
function verdictAsked(words: string, metric: Metric | null): "up" | "down" | null {
  if (metric !== null && (BETTER.test(words) || WORSE.test(words))) {
    return BETTER.test(words) === isLowerBetter(metric) ? "down" : "up";
  }
  if (!VERDICT.test(words)) return null;
  return /\b(?:down|falling|decreasing|declining|dropping)\b/.test(words) ? "down" : "up";
}

/** The words a typo may be corrected to: the vocabulary, and the words of this file's names. */
function knownWords(dataset: Dataset): Set<string> {
  const known = new Set<string>(PHRASE_WORDS);
  const add = (text: string) => {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length > 0) known.add(word);
  };
  for (const [phrase] of [...METRIC_PHRASES, ...DIMENSION_PHRASES]) add(phrase);
  for (const [name, column] of Object.entries(dataset.facts.dimensions)) {
    add(name);
    if (column.values.length <= 500) for (const value of column.values) add(value);
  }
  for (const name of Object.keys(dataset.facts.extraMeasures)) add(name);
  for (const aliases of Object.values(PLATFORM_ALIASES)) for (const alias of aliases) add(alias);
  return known;
}

/** "that spent at least $5k", "min spend 500": a floor on spend, in the data's currency. */
const MIN_SPEND = [
  /\b(?:that |which |with )?(?:spent|spend|spending|a spend of|cost)\s+(?:of\s+)?(?:at least|over|more than|above|greater than|min(?:imum)?(?: of)?)\s+\$?(\d+(?:\.\d+)?)\s*(k|m)?\b/,
  /\b(?:at least|over|more than|above)\s+\$?(\d+(?:\.\d+)?)\s*(k|m)?\s+(?:of\s+|in\s+)?(?:spend|spent|ad spend)\b/,
  /\b(?:min(?:imum)? spend|spend floor)\s+(?:of\s+)?\$?(\d+(?:\.\d+)?)\s*(k|m)?\b/,
];

function readMinSpend(words: string): { value: number | null; rest: string } {
  for (const pattern of MIN_SPEND) {
    const match = pattern.exec(words);
    if (!match) continue;
    const scale = match[2] === "k" ? 1_000 : match[2] === "m" ? 1_000_000 : 1;
    const rest = words.replace(match[0], " ".repeat(match[0].length));
    return { value: Number(match[1]) * scale, rest };
  }
  return { value: null, rest: words };
}

/** What is left once every slot has taken its words: grammar and intent words aside, a dropped term. */
function unreadWords(rest: string, countText: string | null): string[] {
  const left = countText ? rest.replace(countText, " ") : rest;
  return left
    .split(/\s+/)
    .map((word) => word.replace(/^\$+|%+$/g, ""))
    .filter((word) => word.length > 0 && !QUESTION_WORDS.has(word));
}

interface Signals {
  metrics: number;
  dimension: boolean;
  periods: number;
  comparison: boolean;
  direction: boolean;
  segments: boolean;
  /** "top 3": a ranking even without a dimension named (the default one is meant). */
  count: boolean;
}

/**
 * "which gender has a better conv rate": the better of the column's values, a ranking; without "which"
 * and a column, or with periods or values named, "better" asks about a move over time.
 */
function betterOfOne(words: string, signals: Signals): boolean {
  return (
    signals.dimension &&
    signals.periods === 0 &&
    !signals.comparison &&
    !signals.segments &&
    /\bwhich\b/.test(words) &&
    /\b(?:better|worse)\b/.test(words) &&
    !/\b(?:getting|got|gotten|become|became|becoming|than)\b/.test(words)
  );
}

function detectIntent(words: string, signals: Signals): Intent {
  const is = (intent: keyof typeof INTENT_PATTERNS) => INTENT_PATTERNS[intent].test(words);
  if (is("explain")) return "explain";
  if (is("chart")) return "chart";
  if (is("anomalies")) return "anomalies";
  if (is("recommend")) return "recommend";
  if (betterOfOne(words, signals)) return "rank";
  if (
    signals.periods >= 2 ||
    signals.comparison ||
    (is("compare") &&
      (signals.periods > 0 ||
        signals.segments ||
        /\b(?:vs|versus|compare|worse|better|improv\w*|declin\w*|deteriorat\w*|(?:spend\w*|paying|getting) (?:more|less))/.test(
          words,
        )))
  ) {
    return "compare";
  }
  if (is("trend")) return "trend";
  if (signals.direction && (signals.dimension || signals.count || /\bwhich\b/.test(words))) return "rank";
  if (signals.dimension && (BREAKDOWN.test(words) || /\bwhich\b/.test(words))) return "breakdown";
  if (is("compare") && signals.metrics > 0) return "compare";
  if (is("describe") && signals.metrics === 0) return "describe";
  if (signals.metrics > 0 || TOTALS.test(words)) return "totals";
  if (signals.dimension) return "breakdown";
  return "unknown";
}

/**
 * The dimensions a question names, in order: the common words first, longest first (so "ad set" is never
 * "ad"), then names the data itself uses ("Objective", "gender").
 */
function findDimensions(
  words: string,
  dataset: Dataset,
  namesPeriod: boolean,
): { names: string[]; singular: boolean; rest: string } {
  const names = Object.keys(dataset.facts.dimensions);
  const found: Array<{ name: string; index: number; singular: boolean }> = [];
  const ranked = rankedTimePart(words, namesPeriod);
  if (ranked) {
    const plural = /^\w+s\b/.test(words.slice(ranked.index));
    found.push({ name: ranked.part, index: ranked.index, singular: !plural });
  }
  const spokenOf = (name: string) => name.toLowerCase().replace(/[_-]+/g, " ").trim();
  // The file's own names of several words first: "campaign type" is its column, not "campaign" and "type".
  const longNames = names
    .filter((name) => spokenOf(name).includes(" "))
    .sort((a, b) => spokenOf(b).length - spokenOf(a).length);
  const own = takeDataNames(words, longNames, found);
  const common = takePhrases(own, DIMENSION_PHRASES);
  for (const item of common.found) {
    const inData = names.find((name) => name.toLowerCase() === item.value) ?? standIn(item.value, names);
    const singular = !/s$/.test(item.text.trim());
    // A dimension the file lacks is still asked for: the tool's refusal names the ones it has.
    found.push({ name: inData ?? item.value, index: item.index, singular });
  }
  const rest = takeDataNames(
    common.rest,
    names.filter((name) => !longNames.includes(name)),
    found,
  );
  found.sort((a, b) => a.index - b.index);
  const unique = [...new Set(found.map((item) => item.name))];
  return { names: unique, singular: found[0]?.singular ?? false, rest };
}

/** Dimensions named as the data names them ("Objective", "gender"), plural or singular, blanked when found. */
function takeDataNames(
  words: string,
  names: readonly string[],
  found: Array<{ name: string; index: number; singular: boolean }>,
): string {
  let rest = words;
  for (const name of names) {
    const spoken = name.toLowerCase().replace(/[_-]+/g, " ").trim();
    for (const [form, singular] of [
      [`${spoken}s`, false],
      [spoken, true],
    ] as const) {
      const match = wordPattern(form).exec(rest);
      if (!match) continue;
      found.push({ name, index: match.index, singular });
      rest = rest.replace(wordPattern(form), (span) => " ".repeat(span.length));
    }
  }
  return rest;
}

/**
 * "channel" of a file without a channel column is its campaign type, platform, network or source, when it
 * has one; the reading line then says which column answered.
 */
function standIn(canonical: string, names: readonly string[]): string | undefined {
  // An analytics export without campaigns (GA4 by channel group) ranks what it has: its channels.
  if (canonical === "campaign") return standIn("channel", names) ?? names.find((name) => name === "channel");
  // "platform" is the blend's own dimension; of one file it is the channel, as it always was.
  if (canonical === "platform") return names.find((name) => name === "channel") ?? standIn("channel", names);
  if (canonical !== "channel") return undefined;
  return names.find((name) => /campaign.?type|platform|network|source|medium/i.test(name));
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

/** Measures split by a column ("reach by campaign") or counted ("total reach"), not values named so. */
const MEASURE_ROLE = (spoken: string) =>
  new RegExp(
    `(?:\\b(?:total|how much|how many|our)\\s+)(${escapeRegExp(spoken)})\\b|\\b(${escapeRegExp(spoken)})(?=\\s+(?:by|per|for each|across|split by)\\b)`,
    "gi",
  );

/**
 * "reach by campaign" of a file with a Reach column and a "Reach" objective: the column is asked for, so
 * the word is hidden from the value matcher (and put back after it), as "spend on reach campaigns" still
 * names the objective.
 */
function shieldMeasures(
  question: string,
  dataset: Dataset,
): { text: string; restore: (rest: string) => string } {
  const spans: Array<{ index: number; word: string }> = [];
  let text = question;
  for (const [spoken] of extraMeasurePhrases(dataset)) {
    for (const match of question.matchAll(MEASURE_ROLE(spoken))) {
      const word = match[1] ?? match[2] ?? "";
      // The measure ends the match after "total", and starts it before "by".
      const start = match[1] ? (match.index ?? 0) + match[0].length - word.length : (match.index ?? 0);
      spans.push({ index: start, word });
      text = text.slice(0, start) + "#".repeat(word.length) + text.slice(start + word.length);
    }
  }
  const restore = (rest: string) =>
    spans.reduce(
      (current, span) =>
        current.slice(0, span.index) + span.word + current.slice(span.index + span.word.length),
      rest,
    );
  return { text, restore };
}

/**
 * "best performing ad set", "which ads should we pause" of a file with neither conversions nor revenue:
 * spend alone cannot say what performs or what to cut, so that is said instead of ranking by spend.
 */
function judgedWithoutResults(
  intent: Intent,
  words: readonly MetricWord[],
  metrics: readonly Metric[],
  dataset: Dataset,
): string | null {
  const { measures } = dataset.facts;
  if (measures.conversions || measures.revenue) return null;
  const judged = words.includes("efficiency") || (intent === "recommend" && metrics.length === 0);
  if (!judged) return null;
  return "a judgement of performance, which needs conversions or revenue, and this file has neither: ask for a figure it has instead, e.g. “CPM by ad set” or “top 5 ads by impressions”";
}

/** Metric words to metrics, once each; "performance" means the plan's efficiency metric, spend at worst. */
function resolveMetrics(words: readonly MetricWord[], dataset: Dataset): Metric[] {
  // One choice of the KPI that judges performance (offline-plan's), so a file that tracks no conversion
  // value is never judged by ROAS 0.00x here while the plan ranks by another KPI.
  const efficiency: Metric = dataset.facts.measures.spend ? efficiencyMetric(dataset) : "spend";
  const metrics = words.map((word) => (word === "efficiency" ? efficiency : word));
  return [...new Set(metrics)];
}

function betterOrWorse(words: string): Direction | null {
  return /\bworse\b/.test(words) ? "worst" : /\bbetter\b/.test(words) ? "best" : null;
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

function countOf(words: string): { value: number; text: string } | null {
  for (const pattern of COUNT_PATTERNS) {
    const match = pattern.exec(words);
    if (match?.[1]) return { value: NUMBER_WORDS[match[1]] ?? Number(match[1]), text: match[1] };
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
