import { monthFromName } from "../ingest/date-text.js";
import { civilToDay, type DateRange, dayToIso, isoToDay, NO_DAY } from "../ingest/index.js";

/**
 * `/report [dataset|period] [by dimension]` as typed: a period in words ("last 7 days", "last week",
 * "march", "2024-03-01..2024-03-31"), a dataset named by its file, and an optional "by campaign".
 * Relative periods count back from the data's last day, not from today: exports arrive days late.
 */
export type PeriodSpec =
  | { kind: "last-days"; days: number }
  | { kind: "this-week" | "last-week" | "this-month" | "last-month" | "yesterday" }
  | { kind: "month"; month: number; year: number | null }
  | { kind: "range"; from: string; to: string };

export interface ReportRequest {
  period: PeriodSpec | null;
  by: string | null;
  /** Words that are neither a period nor "by ...": the name of a dataset. */
  dataset: string | null;
}

export const REPORT_USAGE = [
  "*Usage:* `/report [dataset|period] [by dimension]`",
  "• `/report` — the channel's latest data over all its dates, with the latest days against as many days before",
  "• `/report last 7 days` · `/report last week` · `/report march` · `/report 2024-03-01..2024-03-31`",
  "• `/report by channel` · `/report meta-march.csv by campaign` · `/report meta-march.csv last 7 days by ad_group`",
].join("\n");

export class ReportRequestError extends Error {
  override readonly name = "ReportRequestError";
}

export function parseReportRequest(text: string): ReportRequest {
  let rest = text.trim().replace(/\s+/g, " ");
  let by: string | null = null;
  const byMatch = /(?:^|\s)(?:by|per)(?:\s+(.*))?$/i.exec(rest);
  if (byMatch) {
    by = (byMatch[1] ?? "").trim();
    rest = rest.slice(0, byMatch.index).trim();
    if (by === "") throw new ReportRequestError("`by` needs a dimension, e.g. `/report by campaign`");
  }
  const { period, dataset } = splitPeriod(rest);
  return { period, by, dataset };
}

/**
 * The period and the dataset name in either order (`meta.csv last 7 days`, `march meta.csv`): the longest
 * run of words at either end that reads as a period is the period, the other words name the dataset.
 */
function splitPeriod(text: string): { period: PeriodSpec | null; dataset: string | null } {
  const words = text === "" ? [] : text.split(" ");
  for (let size = words.length; size > 0; size--) {
    const rest = words.length - size;
    const trailing = parsePeriod(words.slice(rest).join(" "));
    if (trailing) return { period: trailing, dataset: rest > 0 ? words.slice(0, rest).join(" ") : null };
    const leading = parsePeriod(words.slice(0, size).join(" "));
    if (leading) return { period: leading, dataset: words.slice(size).join(" ") };
  }
  return { period: null, dataset: text === "" ? null : text };
}

function parsePeriod(text: string): PeriodSpec | null {
  const lower = text.toLowerCase();
  if (lower === "") return null;
  let match = /^(?:last|past) (\d{1,3}) (day|week|month)s?$/.exec(lower);
  if (match) {
    const count = Number(match[1]);
    if (count < 1) throw new ReportRequestError("the period must cover at least one day");
    const unit = match[2] === "day" ? 1 : match[2] === "week" ? 7 : 30;
    return { kind: "last-days", days: count * unit };
  }
  if (/^(this|last|previous) (week|month)$/.test(lower) || lower === "yesterday") {
    return { kind: lower.replace("previous", "last").replace(" ", "-") as "this-week" };
  }
  match = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|-|–)\s*(\d{4}-\d{2}-\d{2})$/.exec(lower);
  if (match) {
    const [from, to] = [match[1] as string, match[2] as string];
    if (isoToDay(from) === NO_DAY || isoToDay(to) === NO_DAY)
      throw new ReportRequestError(`"${text}" is not a valid date range`);
    if (from > to) throw new ReportRequestError(`the range ${from}..${to} ends before it starts`);
    return { kind: "range", from, to };
  }
  match = /^([a-zà-ÿ]+)(?: (\d{4}))?$/.exec(lower);
  const month = match ? monthFromName(match[1] as string) : undefined;
  if (match && month) return { kind: "month", month, year: match[2] ? Number(match[2]) : null };
  return null;
}

/** The dates a period means for data whose last day is `lastDay` (an ISO date). */
export function resolvePeriod(spec: PeriodSpec, lastDay: string): DateRange {
  const last = isoToDay(lastDay);
  const range = (from: number, to: number) => ({ from: dayToIso(from), to: dayToIso(to) });
  switch (spec.kind) {
    case "last-days":
      return range(last - spec.days + 1, last);
    case "yesterday":
      return range(last, last);
    case "this-week": {
      const monday = last - ((last + 3) % 7);
      return range(monday, last);
    }
    case "last-week": {
      // The last complete Monday-to-Sunday week, as the analyst reads "last week": data ending on a Sunday
      // has just completed one.
      const monday = last - ((last + 3) % 7);
      const start = last - monday === 6 ? monday : monday - 7;
      return range(start, start + 6);
    }
    case "this-month": {
      const [year, month] = lastDay.split("-").map(Number) as [number, number];
      return range(civilToDay(year, month, 1), last);
    }
    case "last-month": {
      // The last complete month, as the analyst reads it: data ending on a month's last day completed it.
      const [year, month] = lastDay.split("-").map(Number) as [number, number];
      const thisFirst = civilToDay(year, month, 1);
      const nextFirst = month === 12 ? civilToDay(year + 1, 1, 1) : civilToDay(year, month + 1, 1);
      if (last === nextFirst - 1) return range(thisFirst, last);
      const first = civilToDay(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1, 1);
      return range(first, thisFirst - 1);
    }
    case "month": {
      const lastYear = Number(lastDay.slice(0, 4));
      const lastMonth = Number(lastDay.slice(5, 7));
      const year = spec.year ?? (spec.month <= lastMonth ? lastYear : lastYear - 1);
      const next = spec.month === 12 ? civilToDay(year + 1, 1, 1) : civilToDay(year, spec.month + 1, 1);
      return range(civilToDay(year, spec.month, 1), next - 1);
    }
    case "range":
      return { from: spec.from, to: spec.to };
  }
}
