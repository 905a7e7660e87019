/**
 * What the charts need to know about each metric the metrics engine returns: how people name it, what
 * unit it is in, and which direction is good news. Display knowledge only; the figures themselves always
 * come from the metrics engine.
 */
import { METRICS as ENGINE_METRICS, type Metric } from "../metrics/kpis.js";

/** The metric names are the metrics engine's own: a chart can draw any figure the engine returns. */
export const METRIC_NAMES = ENGINE_METRICS;

export type MetricName = Metric;

/** money: in the data's currency; count: plain number; rate: a fraction shown as %; multiple: "3.2x". */
export type MetricUnit = "money" | "count" | "rate" | "multiple";

/** Whether a rise is good news: cost metrics (CPC, CPM, CPA) are better when they fall. */
export type MetricDirection = "higher-is-better" | "lower-is-better" | "neutral";

export interface MetricInfo {
  /** Short name as marketers say it: "CTR", "Spend". */
  readonly label: string;
  readonly unit: MetricUnit;
  readonly direction: MetricDirection;
  /** What a money metric is per ("click"), for axis titles such as "CPC (USD per click)". */
  readonly per?: string;
}

export const METRICS: Readonly<Record<MetricName, MetricInfo>> = {
  spend: { label: "Spend", unit: "money", direction: "neutral" },
  impressions: { label: "Impressions", unit: "count", direction: "higher-is-better" },
  clicks: { label: "Clicks", unit: "count", direction: "higher-is-better" },
  conversions: { label: "Conversions", unit: "count", direction: "higher-is-better" },
  revenue: { label: "Revenue", unit: "money", direction: "higher-is-better" },
  sessions: { label: "Sessions", unit: "count", direction: "higher-is-better" },
  engaged_sessions: { label: "Engaged sessions", unit: "count", direction: "higher-is-better" },
  key_events: { label: "Key events", unit: "count", direction: "higher-is-better" },
  ctr: {
    label: "CTR",
    unit: "rate",
    direction: "higher-is-better",
  },
  cpc: {
    label: "CPC",
    unit: "money",
    direction: "lower-is-better",
    per: "click",
  },
  cpm: {
    label: "CPM",
    unit: "money",
    direction: "lower-is-better",
    per: "1,000 impressions",
  },
  cvr: {
    label: "Conversion rate",
    unit: "rate",
    direction: "higher-is-better",
  },
  cpa: {
    label: "CPA",
    unit: "money",
    direction: "lower-is-better",
    per: "conversion",
  },
  roas: {
    label: "ROAS",
    unit: "multiple",
    direction: "higher-is-better",
  },
  aov: {
    label: "AOV",
    unit: "money",
    direction: "higher-is-better",
    per: "order",
  },
  engagement_rate: { label: "Engagement rate", unit: "rate", direction: "higher-is-better" },
};

/** Axis title with its unit: "Spend (USD)", "CPC (BRL per click)", "CTR (%)", "ROAS (revenue ÷ spend)". */
export function metricAxisTitle(metric: MetricName, currency: string | null): string {
  const info = METRICS[metric];
  if (info.unit === "rate") return `${info.label} (%)`;
  if (info.unit === "multiple") return `${info.label} (revenue ÷ spend)`;
  if (info.unit === "money" && currency)
    return `${info.label} (${currency}${info.per ? ` per ${info.per}` : ""})`;
  return info.label;
}
