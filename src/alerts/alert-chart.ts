import { renderPng, trendChartSpec } from "../charts/index.js";
import type { Anomaly, Metric, TrendPoint } from "../metrics/index.js";
import { HOURS_SHOWN } from "./hourly-series.js";

export interface AlertChartInput {
  metric: Metric;
  trend: readonly TrendPoint[];
  /** The figures hour by hour (live rows are pushed hourly); drawn instead of `trend` when there are any. */
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
 * history) with the rule's line drawn dashed across the whole axis, so the reader sees at a glance whether
 * this is a dip or a trend; the first push of a day is one point on a 24-hour axis, not a lone dot on
 * a two-week one.
 */
export const renderAlertChart: AlertChartRenderer = async (input) => {
  const { metric } = input;
  const hourly = (input.hourly ?? []).filter((point) => point[metric] !== null);
  const byHour = hourly.length > 0;
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
    ...(byHour && last
      ? { timeDomain: { from: new Date(Date.parse(last) - HOURS_SHOWN * 3_600_000).toISOString(), to: last } }
      : {}),
    ...(input.limit === null ? {} : { threshold: { value: input.limit, label: input.limitLabel } }),
  });
  return renderPng(spec);
};
