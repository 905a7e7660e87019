import { civilToDay, type DateRange, dayToIso, NO_DAY } from "../../ingest/index.js";

/** "3/11-9/11", "20/4 to 26/4", "4/10/2025": dates written in numbers, a range or one day. */
export const NUMERIC_DATES =
  /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?:\s*(?:-|to|until|through|till)\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?)?(?![\d/])/g;

export type NumericReading = { range: DateRange } | { unclear: string };

/**
 * Which of day/month and month/day the numbers mean. A number over 12 settles it; otherwise the order
 * whose dates fall in the data is taken, and when both (or neither) do the question is declined, naming
 * both readings, rather than guessed: "3/11-9/11" is 3 to 9 November or 11 March to 11 September.
 */
export function readNumericDates(
  match: RegExpMatchArray,
  yearOf: (month: number) => number,
  span: { first: number | null; last: number | null },
): NumericReading | null {
  const [text, a, b, yearA, c, d, yearB] = match;
  const ends: Array<[string, string, string | undefined]> = [[a ?? "", b ?? "", yearA]];
  if (c && d) ends.push([c, d, yearB ?? yearA]);
  const read = (dayFirst: boolean): DateRange | null => {
    const days = ends.map(([first, second, year]) => {
      const [day, month] = dayFirst ? [Number(first), Number(second)] : [Number(second), Number(first)];
      if (month < 1 || month > 12) return NO_DAY;
      const fullYear = year ? Number(year.length === 2 ? `20${year}` : year) : yearOf(month);
      return civilToDay(fullYear, month, day);
    });
    if (days.some((day) => day === NO_DAY)) return null;
    const from = days[0] ?? NO_DAY;
    const to = days[1] ?? from;
    return to < from ? null : { from: dayToIso(from), to: dayToIso(to) };
  };
  const dayFirst = read(true);
  const monthFirst = read(false);
  if (!dayFirst || !monthFirst || sameRange(dayFirst, monthFirst)) {
    const only = dayFirst ?? monthFirst;
    return only ? { range: only } : null;
  }
  const inData = [dayFirst, monthFirst].filter((range) => overlaps(range, span));
  if (inData.length === 1 && inData[0]) return { range: inData[0] };
  return {
    unclear: `dates written in words or as YYYY-MM-DD: “${text.trim()}” can be ${spoken(dayFirst)} or ${spoken(monthFirst)}; write e.g. “nov 3-9”`,
  };
}

function sameRange(a: DateRange, b: DateRange): boolean {
  return a.from === b.from && a.to === b.to;
}

function overlaps(range: DateRange, span: { first: number | null; last: number | null }): boolean {
  if (span.first === null || span.last === null) return false;
  return range.from <= dayToIso(span.last) && range.to >= dayToIso(span.first);
}

function spoken(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}
