import { z } from "zod";
import {
  costResult,
  GRAINS,
  type Metric,
  partialPeriods,
  type TrendPoint,
  totals,
  trend,
} from "../../metrics/index.js";
import { defaultGrain } from "../tool-support/default-grain.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

const MAX_POINTS = 120;

export const trendTool = defineTool({
  name: "trend",
  description:
    "A metric over time by day, week (Monday start) or month, every period present (empty ones as zero; partial_periods lists those the data covers only in part), plus the highest and lowest period of each metric and the totals over the whole window. A period that spent with none of a cost ratio's results (no conversions for cpa) has that ratio null and lists them in spent_with_no, with its spend: it is that ratio's highest (worst) period; a period that spent nothing has no cost ratio to be lowest at. Use for 'trend of CPA by week', 'daily spend in March', 'how did ROAS evolve'.",
  schema: z.object({
    metrics: z.array(metricArg).min(1).max(4).describe("One to four metrics"),
    grain: z
      .enum(GRAINS)
      .optional()
      .describe("day, week or month; by default day up to 45 days, week up to 200, else month"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    requireMetrics(scope.facts, args.metrics);
    const grain = args.grain ?? defaultGrain(scope.range, scope.facts);
    const all = trend(scope.facts, grain, { filter: scope.filter });
    const points = all.slice(-MAX_POINTS);
    const result: JsonObject = {
      scope: scope.described,
      grain,
      period_is: grain === "day" ? "the day" : `the first day of the ${grain}`,
      // Which weeks or months the data covers only in part, so no one reads them as whole ones.
      partial_periods: partialPeriods(scope.facts, grain, { filter: scope.filter }).filter((period) =>
        points.some((point) => point.period === period),
      ),
      points: points.map((point) => ({
        period: point.period,
        ...pickFigures(point, args.metrics),
        ...unpriced(point, args.metrics),
        ...spentWithNo(point, args.metrics),
      })),
      highest: extremes(points, args.metrics, (a, b) => a > b),
      lowest: extremes(points, args.metrics, (a, b) => a < b),
      totals: pickFigures(totals(scope.facts, scope.filter), args.metrics),
    };
    if (all.length > points.length) {
      result.note = `showing the last ${points.length} of ${all.length} ${grain}s; use a coarser grain for the whole window`;
    }
    return result;
  },
});

/**
 * The period where each metric is highest (or lowest): picked from the engine's points, not computed. A
 * cost ratio (CPA) of a period that spent nothing is no price, so it is never the lowest; a period that
 * spent with none of its results is its highest, the biggest such spender first.
 */
function extremes(
  points: readonly TrendPoint[],
  metrics: readonly Metric[],
  better: (a: number, b: number) => boolean,
): JsonObject {
  const result: JsonObject = {};
  const highest = better(1, 0);
  for (const metric of metrics) {
    const results = costResult(metric);
    const unpriced = results
      ? points
          .filter((point) => point[metric] === null && spent(point) && point[results] === 0)
          .sort((a, b) => (b.spend ?? 0) - (a.spend ?? 0))[0]
      : undefined;
    if (highest && unpriced && results) {
      result[metric] = {
        period: unpriced.period,
        value: null,
        spent_with_no: results,
        spend: unpriced.spend,
      };
      continue;
    }
    let best: { period: string; value: number } | null = null;
    for (const point of points) {
      const value = point[metric];
      if (value === null || (results && !spent(point))) continue;
      if (best === null || better(value, best.value)) best = { period: point.period, value };
    }
    result[metric] = best;
  }
  return result;
}

function spent(point: TrendPoint): boolean {
  return point.spend !== null && point.spend > 0;
}

/** A cost ratio of a period that spent nothing is no price: a CPA of 0 there would read as the best. */
function unpriced(point: TrendPoint, metrics: readonly Metric[]): JsonObject {
  if (spent(point)) return {};
  return Object.fromEntries(metrics.filter((metric) => costResult(metric)).map((metric) => [metric, null]));
}

/** The results a period paid for and got none of ("conversions" for its CPA), with its spend. */
function spentWithNo(point: TrendPoint, metrics: readonly Metric[]): JsonObject {
  const missing = metrics.flatMap((metric) => {
    const results = costResult(metric);
    return results && point[metric] === null && spent(point) && point[results] === 0 ? [results] : [];
  });
  return missing.length > 0 ? { spent_with_no: [...new Set(missing)], spend: point.spend } : {};
}
