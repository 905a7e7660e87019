import type { Dataset } from "../../ingest/index.js";
import {
  componentsOf,
  isKpi,
  isLowerBetter,
  isTimePart,
  type Metric,
  unreportedMeasures,
} from "../../metrics/index.js";
import type { ToolCall } from "../tool-runner.js";
import { availableMetrics } from "../tool-support/metric-availability.js";
import type { Json, JsonObject } from "../tools/tool.js";
import type { PeriodSlot } from "./date-phrases.js";
import type { ParsedQuestion } from "./question-parser.js";

/** Dimensions a question means when it names none, most useful first. */
const DEFAULT_DIMENSIONS = ["campaign", "channel", "ad_group", "ad", "country", "device", "keyword"];
const HEADLINE_METRICS: readonly Metric[] = [
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  "ctr",
  "cpc",
  "cpa",
  "roas",
];
/**
 * The tool calls that answer a parsed question; the same tools Gemini calls. The file's other measures
 * ("landing page views", "reach") named in the question are answered by other_measures, beside the
 * canonical metrics it names, if any.
 */
export function planCalls(parsed: ParsedQuestion, dataset: Dataset): ToolCall[] {
  if (parsed.extraMeasures.length === 0) return metricCalls(parsed, dataset);
  const grouped = parsed.intent === "breakdown" || parsed.intent === "rank" ? parsed.dimension : null;
  const others = call("other_measures", {
    measures: parsed.extraMeasures,
    group_by: grouped ?? undefined,
    ...scopeArgs(parsed),
  });
  return parsed.metrics.length > 0 ? [...metricCalls(parsed, dataset), others] : [others];
}

function metricCalls(parsed: ParsedQuestion, dataset: Dataset): ToolCall[] {
  const available = new Set(availableMetrics(dataset.facts));
  const known = (metrics: readonly Metric[]) =>
    [...new Set(metrics)].filter((metric) => available.has(metric));
  // A default the data lacks (no spend in a GA4 sessions export) falls back to what the data has: a tool
  // called with no metrics would refuse the arguments, and that refusal is not an answer.
  const headline = availableHeadline(dataset);
  const knownOrHeadline = (metrics: readonly Metric[]) => {
    const found = known(metrics);
    return found.length > 0 ? found : headline;
  };
  const efficiency = efficiencyMetric(dataset);
  const asked = parsed.metrics;
  const dimension = parsed.dimension ?? defaultDimension(dataset);
  const scope = scopeArgs(parsed);
  const comparison = comparisonArgs(parsed);
  switch (parsed.intent) {
    case "describe":
      return [call("describe_dataset", {})];
    case "totals":
      return [call("get_kpis", { metrics: asked.length > 0 ? asked : headline, ...scope })];
    case "breakdown":
      return [
        breakdownCall(
          parsed,
          dimension,
          asked.length > 0 ? asked : knownOrHeadline(["spend", "conversions", efficiency]),
          scope,
        ),
      ];
    case "rank": {
      const metric =
        asked[0] ??
        (parsed.direction === "high" || parsed.direction === "low"
          ? (knownOrHeadline(["spend"])[0] ?? efficiency)
          : efficiency);
      const order = orderOf(parsed, metric);
      if (dimension && isTimePart(dimension)) {
        // "which day of the week performs best?": a time part is ranked by the query tool.
        const highFirst = (order === "top") !== isLowerBetter(metric);
        const context = known(["spend", "conversions", "revenue"]).filter((item) => item !== metric);
        return [
          call("query", {
            metrics: [metric, ...context],
            group_by: [dimension],
            sort: { metric, direction: highFirst ? "desc" : "asc" },
            limit: parsed.n ?? (parsed.singular ? 3 : 5),
            ...scope,
          }),
        ];
      }
      return [
        call("top_bottom", {
          dimension: dimension ?? "campaign",
          metric,
          order,
          n: parsed.n ?? (parsed.singular ? 3 : 5),
          ...(parsed.minSpend !== null ? { min_spend: parsed.minSpend } : {}),
          ...scope,
        }),
      ];
    }
    case "recommend": {
      const metric = asked[0] ?? efficiency;
      const by = dimension ?? "campaign";
      // Each side gets at most half the values, so no value is both one to cut and one to scale.
      const half = Math.max(1, Math.floor((dataset.facts.dimensions[by]?.values.length ?? 6) / 2));
      const base = { dimension: by, metric, n: Math.min(parsed.n ?? 3, half), ...scope };
      return [
        call("top_bottom", { ...base, order: "bottom" }),
        call("top_bottom", { ...base, order: "top" }),
      ];
    }
    case "trend": {
      const metrics = asked.length > 0 ? asked.slice(0, 4) : knownOrHeadline(["spend", efficiency]);
      return [call("trend", { metrics, ...(parsed.grain ? { grain: parsed.grain } : {}), ...scope })];
    }
    case "compare":
      if (
        (parsed.periods.length === 0 || parsed.sideBySide) &&
        parsed.filters.some((filter) => filter.values.length >= 2)
      ) {
        const sideBySide = knownOrHeadline(["spend", "conversions", "cpa", "revenue", "roas"]);
        return [breakdownCall(parsed, dimension, asked.length > 0 ? asked : sideBySide, scope)];
      }
      return [
        call("compare_periods", {
          metrics: asked.length > 0 ? asked : headline,
          ...comparison,
        }),
      ];
    case "anomalies":
      // "any weird days?" names no metric, so every headline KPI is scanned, not spend alone.
      return (
        asked.length > 0 ? asked.slice(0, 2) : knownOrHeadline(["spend", "conversions", efficiency])
      ).map((metric) => call("find_anomalies", { metric, ...scope }));
    case "explain": {
      const metric = asked[0] ?? efficiency;
      const explainBy = dimension;
      return [
        call("compare_periods", {
          metrics: [metric, ...known(isKpi(metric) ? componentsOf(metric) : [])],
          ...comparison,
        }),
        call("explain_change", { metric, dimension: explainBy ?? "campaign", ...comparison }),
      ];
    }
    case "chart":
      return chartCalls(parsed, dataset, dimension, efficiency, scope, comparison);
    case "unknown":
      return [];
  }
}

