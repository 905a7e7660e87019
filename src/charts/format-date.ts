/** Dates as the chart titles and footers print them; ISO "YYYY-MM-DD" in, read as calendar dates (UTC). */
const dayMonthYear = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Midnight UTC of an ISO date, in milliseconds since the epoch, read without parsing a date string (a
 * trend reads a thousand). As Date parsing does, a month must be 1-12 and a day 1-31, and a day past the
 * month's end rolls over ("2024-02-30" is March 1).
 */
export function isoDateTime(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Date.UTC reads years 0-99 as 1900-1999.
  return year >= 100 ? Date.UTC(year, month - 1, day) : new Date(0).setUTCFullYear(year, month - 1, day);
}

export function parseIsoDate(text: string): Date | null {
  const time = isoDateTime(text);
  return time === null ? null : new Date(time);
}

export function formatDate(text: string): string {
  const date = parseIsoDate(text);
  return date ? dayMonthYear.format(date) : text;
}

/** "Mar 4 – 31, 2024", "Dec 28, 2023 – Jan 3, 2024", or the one day when from = to. */
export function formatDateRange(range: { readonly from: string; readonly to: string } | null): string | null {
  if (!range) return null;
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (!from || !to) return `${range.from} – ${range.to}`;
  if (from.getTime() === to.getTime()) return dayMonthYear.format(from);
  // formatRange puts thin spaces around the dash; plain spaces measure and read the same everywhere.
  return dayMonthYear.formatRange(from, to).replace(/\u2009/g, " ");
}
