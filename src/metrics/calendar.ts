import { type DateRange, dayToIso, isoToDay, NO_DAY } from "../ingest/fact-table.js";
import { MetricsError } from "./metrics-error.js";

export type Grain = "day" | "week" | "month";
export const GRAINS: readonly Grain[] = ["day", "week", "month"];

/** Inclusive range of day numbers (days since 1970-01-01); empty when first > last. */
export interface DaySpan {
  first: number;
  last: number;
}

const MS_PER_DAY = 86_400_000;

export function spanOfRange(range: DateRange, label = "date range"): DaySpan {
  const first = isoToDay(range.from);
  const last = isoToDay(range.to);
  for (const [day, text] of [
    [first, range.from],
    [last, range.to],
  ] as const) {
    if (day === NO_DAY) throw new MetricsError(`${label} has "${text}", which is not a date; use YYYY-MM-DD`);
  }
  if (first > last) throw new MetricsError(`${label} runs backwards: ${range.from} is after ${range.to}`);
  return { first, last };
}

export function rangeOfSpan(span: DaySpan): DateRange {
  return { from: dayToIso(span.first), to: dayToIso(span.last) };
}

export function intersectSpans(a: DaySpan, b: DaySpan | null | undefined): DaySpan {
  return b ? { first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) } : a;
}

export function spanLength(span: DaySpan): number {
  return Math.max(0, span.last - span.first + 1);
}

/** First day of the bucket holding `day`: the day itself, its Monday, or the 1st of its month. */
function bucketStart(day: number, grain: Grain): number {
  if (grain === "day") return day;
  if (grain === "week") return day - mod(day + 3, 7); // day 0, 1970-01-01, was a Thursday
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

function nextBucketStart(start: number, grain: Grain): number {
  if (grain === "day") return start + 1;
  if (grain === "week") return start + 7;
  const date = new Date(start * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY;
}

/** Start days of every bucket that overlaps the span, in order, gaps included. */
export function bucketStarts(span: DaySpan, grain: Grain): number[] {
  const starts: number[] = [];
  if (span.first > span.last) return starts;
  for (
    let start = bucketStart(span.first, grain);
    start <= span.last;
    start = nextBucketStart(start, grain)
  ) {
    starts.push(start);
  }
  return starts;
}

/** Start days of the buckets the span covers only in part: at most its first and its last. */
export function partialBucketStarts(span: DaySpan, grain: Grain): number[] {
  return bucketStarts(span, grain).filter(
    (start) => start < span.first || nextBucketStart(start, grain) - 1 > span.last,
  );
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
