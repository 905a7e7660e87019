import { civilToDay, type DateRange, dayToIso, isoToDay } from "../../ingest/index.js";
import { type RelativePeriod, relativePeriod, spanToRange } from "../tool-support/relative-periods.js";

const MS_PER_DAY = 86_400_000;

/**
 * "last month vs same month last year", "l30d vs same period last month": one period against the same
 * dates a month, quarter or year before. Groups: what is the same (month, period, day, ...), the unit back.
 * "the same day last week" has its own reader (the same weekday seven days before).
 */
export const SAME_PERIOD_BEFORE =
  /\b(?:the\s+)?same\s+(days?|weeks?|months?|quarters?|period|time|dates)\s+(?:(?:last|previous|the previous|prior|a|one|the)\s+)?(week|month|quarter|year)(?:\s+before)?\b/g;

const MONTHS_BACK: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

/** Which "same X last Y" pairs name one span of dates; "same week last month" is any of several weeks. */
export function sameSpanBack(same: string, back: string): number | null {
  const unit = same.replace(/s$/, "");
  const months = MONTHS_BACK[back];
  if (months === undefined) return null;
  if (unit === "week") return null;
  if (unit === "month" && months < 3) return null;
  if (unit === "quarter" && months < 12) return null;
  return months;
}

/**
 * The one period named, as dates, and the same dates `months` before it: a period of whole months stays
 * whole months (February 2024 a year back is 1 to 28 February 2023); any other keeps its number of days,
 * and must end before the period starts ("last 30 days vs same period last month" would overlap itself).
 * Null when that fails or the period is not one the reader can turn into dates itself.
 */
export function samePeriodBefore(
  current: { kind: "relative"; period: RelativePeriod } | { kind: "range"; range: DateRange },
  months: number,
  last: number | null,
): [DateRange, DateRange] | null {
  const range = current.kind === "range" ? current.range : relativeDates(current.period, last);
  if (range === null) return null;
  const from = shiftMonths(range.from, months, false);
  if (range.from.endsWith("-01") && isMonthEnd(range.to)) {
    return [range, { from, to: shiftMonths(range.to, months, true) }];
  }
  const to = isoToDay(from) + (isoToDay(range.to) - isoToDay(range.from));
  return to < isoToDay(range.from) ? [range, { from, to: dayToIso(to) }] : null;
}

/** A relative period's own dates, counted back from the data's last day as the tools count them. */
export function relativeDates(period: RelativePeriod, last: number | null): DateRange | null {
  return last === null ? null : spanToRange(relativePeriod(period, last).current);
}

function isMonthEnd(iso: string): boolean {
  const day = isoToDay(iso);
  return new Date((day + 1) * MS_PER_DAY).getUTCDate() === 1;
}

/** The same day of the month `months` earlier, clamped to that month's length; a month's end stays its end. */
function shiftMonths(iso: string, months: number, toMonthEnd: boolean): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const next =
    targetMonth === 12 ? civilToDay(targetYear + 1, 1, 1) : civilToDay(targetYear, targetMonth + 1, 1);
  const length = new Date((next - 1) * MS_PER_DAY).getUTCDate();
  return dayToIso(civilToDay(targetYear, targetMonth, toMonthEnd ? length : Math.min(day, length)));
}
