import { type Dataset, dayRange, dayToIso } from "../../ingest/index.js";
import { isLowerBetter, isMetric, looseValue } from "../../metrics/index.js";
import type { ToolCall } from "../tool-runner.js";
import type { JsonObject } from "../tools/tool.js";
import { efficiencyMetric } from "./offline-plan.js";
import { asksForSingleDays } from "./single-days.js";

/**
 * Questions for the optimizer's tools (forecast, budget moves, significance, weekday and hour patterns),
 * read before the general parser: each maps to one typed call, so "forecast next month's spend" is a
 * forecast and never last month's figures.
 */
export type OptimizerKind = "forecast" | "budget" | "significance" | "pattern";

export interface OptimizerQuestion {
  kind: OptimizerKind;
  /** Set when the question is the optimizer's but lacks what a call needs: the answer says what to add. */
  decline?: string;
  call: ToolCall;
  /** How the question was read, for the answer's reading line. */
  reading: string;
  /** A pattern question asking for the worst weekday or hour ("which weekday has the worst ROAS"). */
  worstAsked?: boolean;
}

const FORECAST =
  /\b(?:forecast\w*|predict\w*|projections?|project(?:ed)?|where will|will (?:we|it|spend|revenue|conversions?) (?:land|end|be)|land (?:by|at)|month[- ]end|end of (?:the |this )?month|next month|next \d+ days|next (?:week|quarter))\b/i;
const BUDGET =
  /\b(?:marginal|move (?:the |our |my )?budget|budget moves?|reallocat\w*|shift (?:the |our )?(?:budget|spend)|where should (?:i|we) (?:put|move|spend|shift)|next dollar|scale (?:up )?\w+|scaling|diminishing returns?|saturat\w*|response curves?)\b/i;
const SIGNIFICANCE =
  /\b(?:significan\w*|statistically|by chance|p[- ]?values?|is (?:the|this|that) (?:difference|gap|lift) real|real difference)\b/i;
const PATTERN =
  /\b(?:days? of (?:the )?week|weekdays?|which day|what day|best day|worst day|hours? of (?:the )?day|time of day|which hour|what hour|best hour|hourly)\b/i;

const RATE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:ctr|click[- ]?through)\b/i, "ctr"],
  [/\b(?:cvr|conversion rate|conv\.? rate)\b/i, "cvr"],
  [/\b(?:cpa|cost per (?:acquisition|conversion|result|purchase))\b/i, "cpa"],
  [/\broas\b|return on ad spend/i, "roas"],
  [/\b(?:cpc|cost per click)\b/i, "cpc"],
  [/\b(?:cpm)\b/i, "cpm"],
  [/\b(?:aov|order value)\b/i, "aov"],
];
const SUM_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bspend\w*|\bcost\b|\bbudget\b/i, "spend"],
  [/\bconversions?\b|\bpurchases?\b|\bleads?\b|\bsales\b/i, "conversions"],
  [/\brevenue\b|\bconversion value\b/i, "revenue"],
  [/\bclicks?\b/i, "clicks"],
  [/\bimpressions?\b/i, "impressions"],
];
/** Words people use for values exports spell otherwise. */
const VALUE_SYNONYMS: Record<string, string[]> = {
  male: ["men", "man", "males", "male"],
  female: ["women", "woman", "females", "female"],
  m: ["men", "man", "males", "male"],
  f: ["women", "woman", "females", "female"],
};

export function readOptimizerQuestion(question: string, dataset: Dataset): OptimizerQuestion | null {
  if (SIGNIFICANCE.test(question)) return significance(question, dataset);
  if (BUDGET.test(question)) return budget(question, dataset);
  if (PATTERN.test(question) && !asksForSingleDays(question, dataset)) return pattern(question, dataset);
  if (FORECAST.test(question)) return forecast(question, dataset);
  return null;
}

function forecast(question: string, dataset: Dataset): OptimizerQuestion {
  const named = SUM_WORDS.filter(([pattern]) => pattern.test(question)).map(([, metric]) => metric);
  const available = named.filter((metric) => dataset.facts.measures[metric as "spend"]);
  const metrics = available.length > 0 ? available.slice(0, 3) : ["spend"];
  const days = /\bnext (\d+) days\b/i.exec(question);
  const month = namedMonth(question, dataset);
  if (month === "beyond") {
    return {
      kind: "forecast",
      call: { name: "forecast", args: {} },
      reading: "a forecast",
      decline: "a forecast reaches at most to the end of the month after the data ends; ask for next month",
    };
  }
  const args: JsonObject = month
    ? { horizon: month }
    : /\bnext month\b/i.test(question)
      ? { horizon: "next_month" }
      : days
        ? { horizon: "next_days", days: Math.min(92, Math.max(1, Number(days[1]))) }
        : /\bnext week\b/i.test(question)
          ? { horizon: "next_days", days: 7 }
          : /\bnext quarter\b/i.test(question)
            ? { horizon: "next_days", days: 90 }
            : { horizon: "month_end" };
  return {
    kind: "forecast",
    call: { name: "forecast", args: { metrics, ...args } },
    reading: `a forecast of ${metrics.join(", ")} (${String(args.horizon).replace("_", " ")}${args.days ? `, ${args.days} days` : ""})`,
  };
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * "predict april revenue": a month named in a forecast question, placed against the data's last month.
 * Only whole month names count ("may" is also a verb, so it needs a number-free question with "in may").
 */
function namedMonth(question: string, dataset: Dataset): "month_end" | "next_month" | "beyond" | null {
  const span = dayRange(dataset.facts);
  if (!span) return null;
  const words = question.toLowerCase();
  const named = (name: string) =>
    name === "may" ? /\b(?:in|for|of) may\b/.test(words) : new RegExp(`\\b${name}\\b`).test(words);
  const index = MONTH_NAMES.findIndex(named);
  if (index < 0) return null;
  const month = Number(dayToIso(span.last).slice(5, 7));
  const ahead = (index + 1 - month + 12) % 12;
  if (ahead === 0) return "month_end";
  if (ahead === 1) return "next_month";
  return ahead <= 6 ? "beyond" : null;
}

const DIMENSION_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:channels?|platforms?)\b/i, "channel"],
  [/\b(?:ad ?sets?|ad groups?)\b/i, "ad_group"],
  [/\bcampaigns?\b/i, "campaign"],
];

