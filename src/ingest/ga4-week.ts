import { civilToDay, NO_DAY } from "./fact-table.js";

/**
 * GA4's Week dimension is a two-digit number within the year ("02"), weeks starting on Sunday, with week
 * 01 starting on 1 January. The year is the one of the report's start date, printed in the preamble.
 * Returns the first day of the week, clamped to 1 January for week 01.
 */
export function ga4WeekStart(year: number, week: number): number {
  if (!Number.isInteger(week) || week < 1 || week > 53) return NO_DAY;
  const newYear = civilToDay(year, 1, 1);
  // Day 0 (1970-01-01) was a Thursday: (day + 4) % 7 is 0 on Sundays.
  const weekday = (newYear + 4) % 7;
  const start = newYear - weekday + (week - 1) * 7;
  return Math.max(start, newYear);
}
