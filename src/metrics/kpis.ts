import { MEASURES, type Measure } from "../ingest/fact-table.js";
import { isKpi, KPIS, type Kpi, METRIC_CATALOG, type Metric } from "./metric-catalog.js";

/** Every measure and KPI of one slice of data; `null` where a measure is absent or a ratio is undefined. */
export type Figures = Record<Metric, number | null>;

/** Sums of the canonical measures; a missing key or `null` means the measure is absent. */
export type MeasureSums = Partial<Record<Measure, number | null>>;

/** A ratio of sums, or null when either side is unknown or the denominator is zero. */
function ratio(numerator: number | null, denominator: number | null, scale = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

export function kpiFromSums(kpi: Kpi, sums: MeasureSums): number | null {
  const { numerator, denominator, scale } = METRIC_CATALOG[kpi].ratio;
  return ratio(knownSum(sums[numerator]), knownSum(sums[denominator]), scale);
}

/** One metric of measure sums: the sum itself for a measure, the ratio of sums for a KPI. */
export function metricFromSums(metric: Metric, sums: MeasureSums): number | null {
  return isKpi(metric) ? kpiFromSums(metric, sums) : knownSum(sums[metric]);
}

/** Every figure from measure sums; NaN is treated as unknown so the result is always valid JSON. */
export function figuresFromSums(sums: MeasureSums): Figures {
  const figures = {} as Figures;
  for (const measure of MEASURES) figures[measure] = knownSum(sums[measure]);
  for (const kpi of KPIS) figures[kpi] = kpiFromSums(kpi, sums);
  return figures;
}

function knownSum(value: number | null | undefined): number | null {
  return value === undefined || value === null || Number.isNaN(value) ? null : value;
}
