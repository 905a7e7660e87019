import { civilToDay, dayToIso } from "../../ingest/index.js";

const MS_PER_DAY = 86_400_000;

/**
 * Days marketers name by name: the shopping days as offsets from Black Friday, holidays on a fixed date.
 * Only days that fall on one date everywhere: Mother's Day or Easter differ by country or need a rule, and
 * are left to decline.
 */
const NAMED_DAYS: ReadonlyArray<{
  pattern: string;
  label: string;
  first: (year: number) => number;
  days: number;
}> = [
  {
    pattern: "bfcm|black friday (?:to|through|and|-) cyber monday",
    label: "Black Friday to Cyber Monday",
    first: blackFriday,
    days: 4,
  },
  { pattern: "black friday|blackfriday", label: "Black Friday", first: blackFriday, days: 1 },
  {
    pattern: "cyber monday|cybermonday",
    label: "Cyber Monday",
    first: (year) => blackFriday(year) + 3,
    days: 1,
  },
  { pattern: "valentine(?:'|’)?s?(?: day)?|v-?day", label: "Valentine's Day", first: fixed(2, 14), days: 1 },
  { pattern: "christmas eve|xmas eve", label: "Christmas Eve", first: fixed(12, 24), days: 1 },
  { pattern: "christmas day|xmas day", label: "Christmas Day", first: fixed(12, 25), days: 1 },
  { pattern: "boxing day", label: "Boxing Day", first: fixed(12, 26), days: 1 },
  { pattern: "new year(?:'|’)?s eve|nye", label: "New Year's Eve", first: fixed(12, 31), days: 1 },
  { pattern: "new year(?:'|’)?s day", label: "New Year's Day", first: fixed(1, 1), days: 1 },
  { pattern: "halloween", label: "Halloween", first: fixed(10, 31), days: 1 },
  {
    pattern: "(?:st\\.? |saint )?patrick(?:'|’)?s day|st\\.? paddy(?:'|’)?s day",
    label: "St Patrick's Day",
    first: fixed(3, 17),
    days: 1,
  },
];

/**
 * A named day, with what frames it: "since" (from it to the data's last day), "the week of" (its Monday to
 * Sunday week), or words for a span around it with no one meaning ("around", "black friday week"). Groups:
 * since, week of, around, the name, its year, the span after it.
 */
export const NAMED_DAY_PATTERN = new RegExp(
  `\\b(?:(since)\\s+|((?:the\\s+)?week\\s+of)\\s+|(around|near|close to)\\s+)?(${NAMED_DAYS.map((day) => day.pattern).join("|")})(?:\\s+((?:19|20)\\d{2}))?(?:\\s+(week|weekend|period|season))?\\b`,
  "g",
);

/**
 * Black Friday is the day after US Thanksgiving, the fourth Thursday of November (2024-11-29, not the
 * month's fourth Friday, 2024-11-22). Without a year a named day is the latest one on or before the data's
 * last day, so "since Black Friday" of a December export starts that November; the reading names the date.
 */
export function namedDay(
  phrase: string,
  yearText: string | undefined,
  last: number | null,
  todayYear: number,
): { from: number; to: number; note: string } | null {
  const named = NAMED_DAYS.find((day) => new RegExp(`^(?:${day.pattern})$`).test(phrase));
  if (!named) return null;
  const lastYear = last === null ? todayYear : new Date(last * MS_PER_DAY).getUTCFullYear();
  let year = yearText ? Number(yearText) : lastYear;
  if (!yearText && last !== null && named.first(year) > last) year -= 1;
  const from = named.first(year);
  const to = from + named.days - 1;
  const dates = named.days === 1 ? dayToIso(from) : `${dayToIso(from)} to ${dayToIso(to)}`;
  return { from, to, note: `${named.label} ${year} is ${dates}` };
}

function fixed(month: number, day: number): (year: number) => number {
  return (year) => civilToDay(year, month, day);
}

function blackFriday(year: number): number {
  const first = civilToDay(year, 11, 1);
  const weekday = new Date(first * MS_PER_DAY).getUTCDay();
  const firstThursday = first + ((4 - weekday + 7) % 7);
  return firstThursday + 21 + 1;
}
