import * as chrono from "chrono-node";
import { civilToDay, type DateRange, dayToIso, NO_DAY } from "../../ingest/index.js";

export interface DayRangePhrase {
  range: DateRange;
  index: number;
  length: number;
}

/**
 * Ranges of days written in words ("sept 1-14", "from 3 to 17 March", "jan 5 - feb 2"), read by
 * chrono-node. Only ranges whose both ends name a day and a month are taken: single days, times and
 * weekdays are left to the other readers. A range without a year takes `yearOf` its first month (the
 * data's year for that month, not the clock's).
 */
export function readDayRanges(text: string, yearOf: (month: number) => number): DayRangePhrase[] {
  const found: DayRangePhrase[] = [];
  for (const result of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const { start, end } = result;
    if (!end || ![start, end].every((side) => side.isCertain("day") && side.isCertain("month"))) continue;
    const fromMonth = start.get("month") ?? 0;
    const toMonth = end.get("month") ?? 0;
    const fromYear = start.isCertain("year") ? (start.get("year") ?? 0) : yearOf(fromMonth);
    const toYear = end.isCertain("year")
      ? (end.get("year") ?? 0)
      : toMonth < fromMonth
        ? fromYear + 1
        : fromYear;
    const from = civilToDay(fromYear, fromMonth, start.get("day") ?? 0);
    const to = civilToDay(toYear, toMonth, end.get("day") ?? 0);
    if (from === NO_DAY || to === NO_DAY || to < from) continue;
    found.push({
      range: { from: dayToIso(from), to: dayToIso(to) },
      index: result.index,
      length: result.text.length,
    });
  }
  return found;
}
