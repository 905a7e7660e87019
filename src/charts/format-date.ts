/** Dates as the chart titles and footers print them; ISO "YYYY-MM-DD" in, read as calendar dates (UTC). */
const dayMonthYear = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export function parseIsoDate(text: string): Date | null {
  if (!ISO_DATE.test(text)) return null;
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
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
