import { dayRange, dayToIso, type FactTable } from "../ingest/fact-table.js";
import { aggregate } from "./aggregate.js";
import {
  bucketStarts,
  type DaySpan,
  GRAINS,
  type Grain,
  intersectSpans,
  partialBucketStarts,
} from "./calendar.js";
import { compileFilter, type Filter } from "./filter.js";
import { type Figures, figuresFromSums } from "./kpis.js";
import { MetricsError } from "./metrics-error.js";
import { zeroSums } from "./totals.js";

export type TrendPoint = { period: string } & Figures;

export interface TrendOptions {
  filter?: Filter;
}

/**
 * Figures per day, week (starting Monday) or month, `period` being the bucket's first day, in order. Every
 * bucket between the data's first and last date (narrowed by the filter's date range) is present, an empty
 * one with zero measures and null KPIs, so a chart never draws a straight line across a gap. Undated rows
 * are left out, and the first and last buckets may cover only part of their week or month.
 */
export function trend(facts: FactTable, grain: Grain, options: TrendOptions = {}): TrendPoint[] {
  const window = trendWindow(facts, grain, options.filter);
  if (!window) return [];
  const byBucket = new Map(
    aggregate(facts, { grain, filter: options.filter }).map((group) => [group.bucket, group]),
  );
  const empty = zeroSums(facts);
  return bucketStarts(window, grain).map((start) => ({
    period: dayToIso(start),
    ...figuresFromSums(byBucket.get(start)?.sums ?? empty),
  }));
}

/**
 * The periods of `trend` (first days, as it gives them) that the data covers only in part: the first week
 * or month when the data starts after its first day, the last when it ends before its last. Never a day.
 */
export function partialPeriods(facts: FactTable, grain: Grain, options: TrendOptions = {}): string[] {
  const window = trendWindow(facts, grain, options.filter);
  return window ? partialBucketStarts(window, grain).map(dayToIso) : [];
}

/** The days a trend covers: the data's dates, narrowed by the filter's date range. */
function trendWindow(facts: FactTable, grain: Grain, filter?: Filter): DaySpan | null {
  if (!GRAINS.includes(grain)) throw new MetricsError(`unknown grain "${grain}"; use day, week or month`);
  if (!facts.days) throw new MetricsError("this data has no dates");
  const dataSpan = dayRange(facts);
  return dataSpan ? intersectSpans(dataSpan, compileFilter(facts, filter).span) : null;
}
