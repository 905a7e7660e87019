import type { FactTable, Measure } from "../ingest/fact-table.js";
import { aggregate, aggregateWithTotal, type Group } from "./aggregate.js";
import type { Filter } from "./filter.js";
import { type Figures, figuresFromSums } from "./kpis.js";
import { MetricsError } from "./metrics-error.js";
import { compareKeys, descendingNullsLast } from "./ordering.js";
import { zeroSums } from "./totals.js";

export type BreakdownRow = { key: string } & Figures;

export interface BreakdownOptions {
  filter?: Filter;
  /** Keep only the first rows after sorting. */
  limit?: number;
}

/** Joins the two values of a row split by two dimensions (see `query`). */
export const PAIR_SEPARATOR = " × ";

/** Where the money went is the first question, so rows are ordered by spend, or the next best size. */
const SIZE_ORDER: readonly Measure[] = ["spend", "revenue", "conversions", "clicks", "impressions"];

/**
 * Figures per value of one dimension, blank cells grouped under "(not set)", largest first: by spend
 * descending, or when the data has no spend by the first present of revenue, conversions, clicks,
 * impressions; unknown sizes last, ties by key.
 */
export function breakdown(
  facts: FactTable,
  dimension: string,
  options: BreakdownOptions = {},
): BreakdownRow[] {
  const { limit } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new MetricsError(`limit must be a whole number of rows, not ${limit}`);
  }
  const rows = breakdownRows(facts, aggregate(facts, { by: [dimension], filter: options.filter }));
  return limit === undefined ? rows : rows.slice(0, limit);
}

/**
 * The breakdown by one dimension and the totals of the whole table, from the same passes over the rows:
 * the figures of `breakdown(facts, dimension)` and `totals(facts)`.
 */
export function breakdownWithTotals(
  facts: FactTable,
  dimension: string,
): { rows: BreakdownRow[]; totals: Figures } {
  const { groups, total } = aggregateWithTotal(facts, dimension);
  return { rows: breakdownRows(facts, groups), totals: figuresFromSums(total?.sums ?? zeroSums(facts)) };
}

function breakdownRows(facts: FactTable, groups: Group[]): BreakdownRow[] {
  const rows = groups.map(
    (group): BreakdownRow => ({ key: group.keys.join(PAIR_SEPARATOR), ...figuresFromSums(group.sums) }),
  );
  const size = SIZE_ORDER.find((measure) => facts.measures[measure]);
  rows.sort((a, b) => (size ? descendingNullsLast(a[size], b[size]) : 0) || compareKeys(a.key, b.key));
  return rows;
}
