import type { Metric } from "../metrics/index.js";

/**
 * Figures as people read them: money in the data's currency, rates as percentages, ROAS as a multiple,
 * counts with thousands separators. Data and JSON keep raw fractions; only what a person reads passes here.
 */

const MONEY_METRICS = new Set<Metric>(["spend", "revenue", "cpc", "cpm", "cpa", "aov"]);
const RATE_METRICS = new Set<Metric>(["ctr", "cvr", "engagement_rate"]);

export const METRIC_LABELS: Record<Metric, string> = {
  spend: "Spend",
  impressions: "Impressions",
  clicks: "Clicks",
  conversions: "Conversions",
  revenue: "Revenue",
  sessions: "Sessions",
  engaged_sessions: "Engaged sessions",
  key_events: "Key events",
  ctr: "CTR",
  cpc: "CPC",
  cpm: "CPM",
  cvr: "CVR",
  cpa: "CPA",
  roas: "ROAS",
  aov: "AOV",
  engagement_rate: "Engagement rate",
};

export function formatMoney(value: number, currency: string | null): string {
  const digits = Math.abs(value) >= 100_000 ? 0 : 2;
  if (currency) {
    try {
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch {
      // An unknown code still reads fine written out after the amount.
    }
  }
  const amount = new Intl.NumberFormat("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return currency ? `${amount} ${currency}` : amount;
}

export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 100 ? 2 : 1;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatMetric(metric: Metric, value: number | null, currency: string | null): string {
  if (value === null) return "n/a";
  if (MONEY_METRICS.has(metric)) return formatMoney(value, currency);
  if (RATE_METRICS.has(metric)) return formatPercent(value);
  if (metric === "roas") return `${value.toFixed(2)}x`;
  return formatCount(value);
}

/** A relative change with its sign, "+12.3%" or "−4.0%"; "new" when the previous value was zero. */
export function formatChange(relative: number | null, absolute: number | null): string {
  if (relative === null) return absolute !== null && absolute !== 0 ? "new" : "n/a";
  const sign = relative > 0 ? "+" : relative < 0 ? "−" : "±";
  return `${sign}${Math.abs(relative * 100).toFixed(1)}%`;
}
