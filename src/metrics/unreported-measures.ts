import type { FactTable, Measure } from "../ingest/fact-table.js";

/** Outcome measures a platform exports as a column even where it tracks none of them. */
const OUTCOMES = ["revenue", "conversions"] as const satisfies readonly Measure[];

const known = new WeakMap<FactTable, Measure[]>();

/**
 * Outcome columns that are zero or blank on every row while money was spent: Meta exports "Conversion
 * values" on Messages campaigns that track none. Their total of 0 is a fact, but a ratio over them (ROAS
 * 0.00x on every day) is no performance, so no answer may rank by it or lead with it.
 */
export function unreportedMeasures(facts: FactTable): Measure[] {
  const cached = known.get(facts);
  if (cached) return cached;
  const found = hasValue(facts.measures.spend, facts.rowCount)
    ? OUTCOMES.filter((measure) => {
        const values = facts.measures[measure];
        return values !== undefined && !hasValue(values, facts.rowCount);
      })
    : [];
  known.set(facts, found);
  return found;
}

function hasValue(values: ArrayLike<number> | undefined, rowCount: number): boolean {
  if (!values) return false;
  for (let index = 0; index < Math.min(rowCount, values.length); index++) {
    const value = values[index] as number;
    if (Number.isFinite(value) && value !== 0) return true;
  }
  return false;
}
