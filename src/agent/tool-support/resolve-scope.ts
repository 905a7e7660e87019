import { type DateRange, dayRange, type FactTable, isoToDay, NO_DAY } from "../../ingest/index.js";
import {
  comparePeriods,
  dimensionColumn,
  type Filter,
  looseValue,
  MetricsError,
  valuesMatching,
  weeklyPeriodNote,
} from "../../metrics/index.js";
import type { JsonObject, ToolContext } from "../tools/tool.js";
import { unreportedNote } from "./metric-availability.js";
import {
  type DaySpan,
  type PeriodPair,
  precedingSpan,
  relativePeriod,
  spanToRange,
} from "./relative-periods.js";
import type { ComparisonArgs, ScopeArgs } from "./scope-args.js";

/** The rows a tool reads, and a description of them the answer must state. */
export interface ResolvedScope {
  facts: FactTable;
  filter: Filter;
  /** The date range applied, or null for all of the data. */
  range: DateRange | null;
  described: JsonObject;
}

export interface ResolvedComparison {
  facts: FactTable;
  /** Dimension filters only; the periods are `current` and `previous`. */
  filter: Filter;
  current: DateRange;
  previous: DateRange;
  described: JsonObject;
}

type Filters = ScopeArgs["filters"];

export function resolveScope(context: ToolContext, args: ScopeArgs): ResolvedScope {
  const facts = selectFacts(context, args.source);
  const where = checkedWhere(facts, args.filters);
  const dataSpan = dayRange(facts);
  let range: DateRange | null = null;
  let label: string | null = null;
  if (args.date_range) {
    range = args.date_range;
  } else if (args.period) {
    const anchor = anchorDay(context, facts, args.relative_to);
    const pair = relativePeriod(args.period, anchor.day);
    range = spanToRange(pair.current);
    label = `${pair.label}, counted back from ${anchor.described}`;
  }
  const filter: Filter = { ...(range ? { dateRange: range } : {}), ...(where ? { where } : {}) };
  const period: JsonObject = range
    ? { ...range, ...(label ? { label } : {}) }
    : dataSpan
      ? { ...spanToRange(dataSpan), label: "all dates in the data" }
      : { label: "all rows (the data has no dates)" };
  const weekly = range ? weeklyPeriodNote(facts, range) : null;
  const untracked = unreportedNote(facts);
  const notes = [
    ...(range && dataSpan ? coverageNotes("period", range, dataSpan) : []),
    ...(weekly ? [weekly] : []),
    ...(untracked ? [untracked] : []),
  ];
  return { facts, filter, range, described: describe(context, args.source, { period }, args.filters, notes) };
}

/**
 * Two periods to compare, from explicit dates, a relative period (compared like for like), or by default
 * the metrics engine's own choice: the last 7 days against the 7 before, or halves of short data.
 */
export function resolveComparison(context: ToolContext, args: ComparisonArgs): ResolvedComparison {
  const facts = selectFacts(context, args.source);
  const where = checkedWhere(facts, args.filters);
  const filter: Filter = where ? { where } : {};
  const dataSpan = dayRange(facts);
  if (!dataSpan) throw new MetricsError("this data has no dates, so it has no periods to compare");
  const pair = comparisonPair(context, facts, args, filter);
  const current = spanToRange(pair.current);
  const previous = spanToRange(pair.previous);
  const weekly = [current, previous].flatMap((range) => weeklyPeriodNote(facts, range) ?? []);
  const asked = args.current && !args.previous ? args.current : null;
  const narrowed =
    asked && (asked.from !== current.from || asked.to !== current.to)
      ? [
          `the data covers ${current.from} to ${current.to} of ${asked.from} to ${asked.to}, so those days are compared with as many days right before`,
        ]
      : [];
  const notes = [
    ...narrowed,
    ...coverageNotes("current period", current, dataSpan),
    ...coverageNotes("previous period", previous, dataSpan),
    ...weekly,
  ];
  const periods: JsonObject = {
    current: { ...current, label: pair.label },
    previous: { ...previous, basis: pair.basis },
  };
  return {
    facts,
    filter,
    current,
    previous,
    described: describe(context, args.source, periods, args.filters, notes),
  };
}