function budget(question: string, dataset: Dataset): OptimizerQuestion {
  const wantsCpa = /\bcpa\b|cost per|conversions?\b/i.test(question) && !/\broas\b|revenue/i.test(question);
  const hasRevenue = Boolean(dataset.facts.measures.revenue);
  const results = wantsCpa || !hasRevenue ? "conversions" : "revenue";
  const dimension =
    DIMENSION_WORDS.find(([word, name]) => word.test(question) && dataset.facts.dimensions[name])?.[1] ??
    "campaign";
  return {
    kind: "budget",
    call: { name: "budget_moves", args: { results, dimension } },
    reading: `response curves of ${results} to daily spend by ${dimension === "ad_group" ? "ad set" : dimension}, and the budget move they support`,
  };
}

function significance(question: string, dataset: Dataset): OptimizerQuestion {
  const metric = RATE_WORDS.find(([pattern]) => pattern.test(question))?.[1] ?? efficiencyMetric(dataset);
  const pair = namedPair(question, dataset);
  if (!pair) {
    return {
      kind: "significance",
      call: { name: "test_difference", args: {} },
      reading: "a significance test",
      decline:
        "a significance test needs the two groups to compare, named as they appear in the data, e.g. “is the CVR difference between male and female significant?”",
    };
  }
  return {
    kind: "significance",
    call: { name: "test_difference", args: { metric, dimension: pair.dimension, values: pair.values } },
    reading: `a test of ${metric.toUpperCase()} between ${pair.values[0]} and ${pair.values[1]} (${pair.dimension})`,
  };
}

function pattern(question: string, dataset: Dataset): OptimizerQuestion {
  const hourly = /\bhours?\b|time of day|hourly/i.test(question);
  const metric =
    RATE_WORDS.find(([word]) => word.test(question))?.[1] ??
    SUM_WORDS.find(([word]) => word.test(question))?.[1] ??
    efficiencyMetric(dataset);
  const worstAsked = asksForWorst(question, metric);
  return {
    kind: "pattern",
    call: { name: "weekday_pattern", args: { metric, by: hourly ? "hour" : "weekday" } },
    reading: `${metric.toUpperCase()} by ${hourly ? "hour of day" : "day of the week"}${worstAsked ? ", worst first" : ""}, with a shuffle test`,
    ...(worstAsked ? { worstAsked } : {}),
  };
}

/**
 * "worst", or the end of the metric that is worse: the lowest ROAS, the highest CPA. "lowest CPA" is the
 * best one, as is "highest ROAS".
 */
function asksForWorst(question: string, metric: string): boolean {
  const lowered = question.toLowerCase();
  if (/\b(?:worst|weakest|poorest)\b/.test(lowered)) return true;
  if (/\b(?:best|strongest|top)\b/.test(lowered)) return false;
  const low = /\b(?:lowest|least|fewest|smallest)\b/.test(lowered);
  const high = /\b(?:highest|most|biggest|largest)\b/.test(lowered);
  if (isMetric(metric) && isLowerBetter(metric)) return high && !low;
  return low && !high;
}

/** Two values of one dimension named in the question ("men and women", "Meta vs Google"). */
function namedPair(
  question: string,
  dataset: Dataset,
): { dimension: string; values: [string, string] } | null {
  const words = new Set(
    looseValue(question)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
  const text = ` ${looseValue(question)} `;
  for (const [dimension, column] of Object.entries(dataset.facts.dimensions)) {
    if (column.values.length < 2 || column.values.length > 200) continue;
    const found = column.values.filter((value) => {
      const loose = looseValue(value);
      const synonyms = VALUE_SYNONYMS[loose];
      if (synonyms) return synonyms.some((word) => words.has(word));
      return loose.length >= 2 && text.includes(` ${loose} `);
    });
    if (found.length === 2) return { dimension, values: [found[0] as string, found[1] as string] };
  }
  return null;
}
