import type { FactTable, Measure } from "../ingest/fact-table.js";
import { aggregate } from "../metrics/aggregate.js";
import type { Filter } from "../metrics/index.js";

/** The units a comparison resamples: days when the data has dates, else its rows (ads, keywords). */
export interface SegmentUnits {
  unitName: "days" | "rows";
  units: Array<{ numerator: number; denominator: number }>;
}

/** A segment's units for a ratio numerator / denominator; units with neither carry no evidence. */
export function segmentUnits(
  facts: FactTable,
  filter: Filter,
  numerator: Measure,
  denominator: Measure,
): SegmentUnits {
  const dated = facts.days !== null;
  const groups = dated ? aggregate(facts, { grain: "day", filter }) : rowGroups(facts, filter);
  const units = groups
    .map((group) => ({
      numerator: finite(group.sums[numerator]),
      denominator: finite(group.sums[denominator]),
    }))
    // A unit with results but no denominator (a view-through conversion on a row without clicks) stays:
    // the figure tested must be the ratio of sums the rest of the app reports.
    .filter((unit) => unit.denominator > 0 || unit.numerator > 0);
  return { unitName: dated ? "days" : "rows", units };
}

function rowGroups(facts: FactTable, filter: Filter) {
  const row = {
    ...facts,
    dimensions: { ...facts.dimensions, __row: rowColumn(facts.rowCount) },
    extraMeasures: {},
  };
  return aggregate(row, { by: ["__row"], filter });
}

function rowColumn(count: number) {
  const codes = new Int32Array(count).map((_, i) => i);
  return { codes, values: Array.from({ length: count }, (_, i) => String(i)) };
}

function finite(value: number | null | undefined): number {
  return value === null || value === undefined || Number.isNaN(value) ? 0 : value;
}
