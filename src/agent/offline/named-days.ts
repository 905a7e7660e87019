import { civilToDay, dayToIso } from "../../ingest/index.js";

const MS_PER_DAY = 86_400_000;

/** Shopping days marketers name by name, as offsets from Black Friday and how many days they cover. */
const NAMED_DAYS: ReadonlyArray<{ pattern: string; label: string; offset: number; days: number }> = [
  {
    pattern: "bfcm|black friday (?:to|through|and|-) cyber monday",
    label: "Black Friday to Cyber Monday",
    offset: 0,
    days: 4,
  },
  { pattern: "black friday|blackfriday", label: "Black Friday", offset: 0, days: 1 },
  { pattern: "cyber monday|cybermonday", label: "Cyber Monday", offset: 3, days: 1 },
];

export const NAMED_DAY_PATTERN = new RegExp(
  `\\b(?:(since)\\s+)?(${NAMED_DAYS.map((day) => day.pattern).join("|")})(?:\\s+((?:19|20)\\d{2}))?\\b`,
  "g",
);

/**
 * Black Friday is the day after US Thanksgiving, the fourth Thursday of November (2024-11-29, not the
 * month's fourth Friday, 2024-11-22). Without a year it is the latest one on or before the data's last
 * day, so "since Black Friday" of a December export starts that November; the reading names the date.
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
  if (!yearText && last !== null && blackFriday(year) + named.offset > last) year -= 1;
  const from = blackFriday(year) + named.offset;
  const to = from + named.days - 1;
  const dates = named.days === 1 ? dayToIso(from) : `${dayToIso(from)} to ${dayToIso(to)}`;
  return { from, to, note: `${named.label} ${year} is ${dates}` };
}

function blackFriday(year: number): number {
  const first = civilToDay(year, 11, 1);
  const weekday = new Date(first * MS_PER_DAY).getUTCDay();
  const firstThursday = first + ((4 - weekday + 7) % 7);
  return firstThursday + 21 + 1;
}
