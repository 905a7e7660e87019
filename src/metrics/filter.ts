import type { DateRange, DimensionColumn, FactTable } from "../ingest/fact-table.js";
import { type DaySpan, spanOfRange } from "./calendar.js";
import { dimensionColumn, looseValue, NOT_SET } from "./dimensions.js";
import { MetricsError } from "./metrics-error.js";

/**
 * Which rows a question is about. `dateRange` is inclusive and keeps only dated rows inside it; `where`
 * maps a dimension name to the values to keep, matched case-insensitively, with "(not set)" matching
 * blank cells.
 */
export interface Filter {
  dateRange?: DateRange;
  where?: Record<string, string[]>;
}

export interface CompiledFilter {
  span: DaySpan | null;
  /** Per restricted column, a lookup by code: `keep[code + 1]` is 1 for kept codes (index 0 = blank). */
  masks: Map<DimensionColumn, Uint8Array>;
}

/** Resolves names and dates once, so the row loop only looks codes up in small typed arrays. */
export function compileFilter(facts: FactTable, filter: Filter | undefined): CompiledFilter {
  const masks = new Map<DimensionColumn, Uint8Array>();
  for (const [name, allowed] of Object.entries(filter?.where ?? {})) {
    const column = dimensionColumn(facts, name);
    const wanted = new Set(allowed.map(looseValue));
    const keep = new Uint8Array(column.values.length + 1);
    keep[0] = wanted.has(looseValue(NOT_SET)) ? 1 : 0;
    column.values.forEach((value, code) => {
      keep[code + 1] = wanted.has(looseValue(value)) ? 1 : 0;
    });
    // "campaign" and "Campaign" can both name one column; a row must then satisfy both lists.
    const earlier = masks.get(column);
    if (earlier) for (let i = 0; i < keep.length; i++) keep[i] = (keep[i] as number) & (earlier[i] as number);
    masks.set(column, keep);
  }
  return { span: filter?.dateRange ? datedSpan(facts, filter.dateRange) : null, masks };
}

function datedSpan(facts: FactTable, range: DateRange): DaySpan {
  if (!facts.days) throw new MetricsError("this data has no dates, so it cannot be limited to a date range");
  return spanOfRange(range);
}