function comparisonPair(
  context: ToolContext,
  facts: FactTable,
  args: ComparisonArgs,
  filter: Filter,
): PeriodPair {
  if (args.current) {
    const asked = spanOf(args.current, "current");
    if (args.previous) {
      return {
        current: asked,
        previous: spanOf(args.previous, "previous"),
        label: "as asked",
        basis: "as asked",
      };
    }
    // "March" of data ending on 10 March is 10 days: compared with the 10 days before, not with 31.
    const data = dayRange(facts);
    const first = data ? Math.max(asked.first, data.first) : asked.first;
    const last = data ? Math.min(asked.last, data.last) : asked.last;
    const current = first <= last ? { first, last } : asked;
    const basis = "the same number of days right before";
    return { current, previous: precedingSpan(current), label: "as asked", basis };
  }
  if (args.period) {
    const anchor = anchorDay(context, facts, args.relative_to);
    const pair = relativePeriod(args.period, anchor.day);
    return { ...pair, label: `${pair.label}, counted back from ${anchor.described}` };
  }
  const defaults = comparePeriods(facts, { filter });
  const current = spanOf(defaults.current.range, "current");
  // Only what applied: the last 7 days, or the later half of data spanning under two weeks.
  const days = current.last - current.first + 1;
  return {
    current,
    previous: spanOf(defaults.previous.range, "previous"),
    label: days === 7 ? "the last 7 days of the data" : `the later half of the data, ${days} days`,
    basis: "the same number of days right before",
  };
}

function selectFacts(context: ToolContext, source: ScopeArgs["source"]): FactTable {
  if (source !== "live") return context.dataset.facts;
  if (!context.live || context.live.rowCount === 0) {
    throw new MetricsError("no live rows have arrived from automations yet; use the export instead");
  }
  return context.live;
}

function anchorDay(
  context: ToolContext,
  facts: FactTable,
  relativeTo: ScopeArgs["relative_to"],
): { day: number; described: string } {
  if (relativeTo === "today") return { day: isoToDay(context.today), described: `today, ${context.today}` };
  const span = dayRange(facts);
  if (!span)
    throw new MetricsError("this data has no dates, so relative periods such as last week do not apply");
  return { day: span.last, described: `${spanToRange(span).to}, the last date in the data` };
}

function spanOf(range: DateRange, which: string): DaySpan {
  const first = isoToDay(range.from);
  const last = isoToDay(range.to);
  if (first === NO_DAY || last === NO_DAY)
    throw new MetricsError(`the ${which} period needs YYYY-MM-DD dates`);
  if (first > last)
    throw new MetricsError(`the ${which} period runs backwards: ${range.from} is after ${range.to}`);
  return { first, last };
}

/** Says when a period reaches outside the data, so a half-covered period is not read as a drop. */
function coverageNotes(what: string, range: DateRange, data: DaySpan): string[] {
  const dataRange = spanToRange(data);
  if (range.to < dataRange.from || range.from > dataRange.to) {
    return [
      `the ${what} ${range.from} to ${range.to} lies outside the data (${dataRange.from} to ${dataRange.to}): it has no rows`,
    ];
  }
  if (range.from < dataRange.from || range.to > dataRange.to) {
    return [
      `the ${what} reaches outside the data (${dataRange.from} to ${dataRange.to}), so it covers fewer days`,
    ];
  }
  return [];
}

/**
 * Filters as a metrics `where`: each condition (in, not in, contains, not contains) becomes the list of
 * values it keeps, after checking every named value exists: a misspelt campaign would otherwise silently
 * match nothing and read as zero spend.
 */
function checkedWhere(facts: FactTable, filters: Filters): Record<string, string[]> | undefined {
  if (!filters || filters.length === 0) return undefined;
  const where: Record<string, string[]> = {};
  for (const condition of filters) {
    const column = dimensionColumn(facts, condition.dimension);
    const kept = valuesMatching(condition, column.values);
    // Two conditions on one column must both hold; `where` lists are unions, so intersect them here.
    const earlier = where[condition.dimension];
    const loose = new Set(kept.map(looseValue));
    const both = earlier ? earlier.filter((value) => loose.has(looseValue(value))) : kept;
    if (both.length === 0) {
      throw new MetricsError(`no ${condition.dimension} meets every filter on it, so nothing is left`);
    }
    where[condition.dimension] = both;
  }
  return where;
}

function describe(
  context: ToolContext,
  source: ScopeArgs["source"],
  periods: JsonObject,
  filters: Filters,
  notes: string[],
): JsonObject {
  return {
    ...periods,
    filters: filters && filters.length > 0 ? filters.map((item) => ({ ...item })) : "none",
    source: source === "live" ? "live rows from automations" : context.dataset.receipt.file,
    ...(notes.length > 0 ? { notes } : {}),
  };
}
