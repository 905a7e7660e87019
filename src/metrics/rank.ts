import type { FactTable, Measure } from "../ingest/fact-table.js";
import { type BreakdownRow, breakdown } from "./breakdown.js";
import type { Filter } from "./filter.js";
import type { Figures } from "./kpis.js";
import { isKpi, isLowerBetter, isMetric, METRIC_CATALOG, METRICS, type Metric } from "./metric-catalog.js";
import { MetricsError } from "./metrics-error.js";
import { compareKeys, descendingNullsLast } from "./ordering.js";
import { median } from "./robust-stats.js";

export type RankOrder = "top" | "bottom";

export interface RankOptions {
  dimension: string;
  metric: Metric;
  /** "top" is best for the marketer (highest roas, ctr, revenue...; lowest cpa, cpc, cpm); "bottom" the worst. */
  order: RankOrder;
  /** How many rows to return; 5 by default. */
  n?: number;
  /** Rows that spent less are left out; see `defaultMinSpend` for the default. */
  minSpend?: number;
  filter?: Filter;
}

/** `withoutResults` marks a row that spent with none of a cost ratio's results: its metric is null. */
export type RankedRow = { rank: number; withoutResults?: true } & BreakdownRow;

export interface Ranking {
  dimension: string;
  metric: Metric;
  order: RankOrder;
  /** The spend floor applied, or null when none was (ranking a measure, or data without spend). */
  minSpend: number | null;
  /**
   * What a cost ratio is per ("conversions" for cpa, "clicks" for cpc), when rows that spent without any
   * can exist; null for other metrics.
   */
  resultMeasure: Measure | null;
  /**
   * How many rows were left out, and why. `spentWithoutResults`: rows that spent with none of
   * `resultMeasure`, left out of a best-first ranking (they have no cost per result to be best at).
   */
  excluded: { belowMinSpend: number; noValue: number; spentWithoutResults: number };
  rows: RankedRow[];
}

/** Share of the median row's spend a row must reach before its KPIs are ranked. */
const MIN_SPEND_SHARE_OF_MEDIAN = 0.1;

/**
 * The best or worst rows of a dimension by a metric. Rows whose metric is null are left out, but for one:
 * a row that spent with no results has no cost per result (cpa, cpc, cpm), yet it is the worst of all, so
 * a worst-first ranking puts it first (biggest spender first) marked `withoutResults`, and a best-first one
 * counts it apart. For cost KPIs lower is better; for everything else, spend included, higher ranks first
 * ("top campaigns by spend" means the biggest spenders). Ties go to the larger spender, then by key.
 */
export function rank(facts: FactTable, options: RankOptions): Ranking {
  const { dimension, metric, order, n = 5, filter } = options;
  if (!isMetric(metric))
    throw new MetricsError(`unknown metric "${metric}"; use one of ${METRICS.join(", ")}`);
  if (order !== "top" && order !== "bottom")
    throw new MetricsError(`order must be "top" or "bottom", not "${order}"`);
  if (!(Number.isInteger(n) && n >= 1))
    throw new MetricsError(`n must be a whole number of rows, at least 1, not ${n}`);
  const rows = breakdown(facts, dimension, { filter });
  const minSpend = spendFloor(facts, rows, metric, options.minSpend);
  const ranked = rankRows(rows, { metric, order, minSpend });
  return {
    dimension,
    ...ranked,
    rows: ranked.rows.slice(0, n).map((row, index) => ({ ...row, rank: index + 1 })),
  };
}

/**
 * Rows already figured (a breakdown, a query's rows, an analysis summary's) in the order `rank` gives,
 * all of them: the one ranking every answer and summary uses, so a best or weakest segment is the same
 * wherever it is named. `minSpend` null applies no floor. A row that spent nothing has no cost per result
 * to be best at (a CPA of 0 on no spend is no price), so it is left out of a cost ratio's ranking.
 */
