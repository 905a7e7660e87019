import { MEASURES, type Measure } from "../ingest/fact-table.js";

export const KPIS = ["ctr", "cpc", "cpm", "cvr", "cpa", "roas", "aov", "engagement_rate"] as const;
export type Kpi = (typeof KPIS)[number];
export type Metric = Measure | Kpi;
export const METRICS: readonly Metric[] = [...MEASURES, ...KPIS];

/** Every measure and KPI of one slice of data; `null` where a measure is absent or a ratio is undefined. */
export type Figures = Record<Metric, number | null>;

/** Sums of the canonical measures; a missing key or `null` means the measure is absent. */
export type MeasureSums = Partial<Record<Measure, number | null>>;

export interface KpiRatio {
  numerator: Measure;
  denominator: Measure;
  /** cpm is quoted per thousand impressions. */
  scale: number;
}

/** KPIs are ratios of sums (never means of row ratios), which is what makes them add up across slices. */
export const KPI_RATIOS: Readonly<Record<Kpi, KpiRatio>> = {
  ctr: { numerator: "clicks", denominator: "impressions", scale: 1 },
  cpc: { numerator: "spend", denominator: "clicks", scale: 1 },
  cpm: { numerator: "spend", denominator: "impressions", scale: 1000 },
  cvr: { numerator: "conversions", denominator: "clicks", scale: 1 },
  cpa: { numerator: "spend", denominator: "conversions", scale: 1 },
  roas: { numerator: "revenue", denominator: "spend", scale: 1 },
  aov: { numerator: "revenue", denominator: "conversions", scale: 1 },
  engagement_rate: { numerator: "engaged_sessions", denominator: "sessions", scale: 1 },
};

const COST_METRICS: ReadonlySet<Metric> = new Set<Metric>(["spend", "cpc", "cpm", "cpa"]);
const RATES: ReadonlySet<Metric> = new Set<Metric>(["ctr", "cvr", "engagement_rate"]);

export function isKpi(metric: string): metric is Kpi {
  return (KPIS as readonly string[]).includes(metric);
}

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

/** Metrics where going up is bad news for the marketer (spend, cpc, cpm, cpa). */
export function isCostMetric(metric: Metric): boolean {
  return COST_METRICS.has(metric);
}

const LOWER_IS_BETTER: ReadonlySet<Metric> = new Set<Metric>(["cpc", "cpm", "cpa"]);

/** Metrics where the best value is the lowest (cpc, cpm, cpa): what "top" means when ranking. */
export function isLowerBetter(metric: Metric): boolean {
  return LOWER_IS_BETTER.has(metric);
}

/** The measures a metric is made of: itself for a measure, numerator and denominator for a KPI. */
export function componentsOf(metric: Metric): Measure[] {
  return isKpi(metric) ? [KPI_RATIOS[metric].numerator, KPI_RATIOS[metric].denominator] : [metric];
}

/** Metrics that are fractions (ctr, cvr), shown as percentages when formatted for people. */
export function isRate(metric: Metric): boolean {
  return RATES.has(metric);
}

/** A ratio of sums, or null when either side is unknown or the denominator is zero. */
function ratio(numerator: number | null, denominator: number | null, scale = 1): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return (numerator / denominator) * scale;
}

export function kpiFromSums(kpi: Kpi, sums: MeasureSums): number | null {
  const { numerator, denominator, scale } = KPI_RATIOS[kpi];
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
