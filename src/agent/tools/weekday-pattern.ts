import { z } from "zod";
import { formatNumber } from "../../format/format-figures.js";
import type { Measure } from "../../ingest/index.js";
import { aggregate } from "../../metrics/aggregate.js";
import { isKpi, isLowerBetter, METRIC_CATALOG, MetricsError } from "../../metrics/index.js";
import { WEEKDAY_NAMES, weekdayOf } from "../../optimizer/weekday.js";
import { type PatternCell, patternTest } from "../../optimizer/weekday-pattern.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

/** Four full weeks: each weekday seen four times, the least a shuffle test can say anything from. */
const MIN_WEEKS = 4;
const HOUR_COLUMN = /\bhour\b|time of day/i;

export const weekdayPatternTool = defineTool({
  name: "weekday_pattern",
  description:
    "Day-of-week (or hour-of-day, when the export has an hour column) pattern of a metric: each weekday's figure (ratio of sums for KPIs, mean per day for sums) with a 95% interval, the best and worst, and a shuffle test of whether the weekday matters at all (significant only when p < 0.05). A weekday without a figure has value null and says why: spent_with_no (it spent with no conversions, clicks or impressions: the worst for that cost, and then `worst`) or no (nothing to divide by, e.g. no spend). Needs four full weeks of daily rows. Use for 'which day of the week performs best?', 'is the weekend worse?', 'best hour to run ads'.",
  schema: z.object({
    metric: metricArg,
    by: z.enum(["weekday", "hour"]).optional().describe("weekday (default) or hour"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    requireMetrics(scope.facts, [args.metric]);
    const { numerator, denominator } = ratioOf(args.metric);
    const hourly = args.by === "hour";
    const hourColumn = Object.keys(scope.facts.dimensions).find((name) => HOUR_COLUMN.test(name));
    if (hourly && !hourColumn) {
      throw new MetricsError(
        "this export has no hour column (one row per day at most), so it has no hour-of-day pattern; export with an hour-of-day breakdown to get one",
      );
    }
    if (!scope.facts.days) throw new MetricsError("this data has no dates, so it has no weekday pattern");
    const cells: PatternCell[] = [];
    for (const group of aggregate(scope.facts, {
      grain: "day",
      by: hourly ? [hourColumn as string] : [],
      filter: scope.filter,
    })) {
      const day = group.bucket as number;
      const label = hourly ? hourOf(group.keys[0] ?? "") : weekdayOf(day);
      if (label === null) continue;
      cells.push({
        block: hourly ? day : Math.floor((day + 3) / 7),
        label,
        numerator: value(group.sums[numerator]),
        denominator: denominator === null ? 1 : value(group.sums[denominator]),
      });
    }
    const labelCount = hourly ? 24 : 7;
    // A cost per result (CPA, CPC, CPM): a weekday that spent nothing has no cost to be best at.
    const costPerResult = numerator === "spend" && denominator !== null;
    const result = patternTest(cells, labelCount, !isLowerBetter(args.metric), { costPerResult });
    const needed = hourly ? 14 : MIN_WEEKS;
    if (result.blocks < needed) {
      throw new MetricsError(
        hourly
          ? `an hour-of-day test needs at least ${needed} days with every hour present; this has ${result.blocks}`
          : `a weekday pattern needs at least ${MIN_WEEKS} full weeks (Monday to Sunday) of daily data; this has ${result.blocks}`,
      );
    }
    const measured = result.labels.filter((item) => item.value !== null);
    const unpriced = costPerResult
      ? result.labels
          .filter((item) => item.value === null && item.numerator > 0)
          .sort((a, b) => b.numerator - a.numerator)[0]
      : undefined;
    const name = (label: number) =>
      hourly ? `${String(label).padStart(2, "0")}:00` : (WEEKDAY_NAMES[label] as string);
    return {
      scope: scope.described,
      metric: args.metric,
      by: hourly ? "hour" : "weekday",
      figure_is: denominator === null ? "mean per day" : "ratio of sums",
      labels: result.labels.map((item) => ({
        name: name(item.label),
        value: item.value,
        low: item.low,
        high: item.high,
        ...(item.value === null ? withoutFigure(item, numerator, denominator, costPerResult) : {}),
      })),
      best: measured.length > 0 ? name(result.best) : null,
      // Spending with none of the results is the worst a cost per result can be: the biggest such spender.
      worst: unpriced ? name(unpriced.label) : measured.length > 0 ? name(result.worst) : null,
      p_value: result.pValue,
      interval_level: 0.95,
      significant: result.significant,
      verdict: result.significant
        ? `the ${hourly ? "hour" : "weekday"} matters beyond chance (shuffle test p = ${formatNumber(result.pValue, 3)})`
        : `the differences between ${hourly ? "hours" : "weekdays"} are within what chance gives (shuffle test p = ${formatNumber(result.pValue, 2)}): no ${hourly ? "hour" : "day"} is reliably best`,
      full_blocks: result.blocks,
    } satisfies JsonObject;
  },
});

function ratioOf(metric: Parameters<typeof isKpi>[0]): { numerator: Measure; denominator: Measure | null } {
  if (!isKpi(metric)) return { numerator: metric as Measure, denominator: null };
  const { numerator, denominator } = METRIC_CATALOG[metric].ratio as {
    numerator: Measure;
    denominator: Measure;
  };
  return { numerator, denominator };
}

/**
 * Why a weekday has no figure, with the sums that say so: "spent 600 with no conversions" (the worst of
 * all), or nothing to divide by ("no spend", "no impressions"), which is no figure at all.
 */
function withoutFigure(
  item: { numerator: number; denominator: number },
  numerator: Measure,
  denominator: Measure | null,
  costPerResult: boolean,
): JsonObject {
  if (costPerResult && item.numerator > 0 && denominator)
    return { spent_with_no: denominator, spend: item.numerator };
  if (costPerResult) return { no: "spend" };
  return { no: denominator ?? numerator };
}

function value(sum: number | null | undefined): number {
  return sum === null || sum === undefined || Number.isNaN(sum) ? 0 : sum;
}

/** "14", "14:00", "14:00:00 - 14:59:59", "2 PM" as an hour 0–23, or null. */
function hourOf(text: string): number | null {
  const match = /^\s*(\d{1,2})(?::\d{2})?(?::\d{2})?\s*(am|pm)?/i.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const half = match[2]?.toLowerCase();
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  return hour >= 0 && hour < 24 ? hour : null;
}
