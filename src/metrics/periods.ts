import { dayRange, type FactTable } from "../ingest/fact-table.js";
import { type DaySpan, intersectSpans, spanLength } from "./calendar.js";
import { compileFilter, type Filter } from "./filter.js";
import { MetricsError } from "./metrics-error.js";

/** A week against a week when there is enough data for two, so weekday patterns cancel out. */
const WEEK = 7;

/**
 * The default "current" period: the last 7 days of the data when it spans at least two weeks, else its
 * later half (rounded down, so the previous period of equal length still lies inside the data). The data's
 * span is that of the whole table, narrowed by the filter's date range: a campaign that stopped early still
 * reads the report's last week, where it spent nothing.
 */
export function defaultCurrentPeriod(facts: FactTable, filter?: Filter): DaySpan {
  if (!facts.days) throw new MetricsError("this data has no dates");
  const dataSpan = dayRange(facts);
  const span = dataSpan ? intersectSpans(dataSpan, compileFilter(facts, filter).span) : null;
  const length = span ? spanLength(span) : 0;
  if (!span || length < 2) {
    throw new MetricsError(
      "comparing periods needs dated rows on at least two days; pass the periods instead",
    );
  }
  const currentLength = length >= 2 * WEEK ? WEEK : Math.floor(length / 2);
  return { first: span.last - currentLength + 1, last: span.last };
}

/** The period of equal length that ends the day before `current` starts. */
export function previousPeriod(current: DaySpan): DaySpan {
  const length = spanLength(current);
  return { first: current.first - length, last: current.first - 1 };
}
