import type { LiveMetricRow, Store } from "../../store/index.js";

/** Extra dimension names, and extra measure names, one source may use in all its rows. */
export const MAX_NAMES_PER_SOURCE = 100;

/**
 * Keeps each source within MAX_NAMES_PER_SOURCE dimension and measure names: every name becomes a column of
 * the live facts that every later answer reads, so names without end would slow every answer. Names a
 * source already uses are read from the store once per source and then kept here, since only this process
 * writes live rows.
 */
export class FieldNameBudget {
  private readonly known = new Map<string, { dimensions: Set<string>; measures: Set<string> }>();

  constructor(private readonly store: Pick<Store, "liveFieldNames">) {}

  /** Why this row would take its source past the limit, or null (and its names are then counted in). */
  admit(source: string, row: LiveMetricRow): string | null {
    const names = this.namesOf(source);
    const newDimensions = Object.keys(row.dimensions ?? {}).filter((name) => !names.dimensions.has(name));
    const newMeasures = Object.keys(row.extraMeasures ?? {}).filter((name) => !names.measures.has(name));
    const over = (kind: string, known: Set<string>, added: string[]) =>
      known.size + added.length > MAX_NAMES_PER_SOURCE
        ? `${kind}: source "${source}" already uses ${known.size} ${kind} names, and ${MAX_NAMES_PER_SOURCE} is the most one source may use; reuse its names (new here: ${added.slice(0, 3).join(", ")}${added.length > 3 ? ", ..." : ""})`
        : null;
    const problem =
      over("dimension", names.dimensions, newDimensions) ?? over("measure", names.measures, newMeasures);
    if (problem) return problem;
    for (const name of newDimensions) names.dimensions.add(name);
    for (const name of newMeasures) names.measures.add(name);
    return null;
  }

  private namesOf(source: string) {
    let names = this.known.get(source);
    if (!names) {
      const stored = this.store.liveFieldNames(source);
      names = { dimensions: new Set(stored.dimensions), measures: new Set(stored.measures) };
      this.known.set(source, names);
    }
    return names;
  }
}