function chartCalls(
  parsed: ParsedQuestion,
  dataset: Dataset,
  dimension: string | null,
  efficiency: Metric,
  scope: JsonObject,
  comparison: JsonObject,
): ToolCall[] {
  const kind = parsed.chart ?? "trend";
  const metric = parsed.metrics[0] ?? (kind === "efficiency" ? efficiency : "spend");
  const by = dimension ?? "campaign";
  switch (kind) {
    case "trend":
      return [
        call("render_chart", { kind, metric, ...(parsed.grain ? { grain: parsed.grain } : {}), ...scope }),
        call("trend", { metrics: [metric], ...(parsed.grain ? { grain: parsed.grain } : {}), ...scope }),
      ];
    case "breakdown":
      return [
        call("render_chart", { kind, metric, dimension: by, ...scope }),
        call("get_kpis", {
          metrics: metric === "spend" ? [metric] : [metric, "spend"],
          group_by: by,
          ...scope,
        }),
      ];
    case "spend_vs_revenue":
      return [
        call("render_chart", { kind, dimension: by, ...scope }),
        call("get_kpis", { metrics: ["spend", "revenue", "roas"], group_by: by, ...scope }),
      ];
    case "efficiency":
      return [
        call("render_chart", { kind, metric, dimension: by, ...scope }),
        call("get_kpis", { metrics: ["spend", metric], group_by: by, ...scope }),
      ];
    case "funnel":
      return [
        call("render_chart", { kind, ...scope }),
        call("get_kpis", { metrics: ["impressions", "clicks", "conversions", "ctr", "cvr"], ...scope }),
      ];
    case "period_change": {
      const metrics = availableHeadline(dataset);
      return [call("render_chart", { kind, ...scope }), call("compare_periods", { metrics, ...comparison })];
    }
  }
}

/** The headline metrics the data has; for data with none of them (sessions only), the metrics it has. */
function availableHeadline(dataset: Dataset): Metric[] {
  const available = availableMetrics(dataset.facts);
  const headline = HEADLINE_METRICS.filter((metric) => available.includes(metric));
  return headline.length > 0 ? headline : available.slice(0, HEADLINE_METRICS.length);
}

/**
 * A split through the query tool: by one dimension or time part, or a pair; rows past the question's
 * thresholds; ordered by the metric it names ("ROAS by campaign" comes highest ROAS first, "lowest" turns
 * that round), or largest spend first when it names none.
 */
