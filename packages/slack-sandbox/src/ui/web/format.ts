/** Times, dates and sizes written the way Slack's client writes them. */

export function tsDate(ts: string): Date {
  return new Date(Number(ts) * 1000);
}

const TIME = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });
const FULL = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "medium" });
const WEEKDAY = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric" });

/** "10:42 AM" */
export function clockTime(ts: string): string {
  return TIME.format(tsDate(ts));
}

/** For the `title` of a timestamp: the full date and time. */
export function fullTime(ts: string): string {
  return FULL.format(tsDate(ts));
}

/** Calendar day key in local time, for grouping messages under day dividers. */
export function dayKey(ts: string): string {
  const date = tsDate(ts);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

const SUFFIXES: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${SUFFIXES[day % 10] ?? "th"}`;
}

/** "Today", "Yesterday", or "Monday, September 29th". */
export function dayLabel(ts: string, now = new Date()): string {
  const date = tsDate(ts);
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  return WEEKDAY.format(date).replace(/\d+$/, (day) => ordinal(Number(day)));
}

/** "just now", "3 minutes ago", "today at 10:42 AM". */
export function relativeTime(ts: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - tsDate(ts).getTime()) / 1000);
  if (seconds < 60) return "just now";
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  }
  return `${dayLabel(ts).toLowerCase()} at ${clockTime(ts)}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
