/** Days of the sample period, as ISO dates, and the weekly rhythm of retail ad traffic. */

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); ) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

/** Shoppers browse more at the weekend and convert more on Sunday evening and Monday. */
const WEEKDAY_TRAFFIC = [1.12, 1.05, 0.97, 0.95, 0.94, 0.92, 1.08];

export function weekdayFactor(day: string): number {
  return WEEKDAY_TRAFFIC[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 1;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "1 September 2025", as Google Ads prints the range under a report's title (English, UK locale). */
export function longDate(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}
