import { formatPercent } from "../../format/format-figures.js";
import { literalMarkdown } from "../../format/slack-markdown.js";
import { costResult, isKpi, isLowerBetter, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { Json, JsonObject } from "../tools/tool.js";
import {
  asMetric,
  capitalized,
  change,
  dimensionWords,
  figure,
  label,
  metricWords,
  namedPeriod,
  notesLine,
  periodWords,
  signedFigure,
  type Wording,
} from "./answer-wording.js";

const MAX_PERIODS_LISTED = 12;

export function writeTrend(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  const grain = String(result.grain ?? "day");
  const points = (result.points ?? []) as JsonObject[];
  const totals = (result.totals ?? {}) as JsonObject;
  const metrics = Object.keys(totals) as Metric[];
  const highest = (result.highest ?? {}) as Record<string, JsonObject | null>;
  const lowest = (result.lowest ?? {}) as Record<string, JsonObject | null>;
  const partialNames = Array.isArray(result.partial_periods) ? result.partial_periods.map(String) : [];
  const whole = points.filter((point) => !partialNames.includes(String(point.period)));
  const summaries = metrics.map((metric) => {
    const picked = wholeExtremes(
      metric,
      highest[metric] ?? null,
      lowest[metric] ?? null,
      whole,
      partialNames,
    );
    const { high, low } = picked;
    const only = picked.wholeOnly ? ` (whole ${grain}s only)` : "";
    const range =
      high && low
        ? `highest ${when(grain, String(high.period))} (${pointFigure(wording, metric, high)}), lowest ${when(grain, String(low.period))} (${pointFigure(wording, metric, low)})`
        : high
          ? `highest ${when(grain, String(high.period))} (${pointFigure(wording, metric, high)}), no period with a value to be lowest`
          : "no value in any period";
    return `**${label(metric)} per ${grain}**${only}: ${range}; ${figure(wording, metric, totals[metric])} over the whole window.`;
  });
  const shown = points.slice(-MAX_PERIODS_LISTED);
  const listed = shown.map(
    (point) =>
      `- ${capitalized(periodWords(grain, String(point.period)))}: ${metrics.map((metric) => pointFigure(wording, metric, { ...point, value: point[metric] ?? null })).join(" · ")}`,
  );
  const omitted =
    points.length > shown.length ? [`_Showing the last ${shown.length} of ${points.length} ${grain}s._`] : [];
  const partial = partialLine(grain, result.partial_periods);
  return [...summaries, ...listed, ...omitted, ...partial, ...notesLine(result.scope, notes)].join("\n");
}

/**
 * The highest and lowest period, never a partial one against whole ones: a week with 3 days of data is the
 * lowest spend for want of days. When the tool's pick is partial and two or more whole periods have a
 * value, the pick is made among the whole ones (and the sentence says so); with fewer, the partial pick
 * stays, marked as partial.
 */
function wholeExtremes(
  metric: Metric,
  high: JsonObject | null,
  low: JsonObject | null,
  whole: readonly JsonObject[],
  partial: readonly string[],
): { high: JsonObject | null; low: JsonObject | null; wholeOnly: boolean } {
  const isPartial = (pick: JsonObject | null) => pick !== null && partial.includes(String(pick.period));
  if (!isPartial(high) && !isPartial(low)) return { high, low, wholeOnly: false };
  const valued = whole.filter((point) => typeof point[metric] === "number");
  if (valued.length < 2) {
    const mark = (pick: JsonObject | null) => (isPartial(pick) ? { ...pick, partial: true } : pick);
    return { high: mark(high), low: mark(low), wholeOnly: false };
  }
  const results = costResult(metric);
  const unpriced = results
    ? whole
        .filter((point) => Array.isArray(point.spent_with_no) && point.spent_with_no.includes(results))
        .sort((a, b) => Number(b.spend ?? 0) - Number(a.spend ?? 0))[0]
    : undefined;
  const pick = (higher: boolean): JsonObject => {
    const best = valued.reduce((a, b) =>
      higher
        ? Number(b[metric]) > Number(a[metric])
          ? b
          : a
        : Number(b[metric]) < Number(a[metric])
          ? b
          : a,
    );
    return { period: best.period ?? null, value: best[metric] ?? null };
  };
  // A period that spent with none of a cost ratio's results is its highest, as the trend tool ranks it.
  const wholeHigh = unpriced
    ? { period: unpriced.period ?? null, value: null, spent_with_no: results, spend: unpriced.spend ?? null }
    : pick(true);
  return {
    high: isPartial(high) ? wholeHigh : high,
    low: isPartial(low) ? pick(false) : low,
    wholeOnly: true,
  };
}

/** A period's figure; a CPA of a period that spent with no conversions reads "no conversions on X spend". */
function pointFigure(wording: Wording, metric: Metric, point: JsonObject): string {
  const own = pointValue(wording, metric, point);
  return point.partial === true ? `${own}, only part of it in the data` : own;
}

function pointValue(wording: Wording, metric: Metric, point: JsonObject): string {
  const missing = point.spent_with_no;
  const results = costResult(metric);
  const none = Array.isArray(missing) ? missing.includes(results) : missing === results;
  if (point.value === null && results && none)
    return `no ${results} on ${figure(wording, "spend", point.spend)} spend`;
  return figure(wording, metric, point.value);
}

/** Which weeks or months the data covers only in part, named, so no one compares them with whole ones. */
function partialLine(grain: string, listed: Json | undefined): string[] {
  if (grain === "day") return [];
  if (!Array.isArray(listed)) return [`_The first and last ${grain}s may cover only part of the ${grain}._`];
  if (listed.length === 0) return [];
  const named = listed.map((period) => namedPeriod(grain, String(period))).join(" and ");
  return [`_The data covers only part of ${named}._`];
}

export function writeComparison(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  const current = (result.current ?? {}) as JsonObject;
  const previous = (result.previous ?? {}) as JsonObject;
  const now = (current.figures ?? {}) as JsonObject;
  const before = (previous.figures ?? {}) as JsonObject;
  const changes = (result.changes ?? {}) as JsonObject;
  const metrics = Object.keys(now) as Metric[];
  if (previous.has_rows === false) return withoutBaseline(result, wording, notes);
  // The dates, and how they were chosen, are in the reading line under the answer.
  const basis = ((result.scope ?? {}) as { previous?: { basis?: unknown } }).previous?.basis;
  // Two periods named in the question ("q3 vs q4") may come in either order: say which figure is which.
  const laterFirst = String(current.from ?? "") > String(previous.from ?? "");
  const heading =
    typeof basis === "string" && basis !== "as asked"
      ? `**Change against ${basis}**`
      : `**Change between the two periods** (the ${laterFirst ? "later" : "earlier"} one first)`;
  const lines = metrics.map((metric) => {
    const delta = changes[metric] as { relative?: number | null } | undefined;
    return `- ${label(metric)}: ${figure(wording, metric, now[metric])} vs ${figure(wording, metric, before[metric])} (${change(delta)}${tone(metric, delta?.relative ?? null)})`;
  });
  return [heading, ...lines, ...notesLine(result.scope, notes)].join("\n");
}

/**
 * A comparison with a period that has no rows: its figures would read as growth from nothing (+∞, "new"),
 * so that is said, and the current period's own figures are given.
 */
function withoutBaseline(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  const current = (result.current ?? {}) as JsonObject;
  const previous = (result.previous ?? {}) as JsonObject;
  const now = (current.figures ?? {}) as JsonObject;
  const why =
    typeof previous.data_starts === "string"
      ? `No data before ${previous.data_starts}`
      : `No rows from ${String(previous.from)} to ${String(previous.to)}`;
  const lines = (Object.keys(now) as Metric[]).map(
    (metric) => `- ${label(metric)}: ${figure(wording, metric, now[metric])}`,
  );
  return [
    `**${why}, so there is nothing to compare ${String(current.from)} to ${String(current.to)} with.** Its own figures:`,
    ...lines,
    ...notesLine(result.scope, notes),
  ].join("\n");
}

export function writeAnomalies(
  results: readonly JsonObject[],
  wording: Wording,
  notes: readonly string[],
): string {
  const sections = results.map((result) => {
    const metric = asMetric(result.metric);
    const found = (result.anomalies ?? []) as JsonObject[];
    if (found.length === 0) {
      return `**No unusual days for ${label(metric)}**: every day stayed within the expected range.`;
    }
    const count = Number(result.anomalies_found ?? found.length);
    const days = found.map(
      (day) =>
        `- ${day.date}: ${figure(wording, metric, day.actual)}, ${day.direction} the expected ${figure(wording, metric, day.expected_low)} to ${figure(wording, metric, day.expected_high)} (typical day ${figure(wording, metric, day.typical_day)})`,
    );
    return [`**${count} unusual ${count === 1 ? "day" : "days"} for ${label(metric)}**`, ...days].join("\n");
  });
  return [...sections, ...notesLine(results[0]?.scope, notes)].join("\n");
}

/** The change, what it is made of, and the values of the dimension that moved it most. */
export function writeExplanation(
  comparison: JsonObject,
  explanation: JsonObject,
  wording: Wording,
  notes: readonly string[],
): string {
  const metric = asMetric(explanation.metric);
  const dimension = String(explanation.dimension);
  const previous = explanation.previous_value as number | null;
  const current = explanation.current_value as number | null;
  const relative = explanation.relative_change as number | null;
  const verb = previous === current ? "stayed at" : "went from";
  const headline =
    previous === current
      ? `**${label(metric)} ${verb} ${figure(wording, metric, current)}**`
      : `**${label(metric)} ${verb} ${figure(wording, metric, previous)} to ${figure(wording, metric, current)} (${change({ relative, absolute: explanation.change ?? null })})**`;
  const lines = [headline, ...components(comparison, metric, wording)];
  const contributors = (explanation.contributors ?? []) as JsonObject[];
  if (contributors.length > 0) {
    lines.push(`Largest contributions by ${dimensionWords(dimension)}:`);
    for (const item of contributors.slice(0, 5)) lines.push(`- ${contributorLine(item, metric, wording)}`);
  }
  lines.push(...notesLine(explanation.scope, notes));
  return lines.join("\n");
}

function components(comparison: JsonObject, metric: Metric, wording: Wording): string[] {
  if (!isKpi(metric)) return [];
  const now = ((comparison.current as JsonObject | undefined)?.figures ?? {}) as JsonObject;
  const before = ((comparison.previous as JsonObject | undefined)?.figures ?? {}) as JsonObject;
  const changes = (comparison.changes ?? {}) as JsonObject;
  const { numerator, denominator } = METRIC_CATALOG[metric].ratio;
  const parts = [numerator, denominator]
    .filter((part) => part in now)
    .map(
      (part) =>
        `${metricWords(part)} ${figure(wording, part, before[part])} to ${figure(wording, part, now[part])} (${change(changes[part])})`,
    );
  return parts.length > 0 ? [`Behind it: ${parts.join(", ")}.`] : [];
}

function contributorLine(item: JsonObject, metric: Metric, wording: Wording): string {
  const contribution = signedFigure(wording, metric, item.contribution);
  const own = `its own ${label(metric)} went from ${figure(wording, metric, item.previous)} to ${figure(wording, metric, item.current)}`;
  if (!isKpi(metric))
    return `${literalMarkdown(String(item.key))}: ${contribution} (${figure(wording, metric, item.previous)} to ${figure(wording, metric, item.current)})`;
  const mix = Math.abs(Number(item.mix_effect ?? 0));
  const rate = Math.abs(Number(item.rate_effect ?? 0));
  if (rate >= mix) return `${literalMarkdown(String(item.key))}: ${contribution} of the change; ${own}`;
  const denominator = metricWords(METRIC_CATALOG[metric].ratio.denominator);
  return `${literalMarkdown(String(item.key))}: ${contribution} of the change; its share of ${denominator} went from ${share(item.previous_share)} to ${share(item.current_share)}`;
}

function share(value: Json | undefined): string {
  return typeof value === "number" ? formatPercent(value, 1) : "n/a";
}

/** Whether a change is good news, as the metric catalog says: up is worse for costs, spend is neither. */
function tone(metric: Metric, relative: number | null): string {
  if (relative === null || relative === 0 || METRIC_CATALOG[metric].direction === "neutral") return "";
  const up = relative > 0;
  return up === isLowerBetter(metric) ? ", worse" : ", better";
}

/** "in the week of 2024-03-04", "in March 2024", "on 2024-03-12". */
function when(grain: string, period: string): string {
  return grain === "day" ? `on ${period}` : `in ${namedPeriod(grain, period)}`;
}