function breakdownCall(
  parsed: ParsedQuestion,
  dimension: string | null,
  metrics: Metric[],
  scope: JsonObject,
): ToolCall {
  const compared = parsed.filters.find((filter) => filter.values.length >= 2);
  const thenBy = compared ? undefined : parsed.dimensions[1];
  const first = compared?.dimension ?? dimension ?? "campaign";
  const [named] = parsed.metrics;
  const lowFirst =
    parsed.direction === "low" ||
    (parsed.direction === "worst" && named && !isLowerBetter(named)) ||
    (parsed.direction === "best" && named && isLowerBetter(named));
  const limited = parsed.thresholds
    .map((limit) => limit.metric)
    .filter((metric) => !metrics.includes(metric));
  return call("query", {
    metrics: [...metrics, ...limited],
    group_by: thenBy ? [first, thenBy] : [first],
    thresholds: parsed.thresholds.length > 0 ? parsed.thresholds.map((limit) => ({ ...limit })) : undefined,
    ...(parsed.minSpend !== null ? { min_spend: parsed.minSpend } : {}),
    // A split by a time part reads in calendar order, unless the question asks for an order.
    ...(named && (parsed.direction !== null || !isTimePart(first))
      ? { sort: { metric: named, direction: lowFirst ? "asc" : "desc" } }
      : {}),
    ...scope,
  });
}

/** "best" is best for the marketer; "highest" CPA is the worst CPA, "lowest" CPA the best. */
function orderOf(parsed: ParsedQuestion, metric: Metric): "top" | "bottom" {
  switch (parsed.direction) {
    case "worst":
      return "bottom";
    case "high":
      return isLowerBetter(metric) ? "bottom" : "top";
    case "low":
      return isLowerBetter(metric) ? "top" : "bottom";
    default:
      return "top";
  }
}

/**
 * ROAS or CPA where there is spend, CTR when its outcome columns are zero on every row; without spend (GA4,
 * a shop's own analytics) never a cost metric.
 */
export function efficiencyMetric(dataset: Dataset): Metric {
  const { measures } = dataset.facts;
  if (measures.spend) {
    // A revenue or conversions column that is 0 on every row is not tracked: the next KPI with data leads.
    const available = availableMetrics(dataset.facts);
    if (available.includes("roas")) return "roas";
    if (available.includes("cpa") && !unreportedMeasures(dataset.facts).includes("conversions")) return "cpa";
    return measures.conversions && available.includes("ctr") ? "ctr" : "spend";
  }
  if (measures.sessions && measures.engaged_sessions) return "engagement_rate";
  const volume = (["revenue", "key_events", "conversions", "sessions", "clicks"] as const).find(
    (measure) => measures[measure],
  );
  return volume ?? "impressions";
}

export function defaultDimension(dataset: Dataset): string | null {
  const names = Object.keys(dataset.facts.dimensions);
  return DEFAULT_DIMENSIONS.find((name) => names.includes(name)) ?? names[0] ?? null;
}

function scopeArgs(parsed: ParsedQuestion): JsonObject {
  const [slot] = parsed.periods;
  return { ...periodArgs(slot, "date_range"), ...commonArgs(parsed) };
}

/**
 * Two periods: the later one named is the current one ("March vs February", "this week vs last week");
 * one period is compared with the same number of days before it; none means the default comparison.
 */
function comparisonArgs(parsed: ParsedQuestion): JsonObject {
  // "from February to March" in a comparison means February against March, not the two months together.
  const ranges = parsed.periods.flatMap((slot): Array<Extract<PeriodSlot, { kind: "range" }>> => {
    if (slot.kind !== "range") return [];
    return slot.ends ? slot.ends.map((range) => ({ kind: "range", range, index: slot.index })) : [slot];
  });
  const relatives = parsed.periods.filter((slot) => slot.kind === "relative");
  if (ranges.length >= 2) {
    const [previous, current] = [...ranges]
      .sort((a, b) => a.range.from.localeCompare(b.range.from))
      .slice(-2);
    return {
      current: { ...current?.range },
      previous: { ...previous?.range },
      ...commonArgs(parsed),
    } as JsonObject;
  }
  const thisPeriod = relatives.find((slot) => slot.period.startsWith("this_"));
  const slot = thisPeriod ?? relatives[0] ?? ranges[0];
  return { ...periodArgs(slot, "current"), ...commonArgs(parsed) };
}

function periodArgs(slot: PeriodSlot | undefined, rangeKey: "date_range" | "current"): JsonObject {
  if (!slot) return {};
  return slot.kind === "relative" ? { period: slot.period } : { [rangeKey]: { ...slot.range } };
}

function commonArgs(parsed: ParsedQuestion): JsonObject {
  return {
    ...(parsed.filters.length > 0
      ? {
          filters: parsed.filters.map((filter) => ({
            dimension: filter.dimension,
            values: [...filter.values],
          })),
        }
      : {}),
    ...(parsed.relativeTo === "today" ? { relative_to: "today" } : {}),
  };
}

function call(name: string, args: { [key: string]: Json | undefined }): ToolCall {
  const clean: JsonObject = {};
  for (const [key, value] of Object.entries(args)) if (value !== undefined) clean[key] = value;
  return { name, args: clean };
}
