import { civilToDay, dayToIso } from "../ingest/fact-table.js";

export type ForecastHorizon = "month_end" | "next_month" | "next_days";

/** What a projection covers: days already in the data that count toward it, and days to forecast. */
export interface ForecastWindow {
  /** Inclusive ISO dates the answer is about. */
  from: string;
  to: string;
  /** Days of the window already in the data (this month so far), as indices into the series. */
  knownFrom: number | null;
  /** Days to forecast after the data's last day, and how many of the first of them to leave out. */
  ahead: number;
  skip: number;
  label: string;
}

/**
 * The calendar of a projection, anchored on the data's last day: "month end" is the rest of that day's
 * month added to what it already has; "next month" is the calendar month after it (the days between are
 * forecast but not counted); "next N days" starts the day after the data ends.
 */
export function forecastWindow(
  firstDay: number,
  lastDay: number,
  horizon: ForecastHorizon,
  days = 30,
): ForecastWindow {
  const [year, month] = dayToIso(lastDay).split("-").map(Number) as [number, number];
  const monthStart = civilToDay(year, month, 1);
  const nextMonthStart = month === 12 ? civilToDay(year + 1, 1, 1) : civilToDay(year, month + 1, 1);
  if (horizon === "month_end") {
    return {
      from: dayToIso(Math.max(monthStart, firstDay)),
      to: dayToIso(nextMonthStart - 1),
      knownFrom: Math.max(monthStart, firstDay) - firstDay,
      ahead: nextMonthStart - 1 - lastDay,
      skip: 0,
      label: `${monthName(month)} ${year}`,
    };
  }
  if (horizon === "next_month") {
    const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const followingStart =
      nextMonth === 12 ? civilToDay(nextYear + 1, 1, 1) : civilToDay(nextYear, nextMonth + 1, 1);
    return {
      from: dayToIso(nextMonthStart),
      to: dayToIso(followingStart - 1),
      knownFrom: null,
      ahead: followingStart - 1 - lastDay,
      skip: nextMonthStart - 1 - lastDay,
      label: `${monthName(nextMonth)} ${nextYear}`,
    };
  }
  return {
    from: dayToIso(lastDay + 1),
    to: dayToIso(lastDay + days),
    knownFrom: null,
    ahead: days,
    skip: 0,
    label: `the next ${days} days`,
  };
}

const MONTH_NAME = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

function monthName(month: number): string {
  return MONTH_NAME.format(Date.UTC(2000, month - 1, 1));
}
