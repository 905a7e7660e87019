import { type FactTable, MEASURES } from "../ingest/fact-table.js";
import { aggregate } from "./aggregate.js";
import type { DaySpan } from "./calendar.js";
import type { Filter } from "./filter.js";
import { type Figures, figuresFromSums, type MeasureSums } from "./kpis.js";

/**
 * The figures of every row matching the filter. A present measure sums to 0 over no rows and to null when
 * rows match but none has a value for it; an absent measure, and every KPI needing it, is null.
 */
export function totals(facts: FactTable, filter?: Filter): Figures {
  return figuresFromSums(sliceSums(facts, filter));
}

/** Whether any row matches the filter: a period without rows has nothing to be compared with. */
export function hasRows(facts: FactTable, filter?: Filter): boolean {
  return aggregate(facts, { filter }).length > 0;
}

/** Measure sums of the rows matching the filter and, when given, falling within a span of days. */
export function sliceSums(facts: FactTable, filter?: Filter, within?: DaySpan): MeasureSums {
  const [group] = aggregate(facts, { filter, within });
  return group?.sums ?? zeroSums(facts);
}

/** What a slice without rows sums to: zero for each measure the table has, absent for the others. */
export function zeroSums(facts: FactTable): MeasureSums {
  const sums: MeasureSums = {};
  for (const measure of MEASURES) if (facts.measures[measure]) sums[measure] = 0;
  return sums;
}
