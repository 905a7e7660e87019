/**
 * Top N segments of a breakdown plus an "Other" bucket for the rest, so a chart with 300 campaigns still
 * reads at a glance and its bars still add up to the whole. Pooled figures come from the metrics engine's
 * own ratio-of-sums definitions, never from averaging the segments' KPIs.
 */
import {
  METRICS as ENGINE_METRICS,
  figuresFromSums,
  isKpi,
  METRIC_CATALOG,
  type MeasureSums,
  type Metric,
} from "../metrics/index.js";
import { type BreakdownRow, figure } from "./chart-inputs.js";

export interface TopSegments {
  readonly shown: readonly BreakdownRow[];
  readonly rest: readonly BreakdownRow[];
}

const MEASURES = ENGINE_METRICS.filter((metric) => !isKpi(metric));

/**
 * Which segments to show. Totals (spend, clicks...) keep their N largest. For KPIs (ROAS, CPA...) the
 * N largest by the KPI would crown tiny segments with lucky ratios, so the N biggest by spend are kept
 * (by the KPI's denominator when there is no spend), then shown sorted by the KPI.
 */
export function topSegments(rows: readonly BreakdownRow[], metric: Metric, count: number): TopSegments {
  const withValue = rows.filter((row) => figure(row, metric) !== null);
  const hasSpend = withValue.some((row) => figure(row, "spend") !== null);
  const sizeMetric: Metric = !isKpi(metric)
    ? metric
    : hasSpend
      ? "spend"
      : METRIC_CATALOG[metric].ratio.denominator;
  const bySize = [...withValue].sort((a, b) => (figure(b, sizeMetric) ?? 0) - (figure(a, sizeMetric) ?? 0));
  // An "Other" bar standing for a single segment would hide it for nothing: show that segment instead.
  const cut = bySize.length === count + 1 ? count + 1 : count;
  const shown = bySize.slice(0, cut).sort((a, b) => (figure(b, metric) ?? 0) - (figure(a, metric) ?? 0));
  return { shown, rest: bySize.slice(cut) };
}

/** A group of segments as one: each measure summed (null when no segment has it), KPIs recomputed. */
export function pooledValue(rows: readonly BreakdownRow[], metric: Metric): number | null {
  if (rows.length === 0) return null;
  const sums: MeasureSums = {};
  for (const measure of MEASURES) {
    const values = rows.map((row) => figure(row, measure)).filter((value) => value !== null);
    sums[measure] = values.length === 0 ? null : values.reduce((total, value) => total + value, 0);
  }
  return figuresFromSums(sums)[metric];
}
