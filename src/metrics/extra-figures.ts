import { isAdditiveMeasure, unitDimensionOf } from "../ingest/extra-measures.js";
import type { FactTable } from "../ingest/fact-table.js";
import { aggregate } from "./aggregate.js";
import type { Filter } from "./filter.js";
import { MetricsError } from "./metrics-error.js";
import { compareKeys, descendingNullsLast } from "./ordering.js";

export interface ExtraFiguresOptions {
  /** A dimension to give the figures per value of; without it, one row for all the rows matching. */
  by?: string;
  filter?: Filter;
}

export interface ExtraFiguresRow {
  /** The dimension value, or null for the row of all matching data. */
  key: string | null;
  /** Rows of the file behind the figures. */
  rows: number;
  values: Record<string, number | null>;
}

export interface ExtraFigures {
  rows: ExtraFiguresRow[];
  /** For each measure that is not additive, why it is null wherever several rows would have to be added. */
  notSummed: Record<string, string>;
}

/**
 * Figures of the file's other measures (landing-page views, results, reach...), in total or per value of a
 * dimension, largest first by the first additive one. A measure that counts unique people (reach) or
 * averages over them (frequency) is given only where one row of the file stands alone: adding two rows'
 * reach counts twice everyone reached by both, so a sum of it would be a wrong figure, not an estimate.
 * Likewise results are added only within one result type: link clicks plus purchases is no figure.
 */
export function extraFigures(
  facts: FactTable,
  names: readonly string[],
  options: ExtraFiguresOptions = {},
): ExtraFigures {
  const resolved = names.map((name) => extraMeasureName(facts, name));
  const groups = aggregate(facts, {
    by: options.by ? [options.by] : [],
    filter: options.filter,
    extras: resolved,
  });
  const additive = resolved.filter(isAdditiveMeasure);
  const notSummed: Record<string, string> = {};
  for (const name of resolved) {
    if (!additive.includes(name)) {
      notSummed[name] =
        "counts unique people (or averages over them), so rows cannot be added: it is given only where one row of the file stands alone";
    }
  }
  const rows = groups.map((group): ExtraFiguresRow => {
    const values: Record<string, number | null> = {};
    for (const name of resolved) {
      const sum = group.extraSums?.[name] ?? null;
      values[name] = additive.includes(name) || group.rows === 1 ? sum : null;
    }
    return { key: options.by ? (group.keys[0] as string) : null, rows: group.rows, values };
  });
  for (const name of additive) {
    const unit = unitDimensionOf(name, Object.keys(facts.dimensions));
    if (!unit || unit === options.by) continue;
    const mixed = mixedUnits(facts, name, unit, options);
    if (mixed.keys.size === 0) continue;
    const said = unit.toLowerCase();
    notSummed[name] =
      `counts different things on different rows (${unit}: ${mixed.units.join(", ")}), so it is added only within one ${said}: ask for it by ${said}`;
    for (const row of rows) if (mixed.keys.has(row.key)) row.values[name] = null;
  }
  const size = additive[0];
  rows.sort(
    (a, b) =>
      (size ? descendingNullsLast(a.values[size] ?? null, b.values[size] ?? null) : 0) ||
      compareKeys(a.key ?? "", b.key ?? ""),
  );
  return { rows, notSummed };
}

/** The groups (keys, null for all) whose rows count a measure in more than one unit, and the units seen. */
function mixedUnits(facts: FactTable, name: string, unit: string, options: ExtraFiguresOptions) {
  const groups = aggregate(facts, {
    by: options.by ? [options.by, unit] : [unit],
    filter: options.filter,
    extras: [name],
  });
  const unitsOf = new Map<string | null, Set<string>>();
  const units = new Set<string>();
  for (const group of groups) {
    if (group.extraSums?.[name] === null) continue;
    const key = options.by ? (group.keys[0] as string) : null;
    const seen = unitsOf.get(key) ?? new Set<string>();
    seen.add(group.keys.at(-1) as string);
    unitsOf.set(key, seen);
    units.add(group.keys.at(-1) as string);
  }
  const keys = new Set([...unitsOf].filter(([, seen]) => seen.size > 1).map(([key]) => key));
  return { keys, units: [...units] };
}

/**
 * The name an extra measure is kept under: an exact name wins, otherwise "Landing page views" finds
 * `landing_page_views`, since people and the LLM type names the way the platform shows them.
 */
export function extraMeasureName(facts: FactTable, name: string): string {
  if (facts.extraMeasures[name]) return name;
  const loose = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, " ");
  const matches = Object.keys(facts.extraMeasures).filter((key) => loose(key) === loose(name));
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  const available = Object.keys(facts.extraMeasures);
  const choices =
    available.length > 0 ? `other measures: ${available.join(", ")}` : "this data has no other measures";
  throw new MetricsError(`unknown measure "${name}"; ${choices}`);
}
