import { type DateRange, dateRangeOf, type FactTable } from "../ingest/index.js";
import {
  type Anomaly,
  anomalies,
  comparePeriods,
  type Figures,
  type Filter,
  type Metric,
  MetricsError,
  type PeriodComparison,
  type RankedRow,
  rank,
  totals,
} from "../metrics/index.js";

/**
 * What every summary a marketer reads is made of (the upload reply, /report, App Home): the figures of a
 * period, the change against the period before, the best and worst segments by the KPI that matters for
 * this data, and the days that broke pattern. Pure composition of the metrics engine.
 */
export interface PerformanceSummary {
  /** The period summarised, when the data has dates. */
  period: DateRange | null;
  figures: Figures;
  comparison: PeriodComparison | null;
  leaders: Leaders | null;
  anomalies: Anomaly[];
}

export interface Leaders {
  dimension: string;
  metric: Metric;
  best: RankedRow[];
  worst: RankedRow[];
  minSpend: number | null;
}

export interface SummaryOptions {
  /** Narrow everything to this period; the comparison is then against the period just before it. */
  period?: DateRange;
  /** The dimension to rank; by default campaign, else channel, else the first dimension with choice. */
  dimension?: string;
  leaders?: number;
}

const ANOMALY_LIMIT = 3;

export function summarizePerformance(facts: FactTable, options: SummaryOptions = {}): PerformanceSummary {
  const filter: Filter | undefined = options.period ? { dateRange: options.period } : undefined;
  const figures = totals(facts, filter);
  const comparison = safely(() => (facts.days ? comparePeriods(facts, { current: options.period }) : null));
  const dimension = options.dimension ?? defaultDimension(facts);
  const metric = keyMetric(figures);
  const leaders = dimension ? rankLeaders(facts, dimension, metric, options.leaders ?? 3, filter) : null;
  const found = facts.days
    ? (safely(() => anomalies(facts, { metric, filter })) ?? [])
        .sort((a, b) => b.score - a.score)
        .slice(0, ANOMALY_LIMIT)
        .sort((a, b) => a.date.localeCompare(b.date))
    : [];
  return {
    period: options.period ?? dateRangeOf(facts),
    figures,
    comparison,
    leaders,
    anomalies: found,
  };
}

/**
 * The KPI a marketer judges this data by: ROAS with revenue, else CPA, else CPC, else CTR, else spend.
 * Without spend (GA4, a shop's analytics) it is never a cost metric: revenue, key events, engagement.
 */
export function keyMetric(figures: Figures): Metric {
  const order: Metric[] = [
    "roas",
    "cpa",
    "cpc",
    "ctr",
    "spend",
    "revenue",
    "key_events",
    "conversions",
    "engagement_rate",
    "sessions",
  ];
  return order.find((metric) => figures[metric] !== null) ?? "clicks";
}

export function defaultDimension(facts: FactTable): string | null {
  for (const preferred of ["campaign", "channel", "ad_group"]) {
    if ((facts.dimensions[preferred]?.values.length ?? 0) > 0) return preferred;
  }
  const [first] = Object.entries(facts.dimensions).filter(([, column]) => column.values.length > 1);
  return first?.[0] ?? null;
}

function rankLeaders(
  facts: FactTable,
  dimension: string,
  metric: Metric,
  n: number,
  filter?: Filter,
): Leaders | null {
  const best = rank(facts, { dimension, metric, order: "top", n, filter });
  if (best.rows.length === 0) return null;
  const worst = rank(facts, { dimension, metric, order: "bottom", n, filter });
  const bestKeys = new Set(best.rows.map((row) => row.key));
  return {
    dimension,
    metric,
    best: best.rows,
    worst: worst.rows.filter((row) => !bestKeys.has(row.key)),
    minSpend: best.minSpend,
  };
}

/** Short or undated data has no comparison or anomalies; that is an absence, not an error. */
function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricsError) return null;
    throw error;
  }
}
