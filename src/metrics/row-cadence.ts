import { type DateRange, dayToIso, type FactTable, isoToDay, NO_DAY } from "../ingest/fact-table.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const cadences = new WeakMap<FactTable, number | null>();
/** Dates after the first needed on one weekday before rows are read as weeks. */
const MIN_WEEKS = 3;

/**
 * The weekday the rows of a weekly export are dated to (0 = Sunday), or null when rows are daily or
 * undated. An export is weekly when every date but the earliest (a first week cut by the report's start,
 * as GA4 dates week 1 to January 1) falls on one weekday, and there are at least three of them.
 */
export function weeklyStartDay(facts: FactTable): number | null {
  const known = cadences.get(facts);
  if (known !== undefined) return known;
  const distinct = new Set<number>();
  for (const day of facts.days ?? []) if (day !== NO_DAY) distinct.add(day);
  const sorted = [...distinct].sort((a, b) => a - b).slice(1);
  const weekdays = new Set(sorted.map(weekdayOf));
  const [weekday] = weekdays;
  const result = sorted.length >= MIN_WEEKS && weekdays.size === 1 && weekday !== undefined ? weekday : null;
  cadences.set(facts, result);
  return result;
}

function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
}

/**
 * What a period means in a weekly export: the weeks that start in it, which may run past its end and
 * leave out days at its start. Said with every answer over such a period, so "March" is not read as
 * exactly March 1 to 31.
 */
export function weeklyPeriodNote(facts: FactTable, range: DateRange): string | null {
  const weekday = weeklyStartDay(facts);
  if (weekday === null) return null;
  const from = isoToDay(range.from);
  const to = isoToDay(range.to);
  if (from === NO_DAY || to === NO_DAY) return null;
  const firstStart = from + ((((weekday - ((from + 4) % 7)) % 7) + 7) % 7);
  const lastStart = to - ((((((to + 4) % 7) - weekday) % 7) + 7) % 7);
  const name = WEEKDAYS[weekday];
  if (firstStart > lastStart) {
    return `this export has one row per week (weeks start on ${name}), and no week starts in ${range.from} to ${range.to}`;
  }
  if (firstStart === from && lastStart + 6 === to) return null;
  if (firstStart === lastStart) {
    return `this export has one row per week (weeks start on ${name}): the period holds the week starting ${dayToIso(firstStart)}, so ${dayToIso(firstStart)} to ${dayToIso(firstStart + 6)}`;
  }
  return `this export has one row per week (weeks start on ${name}): the period counts the weeks starting ${dayToIso(firstStart)} to ${dayToIso(lastStart)}, so ${dayToIso(firstStart)} to ${dayToIso(lastStart + 6)}`;
}
