import { type DateRange, dateRangeOf, type FactTable, type Measure } from "../ingest/index.js";
import {
  comparePeriods,
  type Figures,
  type Filter,
  isKpi,
  METRIC_CATALOG,
  type Metric,
  MetricsError,
  type PeriodComparison,
  type RankedRow,
  rank,
  totals,
} from "../metrics/index.js";
import { type Finding, findings } from "./findings/findings.js";

/**
 * What every summary a marketer reads is made of (the upload reply, /report, App Home): what stands out
 * (the one or two findings with the most money at stake), the figures of a period, the change against the
 * period before, and the best and weakest segments by the KPI that matters for this data. Pure composition
 * of the metrics engine.
 */
export interface PerformanceSummary {
  /** The period summarised: the one asked for, else the data's dates, else the period the file states. */
  period: DateRange | null;
  /** What to read first, largest first: at most two, the second only when it is worth half the first. */
  findings: Finding[];
  /** The figures of `period`. */
  figures: Figures;
  /**
   * `period` against the period of equal length before it, when a period was asked for and the data
   * covers the one before; the headline figures and their changes then cover the same days.
   */
  comparison: PeriodComparison | null;
  /** The last 7 days against the 7 before (or halves of shorter data), told apart from the headline. */
  recent: PeriodComparison | null;
  /** The KPI this data is judged by, and the dimension it is broken down by (charts use both). */
  metric: Metric;
  dimension: string | null;
  leaders: Leaders | null;
}

export interface Leaders {
  dimension: string;
  metric: Metric;
  best: RankedRow[];
  /** Worst first; rows that spent with none of `resultMeasure` (no CPA at all) lead, marked `withoutResults`. */
  worst: RankedRow[];
  /** What a cost ratio is paid per ("conversions" for CPA), or null for other metrics. */
  resultMeasure: Measure | null;
  minSpend: number | null;
}

export interface SummaryOptions {
  /** Narrow everything to this period; the comparison is then against the period just before it. */
  period?: DateRange;
  /** The period the file says it covers (its title line), for data without a date column. */
  statedPeriod?: DateRange | null;
  /** The dimension to rank; by default campaign, else channel, else the first dimension with choice. */
  dimension?: string;
  leaders?: number;
}

/** Fewer ranked segments than this have no best and weakest: with three, "best" is a third of the list. */
const MIN_RANKED = 4;
/** A second finding is worth a marketer's attention when it has at least this share of the first's stake. */
const SECOND_FINDING_SHARE = 0.5;

export function summarizePerformance(facts: FactTable, options: SummaryOptions = {}): PerformanceSummary {
  const filter: Filter | undefined = options.period ? { dateRange: options.period } : undefined;
  const figures = totals(facts, filter);
  const dataRange = dateRangeOf(facts);
  const comparison =
    options.period && dataRange ? safely(() => comparePeriods(facts, { current: options.period })) : null;
  const covered = comparison && dataRange && comparison.previous.range.from >= dataRange.from;
  const recent = options.period || !facts.days ? null : safely(() => comparePeriods(facts));
  const dimension = options.dimension ?? defaultDimension(facts);
  const metric = rankingMetric(figures);
  const leaders =
    dimension && metric ? rankLeaders(facts, dimension, metric, options.leaders ?? 3, filter) : null;
  return {
    period: options.period ?? dataRange ?? options.statedPeriod ?? null,
    findings: leadFindings(facts.days ? findings(facts, { period: options.period }) : []),
    figures,
    comparison: covered ? comparison : null,
    recent,
    metric: metric ?? keyMetric(figures),
    dimension,
    leaders,
  };
}

function leadFindings(found: Finding[]): Finding[] {
  const [first, second] = found;
  if (!first) return [];
  if (!second) return [first];
  const worth =
    first.stake !== null && second.stake !== null
      ? second.stake >= SECOND_FINDING_SHARE * first.stake
      : second.share >= SECOND_FINDING_SHARE * first.share;
  return worth ? [first, second] : [first];
}

/**
 * What "best" and "weakest" are judged by: the key metric when it is a KPI (a ratio); a measure such as
 * spend or revenue says how big a segment is, not how well it does. Data without a KPI is not ranked.
 */
export function rankingMetric(figures: Figures): Metric | null {
  const key = keyMetric(figures);
  if (isKpi(key) && telling(key, figures)) return key;
  return KPI_FALLBACK.find((metric) => figures[metric] !== null && telling(metric, figures)) ?? null;
}

/** A ratio whose numerator is zero everywhere (ROAS of an account that tracks no revenue) ranks nothing. */
function telling(metric: Metric, figures: Figures): boolean {
  return isKpi(metric) && (figures[METRIC_CATALOG[metric].ratio.numerator] ?? 0) > 0;
}

const KPI_FALLBACK: Metric[] = ["roas", "cpa", "cpc", "ctr", "cvr", "engagement_rate"];

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

/**
 * The best and weakest segments: only with at least four ranked (after the spend floor, the one rule every
 * ranking uses), at most half of them on each side, so no segment is both. The weakest come from a
 * worst-first ranking, so a segment that spent with no conversions, which has no CPA, leads them instead of
 * being left out.
 */
function rankLeaders(
  facts: FactTable,
  dimension: string,
  metric: Metric,
  n: number,
  filter?: Filter,
): Leaders | null {
  const ranking = (order: "top" | "bottom") =>
    rank(facts, { dimension, metric, order, n: Number.MAX_SAFE_INTEGER, filter });
  const bestFirst = ranking("top");
  const worstFirst = ranking("bottom");
  if (worstFirst.rows.length < MIN_RANKED) return null;
  const side = Math.min(n, Math.floor(worstFirst.rows.length / 2));
  return {
    dimension,
    metric,
    best: bestFirst.rows.slice(0, side),
    worst: worstFirst.rows.slice(0, side),
    resultMeasure: bestFirst.resultMeasure,
    minSpend: bestFirst.excluded.belowMinSpend > 0 ? bestFirst.minSpend : null,
  };
}

/** Short or undated data has no comparison; that is an absence, not an error. */
function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricsError) return null;
    throw error;
  }
}
