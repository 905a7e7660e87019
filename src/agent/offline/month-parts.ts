import { civilToDay, type DateRange, dayToIso, isoToDay, NO_DAY } from "../../ingest/index.js";
import { type DataDays, MONTH_WORD, monthNumber, monthRange, yearFor } from "./calendar-months.js";
import { NUMBER_WORDS } from "./vocabulary.js";

/** A part of a month the question names, and what the reading must say about how it was read. */
export interface MonthPart {
  range: DateRange;
  note: string | null;
}

const COUNT = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
const YEAR = "(?:,?\\s+((?:19|20)\\d{2}))?";
const ORDINAL = "(?:st|nd|rd|th)?";

/**
 * "early march", "mid-feb", "late december 2024": a month in thirds, as marketers split one (1–10, 11–20,
 * 21 to the end). The convention is the reader's, so the reading says which days it took.
 */
export const THIRD_OF_MONTH = new RegExp(
  `\\b(early|mid|middle|late)[\\s-]+(?:(?:in|of)\\s+)?(${MONTH_WORD})\\b\\.?${YEAR}`,
  "g",
);

export function thirdOfMonth(match: RegExpMatchArray, data: DataDays): MonthPart {
  const month = monthNumber(match[2]);
  const whole = monthRange(month, match[3], data);
  const start = isoToDay(whole.from);
  const part = match[1] === "early" ? 0 : match[1] === "late" ? 2 : 1;
  const from = start + part * 10;
  const to = part === 2 ? isoToDay(whole.to) : from + 9;
  const range = { from: dayToIso(from), to: dayToIso(to) };
  const word = match[1] === "middle" ? "mid" : match[1];
  return { range, note: `${word} ${monthName(whole.from)} read as ${range.from} to ${range.to}` };
}

/** "first 2 weeks of feb", "the last 10 days of march": counted from the month's first or last day. */
export const DAYS_OF_MONTH = new RegExp(
  `\\b(?:the\\s+)?(first|last)\\s+${COUNT}\\s+(days?|weeks?)\\s+(?:of|in)\\s+(${MONTH_WORD})\\b\\.?${YEAR}`,
  "g",
);

/** The days, or null when more days are asked than the month has (the question is then declined). */
export function daysOfMonth(match: RegExpMatchArray, data: DataDays): MonthPart | null {
  const count = NUMBER_WORDS[match[2] ?? ""] ?? Number(match[2]);
  const days = (match[3] ?? "").startsWith("week") ? count * 7 : count;
  const whole = monthRange(monthNumber(match[4]), match[5], data);
  const start = isoToDay(whole.from);
  const end = isoToDay(whole.to);
  if (days < 1 || days > end - start + 1) return null;
  const range =
    match[1] === "first"
      ? { from: whole.from, to: dayToIso(start + days - 1) }
      : { from: dayToIso(end - days + 1), to: whole.to };
  return { range, note: null };
}

/**
 * "w/e 17 march", "week ending march 17th", "w/c 11 march", "week commencing 2024-03-11": the seven days
 * ending (or starting) on that day, as a weekly report's week-ending or week-commencing column means it;
 * the reading says the dates.
 */
export const WEEK_BY_DAY = new RegExp(
  `\\b(w\\s*/\\s*[ec]|w\\.[ec]\\.?|(?:the\\s+)?(?:week|wk)\\s+(?:end(?:ing|ed)|commencing))\\s+(?:(\\d{4}-\\d{2}-\\d{2})|(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_WORD})\\b\\.?|(${MONTH_WORD})\\.?\\s+(\\d{1,2})${ORDINAL})${YEAR}`,
  "g",
);

export function weekByDay(match: RegExpMatchArray, data: DataDays): MonthPart | null {
  const [, kind, iso, dayFirst, monthAfter, monthFirst, dayAfter, yearText] = match;
  let day: number;
  if (iso) day = isoToDay(iso);
  else {
    const month = monthNumber(monthAfter ?? monthFirst);
    const year = yearText ? Number(yearText) : yearFor(month, data, 1);
    day = civilToDay(year, month, Number(dayFirst ?? dayAfter));
  }
  if (day === NO_DAY) return null;
  const ending = /\bend|[/.]\s*e\b/.test(kind ?? "");
  const range = ending
    ? { from: dayToIso(day - 6), to: dayToIso(day) }
    : { from: dayToIso(day), to: dayToIso(day + 6) };
  const named = ending ? `the week ending ${range.to}` : `the week commencing ${range.from}`;
  return { range, note: `${named} read as ${range.from} to ${range.to}` };
}

function monthName(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleString("en", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
