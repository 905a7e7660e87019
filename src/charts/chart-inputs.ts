/**
 * What the spec builders take: rows exactly as the metrics engine returns them (any figure may be null:
 * absent measure or undefined KPI), plus where the data came from. Nothing here knows how the data was
 * parsed or where the chart will be posted.
 */
import type { Metric } from "../metrics/index.js";

export type MetricFigures = { readonly [M in Metric]?: number | null };

/** One segment of a breakdown: `key` is the dimension value (campaign name, country...). */
export interface BreakdownRow extends MetricFigures {
  readonly key: string;
}

/** One period of a trend: `period` is the ISO date its day, week (a Monday) or month starts on. */
export interface TrendRow extends MetricFigures {
  readonly period: string;
}

export interface Anomaly {
  readonly date: string;
  readonly metric: Metric;
  readonly actual: number | null;
  readonly expected: {
    readonly low: number | null;
    readonly high: number | null;
    readonly median: number | null;
  };
  readonly direction: string;
  readonly score: number;
}

export interface MetricDelta {
  readonly absolute: number | null;
  /** Fraction: 0.12 is +12%; null when the previous value was zero or absent. */
  readonly relative: number | null;
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** Provenance printed on every chart, and the currency its money figures are in. */
export interface ChartContext {
  /** File or dataset name: "meta-ads-march.csv". */
  readonly source: string;
  readonly dateRange: DateRange | null;
  /** ISO 4217 code ("USD", "BRL", "VND"), or null when the export did not say. */
  readonly currency: string | null;
}

/** Inputs every builder shares. */
export interface ChartBasics {
  readonly context: ChartContext;
  /** Filter the figures are limited to, as a person would say it: "Meta Ads · Brazil". */
  readonly scope?: string;
}

/** "hour" is for live data, whose rows are pushed hour by hour; its rows' `period` is an ISO date and time. */
export type TimeGrain = "hour" | "day" | "week" | "month";

/** A figure, or null when absent, not finite, or not in the row. */
export function figure(row: MetricFigures, metric: Metric): number | null {
  const value = row[metric];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
