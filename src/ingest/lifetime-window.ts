import type { ColumnPlan } from "./column-plan.js";
import { parseDateText } from "./date-text.js";
import { civilToDay, type DateRange, dayToIso, type FactTable, NO_DAY } from "./fact-table.js";
import { headerKey } from "./header-names.js";
import type { Layout } from "./sniff-layout.js";

export interface LifetimeWindow {
  starts: string;
  ends: string;
}

const START = /\b(starts|start|begins|begin)\b/;

/**
 * Lifetime exports repeat one reporting window on every row (Meta's "Reporting starts"/"Reporting ends",
 * Amazon's "Start Date"/"End Date" in a summary report): those rows are totals, not daily facts, and must
 * not all be dated to the first day. Daily rows span one day (Snapchat ends them at the next midnight); in
 * a daily export only a summary row spans the window, so most rows decide.
 */
export function lifetimeColumns(plan: ColumnPlan, layout: Layout): LifetimeWindow | null {
  const starts = plan.columns.find(
    (column) => column.role.kind === "date" && START.test(headerKey(column.header)),
  );
  if (!starts) return null;
  const endKey = headerKey(starts.header).replace(START, (word) => (word.endsWith("s") ? "ends" : "end"));
  const ends = plan.columns.find((column) => column !== starts && headerKey(column.header) === endKey);
  if (!ends) return null;
  const windows = layout.sample
    .map((row) => [(row.fields[starts.index] ?? "").trim(), (row.fields[ends.index] ?? "").trim()])
    .filter(([from, to]) => from !== "" && to !== "");
  const spanning = windows.filter(([from, to]) => spansDays(from as string, to as string)).length;
  if (spanning * 2 <= windows.length) return null;
  starts.role = { kind: "dimension", name: starts.header.trim() };
  ends.role = { kind: "dimension", name: ends.header.trim() };
  delete plan.mapping.date;
  return { starts: starts.header.trim(), ends: ends.header.trim() };
}

function spansDays(from: string, to: string): boolean {
  const first = dayOf(from);
  const last = dayOf(to);
  if (first === NO_DAY || last === NO_DAY) return from !== to;
  return last - first > 1;
}

function dayOf(text: string): number {
  const date = parseDateText(text);
  return date.kind === "date" ? civilToDay(date.year, date.month, date.day) : NO_DAY;
}

/** The window the rows cover, said in a warning: these rows answer no question about days or weeks. */
export function lifetimeRange(
  facts: FactTable,
  lifetime: LifetimeWindow,
  warnings: string[],
): DateRange | null {
  const days = (name: string) =>
    (facts.dimensions[name]?.values ?? []).map(dayOf).filter((day) => day !== NO_DAY);
  const from = days(lifetime.starts);
  const to = days(lifetime.ends);
  if (from.length === 0 || to.length === 0) return null;
  const range = { from: dayToIso(Math.min(...from)), to: dayToIso(Math.max(...to)) };
  warnings.push(
    `rows are totals over the whole reporting window ${range.from} to ${range.to} ("${lifetime.starts}"/"${lifetime.ends}"), not daily: trends and period comparisons need an export broken down by day`,
  );
  return range;
}
