import { z } from "zod";
import { dayToIso } from "../../ingest/index.js";
import { MetricsError } from "../../metrics/index.js";
import { dailySeries } from "../../optimizer/daily-series.js";
import { INTERVAL_LEVEL, projectSum } from "../../optimizer/forecast.js";
import { forecastWindow } from "../../optimizer/forecast-window.js";
import { sum } from "../../optimizer/quantiles.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

const FORECAST_MEASURES = ["spend", "conversions", "revenue", "clicks", "impressions"] as const;

export const forecastTool = defineTool({
  name: "forecast",
  description:
    "Projects sums (spend, conversions, revenue, clicks, impressions) forward from the daily data with weekly seasonality and an 80% interval: where this month lands (month_end: known days plus forecast of the rest), next calendar month, or the next N days. Also returns the backtest error of this forecast and of a seasonal-naive one on this data. Ratios (ROAS, CPA) are not forecast: divide the projected sums. Refuses with the days needed when the history is too short. Use for 'forecast next month's spend', 'where will spend land by month end'.",
  schema: z.object({
    metrics: z.array(z.enum(FORECAST_MEASURES)).min(1).max(3).describe("Sums to project"),
    horizon: z
      .enum(["month_end", "next_month", "next_days"])
      .describe("month_end = this month (the data's last month) in full; next_month; next_days = days"),
    days: z.number().int().min(1).max(92).optional().describe("With next_days: how many days (default 30)"),
    filters: scopeShape.filters,
    source: scopeShape.source,
  }),
  run(context, args) {
    const scope = resolveScope(context, { filters: args.filters, source: args.source });
    requireMetrics(scope.facts, args.metrics);
    const series = dailySeries(scope.facts, scope.filter);
    if (!series) throw new MetricsError("this data has no dates, so there is no history to forecast from");
    const lastDay = series.firstDay + series.hasRows.length - 1;
    const window = forecastWindow(series.firstDay, lastDay, args.horizon, args.days);
    const history = { from: dayToIso(series.firstDay), to: dayToIso(lastDay), days: series.hasRows.length };
    const result: JsonObject = {
      scope: scope.described,
      window: { from: window.from, to: window.to, label: window.label },
      history,
      interval_level: INTERVAL_LEVEL,
      interval: "likely_low to likely_high holds the middle of this forecast's past errors on this data",
      method:
        "weekday profile times a smoothed level, averaged with last week repeated; no trend term, so a ramp-up or a planned budget change is not foreseen",
    };
    if (window.ahead === 0) {
      result.note = `the data already runs to ${window.to}, the end of ${window.label}: its figures are final`;
    }
    const figures: JsonObject = {};
    for (const metric of args.metrics)
      figures[metric] = projectMetric(series.values[metric], series.firstDay, window);
    result.figures = figures;
    const untracked = series.hasRows.filter((has) => !has).length;
    if (untracked > 0) {
      result.days_without_rows = untracked;
      result.gaps = `${untracked} of ${history.days} days have no rows and count as zero`;
    }
    return result;
  },
});

function projectMetric(
  values: number[],
  firstDay: number,
  window: ReturnType<typeof forecastWindow>,
): JsonObject {
  const known = window.knownFrom === null ? 0 : sum(values.slice(window.knownFrom));
  if (window.ahead === 0)
    return { so_far: known, forecast_rest: 0, expected: known, likely_low: known, likely_high: known };
  const outcome = projectSum(values, firstDay, window.ahead, window.skip);
  if (!outcome.ok) throw new MetricsError(outcome.reason);
  const { projection } = outcome;
  return {
    ...(window.knownFrom === null ? {} : { so_far: known }),
    forecast_rest: projection.expected,
    expected: known + projection.expected,
    likely_low: known + projection.low,
    likely_high: known + projection.high,
    backtest_error:
      projection.backtest && projection.intervalHorizon === window.ahead
        ? {
            forecast: projection.backtest.model,
            seasonal_naive: projection.backtest.naive,
            origins: projection.backtest.origins,
            horizon_days: window.ahead - window.skip,
          }
        : `not enough history to backtest ${window.ahead} days ahead; the interval comes from ${projection.intervalOrigins} 7-day backtests`,
  };
}
