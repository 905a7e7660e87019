import { renderPng, trendChartSpec } from "../charts/index.js";
import type { Anomaly, Metric, TrendPoint } from "../metrics/index.js";

export interface AlertChartInput {
  metric: Metric;
  trend: readonly TrendPoint[];
  /** The figures hour by hour (live rows are pushed hourly); drawn instead of `trend` when it has two. */
  hourly?: readonly TrendPoint[];
  /** Drawn as a dashed line across the chart, labelled `limitLabel`. */
  limit: number | null;
  limitLabel: string;
  anomalies: readonly Anomaly[];
  /** Which rows: "campaign Summer Sale · channel meta". */
  scope: string;
  currency: string | null;
}

/** Renders the small chart posted in an alert's thread; injectable so tests may count calls or skip it. */
export type AlertChartRenderer = (input: AlertChartInput) => Promise<Buffer>;

/**
 * The metric hour by hour over the last day (per day over the last two weeks when there is no push
 * history) with the rule's line, so the reader sees at a glance whether
 * this is a dip or a trend. The line is the trend chart's comparison series held at the limit, which the
 * chart draws dashed and grey with its own legend entry.
 */
export const renderAlertChart: AlertChartRenderer = async (input) => {
  const { metric } = input;
  const hourly = (input.hourly ?? []).filter((point) => point[metric] !== null);
  const byHour = hourly.length >= 2;
  const trend = byHour ? hourly : input.trend;
  const first = trend[0]?.period;
  const last = trend[trend.length - 1]?.period;
  const spec = trendChartSpec({
    context: {
      source: "Live data",
      dateRange: first && last ? { from: first, to: last } : null,
      currency: input.currency,
    },
    scope: input.scope,
    rows: trend,
    metric,
    grain: byHour ? "hour" : "day",
    anomalies: input.anomalies,
    ...(input.limit === null
      ? {}
      : {
          comparison: {
            rows: trend.map((row) => ({ period: row.period, [metric]: input.limit })),
            label: input.limitLabel,
          },
        }),
  });
  return renderPng(spec);
};