export function rankRows(
  rows: readonly BreakdownRow[],
  options: { metric: Metric; order: RankOrder; minSpend: number | null },
): Omit<Ranking, "dimension"> {
  const { metric, order, minSpend } = options;
  const funded = minSpend === null ? rows : rows.filter((row) => row.spend !== null && row.spend >= minSpend);
  const resultMeasure = costResult(metric);
  const ranked = funded.filter(
    (row) => row[metric] !== null && !(resultMeasure && !(row.spend !== null && row.spend > 0)),
  );
  const unpriced = resultMeasure
    ? funded
        .filter((row) => row[metric] === null && spentWithout(row, resultMeasure))
        .sort((a, b) => descendingNullsLast(a.spend, b.spend) || compareKeys(a.key, b.key))
    : [];
  const sign = (isLowerBetter(metric) ? -1 : 1) * (order === "top" ? 1 : -1);
  ranked.sort(
    (a, b) =>
      sign * ((b[metric] as number) - (a[metric] as number)) ||
      descendingNullsLast(a.spend, b.spend) ||
      compareKeys(a.key, b.key),
  );
  const worstFirst = order === "bottom";
  const listed: RankedRow[] = [
    ...(worstFirst ? unpriced.map((row) => ({ rank: 0, ...row, withoutResults: true as const })) : []),
    ...ranked.map((row) => ({ rank: 0, ...row })),
  ];
  return {
    metric,
    order,
    minSpend,
    resultMeasure,
    excluded: {
      belowMinSpend: rows.length - funded.length,
      noValue: funded.length - ranked.length - unpriced.length,
      spentWithoutResults: worstFirst ? 0 : unpriced.length,
    },
    rows: listed.map((row, index) => ({ ...row, rank: index + 1 })),
  };
}

/** The results a lower-is-better cost ratio is paid per (conversions for cpa), or null. */
export function costResult(metric: Metric): Measure | null {
  if (!isKpi(metric) || !isLowerBetter(metric)) return null;
  const { numerator, denominator } = METRIC_CATALOG[metric].ratio;
  return numerator === "spend" ? denominator : null;
}

function spentWithout(row: Figures, results: Measure): boolean {
  return row.spend !== null && row.spend > 0 && row[results] === 0;
}

/**
 * A row whose cost ratio (cpa, cpc, cpm) is null because it spent with none of the results: its cost per
 * result is beyond any figure, so it is above every "CPA over 30" and the worst in every ranking.
 */
export function spentWithNoResults(row: Figures, metric: Metric): boolean {
  const results = costResult(metric);
  return results !== null && row[metric] === null && spentWithout(row, results);
}

function spendFloor(
  facts: FactTable,
  rows: readonly BreakdownRow[],
  metric: Metric,
  explicit?: number,
): number | null {
  if (explicit !== undefined) {
    if (!(Number.isFinite(explicit) && explicit >= 0))
      throw new MetricsError(`minSpend must be an amount of zero or more, not ${explicit}`);
    if (!facts.measures.spend)
      throw new MetricsError("minSpend needs spend, and this data has no spend column");
    return explicit;
  }
  return isKpi(metric) && facts.measures.spend ? defaultMinSpend(rows) : null;
}

/**
 * The default floor when ranking a KPI: 10% of the median spend of the rows that spent anything. A ratio
 * from a row with a tenth of a typical row's money rests on a handful of clicks or one lucky sale (a $3
 * ad set with a $90 order has a ROAS of 30), so it is not ranked against rows with real volume. The median
 * rather than the mean keeps one very large row from lifting the floor above every ordinary one. In
 * long-tailed dimensions (thousands of keywords, most spending cents) the median row is itself tiny: pass
 * `minSpend` there.
 */
export function defaultMinSpend(rows: readonly BreakdownRow[]): number {
  const spends = rows.flatMap((row) => (row.spend !== null && row.spend > 0 ? [row.spend] : []));
  return spends.length === 0 ? 0 : MIN_SPEND_SHARE_OF_MEDIAN * median(spends);
}
