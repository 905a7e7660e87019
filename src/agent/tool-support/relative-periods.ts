import { type DateRange, dayToIso } from "../../ingest/index.js";

/**
 * Periods people name relative to "now". "Now" is the anchor day: the last date in the data unless the
 * question is asked relative to today, because an export downloaded last Tuesday describes last Tuesday's
 * world, and "last 7 days" of it must not come out empty.
 */
export const RELATIVE_PERIODS = [
  "latest_day",
  "last_7_days",
  "last_14_days",
  "last_28_days",
  "last_30_days",
  "last_90_days",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

export interface DaySpan {
  first: number;
  last: number;
}

/** A period, the one it is compared with, and how the two were chosen, for the answer to state. */
export interface PeriodPair {
  current: DaySpan;
  previous: DaySpan;
  label: string;
  basis: string;
}

const MS_PER_DAY = 86_400_000;
const ROLLING_DAYS: Partial<Record<RelativePeriod, number>> = {
  latest_day: 1,
  last_7_days: 7,
  last_14_days: 14,
  last_28_days: 28,
  last_30_days: 30,
  last_90_days: 90,
};

/**
 * The days a relative period covers, anchored on `anchor`, with its comparison period. Rolling windows
 * compare with the window just before. "This week" and "this month" run to the anchor and compare with the
 * same days of the week or month before (like for like, so a half week never faces a whole one). "Last
 * week" and "last month" are the most recent complete ones: the anchor's own week when the anchor is a
 * Sunday, its own month when the anchor is the month's last day.
 */
export function relativePeriod(name: RelativePeriod, anchor: number): PeriodPair {
  const rolling = ROLLING_DAYS[name];
  if (rolling !== undefined) {
    const current = { first: anchor - rolling + 1, last: anchor };
    const previous = { first: current.first - rolling, last: current.first - 1 };
    const label = rolling === 1 ? "the latest day" : `the last ${rolling} days`;
    return { current, previous, label, basis: `the ${rolling === 1 ? "day" : `${rolling} days`} before` };
  }
  const monday = mondayOf(anchor);
  switch (name) {
    case "this_week":
      return {
        current: { first: monday, last: anchor },
        previous: { first: monday - 7, last: anchor - 7 },
        label: "this week (from Monday)",
        basis: "the same days of the week before",
      };
    case "last_week": {
      const start = anchor - monday === 6 ? monday : monday - 7;
      return {
        current: { first: start, last: start + 6 },
        previous: { first: start - 7, last: start - 1 },
        label: "the last complete week (Monday to Sunday)",
        basis: "the week before",
      };
    }
    case "this_month": {
      const first = monthStart(anchor, 0);
      const previousFirst = monthStart(anchor, -1);
      const previousLast = Math.min(previousFirst + (anchor - first), first - 1);
      return {
        current: { first, last: anchor },
        previous: { first: previousFirst, last: previousLast },
        label: "this month to date",
        basis: "the same days of the month before",
      };
    }
    default: {
      const complete = monthStart(anchor + 1, 0) === anchor + 1;
      const first = complete ? monthStart(anchor, 0) : monthStart(anchor, -1);
      const previousFirst = monthStart(first, -1);
      return {
        current: { first, last: monthStart(first, 1) - 1 },
        previous: { first: previousFirst, last: first - 1 },
        label: "the last complete month",
        basis: "the month before",
      };
    }
  }
}

/** The comparison period for explicit dates: the same number of days right before. */
export function precedingSpan(current: DaySpan): DaySpan {
  const length = current.last - current.first + 1;
  return { first: current.first - length, last: current.first - 1 };
}

export function spanToRange(span: DaySpan): DateRange {
  return { from: dayToIso(span.first), to: dayToIso(span.last) };
}

/** Monday of the day's week (day 0, 1970-01-01, was a Thursday). */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** First day of the month `offset` months from the day's month. */
function monthStart(day: number, offset: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1) / MS_PER_DAY;
}
