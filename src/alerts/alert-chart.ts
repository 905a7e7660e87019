import { renderPng, trendChartSpec } from "../charts/index.js";
import type { Anomaly, Metric, TrendPoint } from "../metrics/index.js";

export interface AlertChartInput {
  metric: Metric;
  trend: readonly TrendPoint[];
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
 * The metric per day over the last two weeks with the rule's line, so the reader sees at a glance whether
 * this is a dip or a trend. The line is the trend chart's comparison series held at the limit, which the
 * chart draws dashed and grey with its own legend entry.
 */
export const renderAlertChart: AlertChartRenderer = async (input) => {
  const { metric, trend } = input;
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
    grain: "day",
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
