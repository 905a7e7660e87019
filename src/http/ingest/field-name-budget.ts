import type { LiveMetricRow, Store, Workspace } from "../../store/index.js";

/** Extra dimension names, and extra measure names, one source may use in all its rows. */
export const MAX_NAMES_PER_SOURCE = 100;

/**
 * Keeps each source within MAX_NAMES_PER_SOURCE dimension and measure names: every name becomes a column of
 * the live facts that every later answer reads, so names without end would slow every answer. Names a
 * source already uses are read from the store once per source and then kept here. Several instances
 * each keep their own count, so together they may let a source reach a few names past the limit.
 */
export class FieldNameBudget {
  private readonly known = new Map<string, Promise<{ dimensions: Set<string>; measures: Set<string> }>>();

  /**
   * Why this row would take its source past the limit, or null (and its names are then counted in).
   * `store` is where a source's names are read the first time: inside a transaction, its `tx`.
   */
  async admit(
    store: Pick<Store, "liveFieldNames">,
    source: string,
    row: LiveMetricRow,
    workspace?: Workspace,
  ): Promise<string | null> {
    const names = await this.namesOf(store, source, workspace);
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

  /** One read per source (of a workspace: each has its own), shared by deliveries that arrive before it answers. */
  private namesOf(store: Pick<Store, "liveFieldNames">, source: string, workspace?: Workspace) {
    const key = JSON.stringify([workspace?.team ?? null, workspace?.enterprise ?? null, source]);
    let names = this.known.get(key);
    if (!names) {
      names = store
        .liveFieldNames(source, workspace)
        .then((stored) => ({ dimensions: new Set(stored.dimensions), measures: new Set(stored.measures) }));
      this.known.set(key, names);
      // A failed read is not remembered: the next delivery reads again.
      names.catch(() => this.known.delete(key));
    }
    return names;
  }
}
