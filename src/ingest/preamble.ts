import { type ParsedDate, parseDateRangeText, parseDateText } from "./date-text.js";
import { civilToDay, type DateRange, dayToIso, NO_DAY } from "./fact-table.js";

/**
 * The report period printed above the header: Google Ads' "27 January 2026 - 23 February 2026" line,
 * GA4's "# Start date: 20250101" / "# End date: 20251212" comments or "# 20241122-20260120", LinkedIn's
 * "Report Start: ..." lines, legacy AdWords' "Ad report (Oct 25, 2016-Oct 31, 2016)" title. Returns null when the preamble names no period ("All time").
 */
export function preambleDateRange(preamble: string[]): DateRange | null {
  let from: number | null = null;
  let to: number | null = null;
  for (const raw of preamble) {
    const line = raw
      .replace(/^#\s*/, "")
      .replace(/^"|"$/g, "")
      .replace(/[,;\t|]+$/, "")
      .trim();
    const compact = /^(\d{8})\s*-\s*(\d{8})$/.exec(line);
    const inTitle = /\(([^()]+)\)\s*$/.exec(line);
    const range = compact
      ? { from: parseDateText(compact[1] as string, true), to: parseDateText(compact[2] as string, true) }
      : (parseDateRangeText(line) ?? (inTitle ? parseDateRangeText(inTitle[1] as string) : null));
    if (range) return toRange(range.from, range.to);
    const labelled =
      /^(start date|report start|end date|report end|data de inicio|data de termino)\s*:?\s*(.+)$/i.exec(
        line,
      );
    if (!labelled) continue;
    const day = dayOf(parseDateText(labelled[2] as string, true));
    if (day === null) continue;
    if (/start|inicio/i.test(labelled[1] as string)) from = day;
    else to = day;
  }
  if (from !== null && to !== null) return { from: dayToIso(from), to: dayToIso(to) };
  return null;
}

function toRange(from: ParsedDate, to: ParsedDate): DateRange | null {
  const first = dayOf(from);
  const last = dayOf(to);
  return first === null || last === null ? null : { from: dayToIso(first), to: dayToIso(last) };
}

function dayOf(date: ParsedDate): number | null {
  if (date.kind !== "date") return null;
  const day = civilToDay(date.year, date.month, date.day);
  return day === NO_DAY ? null : day;
}
