/**
 * What each metric is, said once: its name as people read it, its unit, which direction is good news and,
 * for a KPI, the measures it is a ratio of. The engine computes from these facts; formatting, charts, the
 * analyst and Slack views read them from here rather than keeping their own lists.
 */
import { MEASURES, type Measure } from "../ingest/fact-table.js";

export const KPIS = ["ctr", "cpc", "cpm", "cvr", "cpa", "roas", "aov", "engagement_rate"] as const;
export type Kpi = (typeof KPIS)[number];
export type Metric = Measure | Kpi;
export const METRICS: readonly Metric[] = [...MEASURES, ...KPIS];

/** money: in the data's currency; count: plain number; rate: a fraction shown as %; multiple: "3.2x". */
export type MetricUnit = "money" | "count" | "rate" | "multiple";

/** Whether a rise is good news; spend is neither, since more can mean growth or waste. */
export type MetricDirection = "higher-is-better" | "lower-is-better" | "neutral";

export interface KpiRatio {
  numerator: Measure;
  denominator: Measure;
  /** cpm is quoted per thousand impressions. */
  scale: number;
}

export interface MetricFacts {
  /** The one name used in answers, charts, alerts and Slack views: "CTR", "Conversion rate", "Spend". */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  /** What a money KPI is per ("click"), for axis titles such as "CPC (USD per click)". */
  readonly per?: string;
}

/** KPIs are ratios of sums (never means of row ratios), which is what makes them add up across slices. */
export interface KpiFacts extends MetricFacts {
  readonly ratio: KpiRatio;
}

export type MetricCatalog = { readonly [M in Metric]: M extends Kpi ? KpiFacts : MetricFacts };

const higher = "higher-is-better";
const lower = "lower-is-better";

export const METRIC_CATALOG: MetricCatalog = {
  spend: { label: "Spend", unit: "money", direction: "neutral" },
  impressions: { label: "Impressions", unit: "count", direction: higher },
  clicks: { label: "Clicks", unit: "count", direction: higher },
  conversions: { label: "Conversions", unit: "count", direction: higher },
  revenue: { label: "Revenue", unit: "money", direction: higher },
  sessions: { label: "Sessions", unit: "count", direction: higher },
  engaged_sessions: { label: "Engaged sessions", unit: "count", direction: higher },
  key_events: { label: "Key events", unit: "count", direction: higher },
  ctr: {
    label: "CTR",
    unit: "rate",
    direction: higher,
    ratio: { numerator: "clicks", denominator: "impressions", scale: 1 },
  },
  cpc: {
    label: "CPC",
    unit: "money",
    direction: lower,
    per: "click",
    ratio: { numerator: "spend", denominator: "clicks", scale: 1 },
  },
  cpm: {
    label: "CPM",
    unit: "money",
    direction: lower,
    per: "1,000 impressions",
    ratio: { numerator: "spend", denominator: "impressions", scale: 1000 },
  },
  cvr: {
    label: "Conversion rate",
    unit: "rate",
    direction: higher,
    ratio: { numerator: "conversions", denominator: "clicks", scale: 1 },
  },
  cpa: {
    label: "CPA",
    unit: "money",
    direction: lower,
    per: "conversion",
    ratio: { numerator: "spend", denominator: "conversions", scale: 1 },
  },
  roas: {
    label: "ROAS",
    unit: "multiple",
    direction: higher,
    ratio: { numerator: "revenue", denominator: "spend", scale: 1 },
  },
  aov: {
    label: "AOV",
    unit: "money",
    direction: higher,
    per: "order",
    ratio: { numerator: "revenue", denominator: "conversions", scale: 1 },
  },
  engagement_rate: {
    label: "Engagement rate",
    unit: "rate",
    direction: higher,
    ratio: { numerator: "engaged_sessions", denominator: "sessions", scale: 1 },
  },
};

export function isKpi(metric: string): metric is Kpi {
  return (KPIS as readonly string[]).includes(metric);
}

export function isMetric(name: string): name is Metric {
  return (METRICS as readonly string[]).includes(name);
}

/** Money paid out (spend, cpc, cpm, cpa): money whose rise is not good news in itself. */
export function isCostMetric(metric: Metric): boolean {
  const { unit, direction } = METRIC_CATALOG[metric];
  return unit === "money" && direction !== higher;
}

/** Metrics where the best value is the lowest (cpc, cpm, cpa): what "top" means when ranking. */
export function isLowerBetter(metric: Metric): boolean {
  return METRIC_CATALOG[metric].direction === lower;
}

/** Metrics that are fractions (ctr, cvr), shown as percentages when formatted for people. */
export function isRate(metric: Metric): boolean {
  return METRIC_CATALOG[metric].unit === "rate";
}

/** The measures a metric is made of: itself for a measure, numerator and denominator for a KPI. */
export function componentsOf(metric: Metric): Measure[] {
  if (!isKpi(metric)) return [metric];
  const { numerator, denominator } = METRIC_CATALOG[metric].ratio;
  return [numerator, denominator];
}
