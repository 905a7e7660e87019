import type { LiveFieldNames, LiveMetricRow, Store, Workspace } from "../../store/index.js";

/** Extra dimension names, and extra measure names, one source may use in all its rows. */
export const MAX_NAMES_PER_SOURCE = 100;

/** The names one source (of one workspace) uses so far. */
export interface SourceNames {
  dimensions: Set<string>;
  measures: Set<string>;
}

/**
 * Keeps each source within MAX_NAMES_PER_SOURCE dimension and measure names: every name becomes a column of
 * the live facts that every later answer reads, so names without end would slow every answer. Names a
 * source already uses are read from the store once per source and then kept here. Several instances
 * each keep their own count, so together they may let a source reach a few names past the limit.
 */
export class FieldNameBudget {
  private readonly known = new Map<string, SourceNames>();
  private readonly reading = new Map<string, Promise<SourceNames>>();

  /**
   * A source's names, read from `store` the first time: inside a transaction, its `tx`. One read per
   * source (of a workspace: each has its own), shared by deliveries that arrive before it answers.
   */
  async namesOf(
    store: Pick<Store, "liveFieldNames">,
    source: string,
    workspace?: Workspace,
  ): Promise<SourceNames> {
    const key = keyOf(source, workspace);
    const known = this.known.get(key);
    if (known) return known;
    let names = this.reading.get(key);
    if (!names) {
      names = store.liveFieldNames(source, workspace).then((stored) => this.keep(key, stored));
      this.reading.set(key, names);
      // A failed read is not remembered: the next delivery reads again.
      names.then(
        () => this.reading.delete(key),
        () => this.reading.delete(key),
      );
    }
    return names;
  }

  /** As `namesOf`, for a caller inside a synchronous transaction: `read` is its table's own method. */
  namesNow(
    read: (source: string, workspace?: Workspace) => LiveFieldNames,
    source: string,
    workspace?: Workspace,
  ): SourceNames {
    const key = keyOf(source, workspace);
    return this.known.get(key) ?? this.keep(key, read(source, workspace));
  }

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
    return this.admitTo(await this.namesOf(store, source, workspace), source, row);
  }

  /** `admit` with the source's names at hand (`namesOf`, `namesNow`). */
  admitTo(names: SourceNames, source: string, row: LiveMetricRow): string | null {
    const newDimensions = newNames(row.dimensions, names.dimensions);
    const newMeasures = newNames(row.extraMeasures, names.measures);
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

  private keep(key: string, stored: LiveFieldNames): SourceNames {
    // Two reads that overlapped (one awaited, one at once) keep the first: its set may have grown since.
    let names = this.known.get(key);
    if (!names) {
      names = { dimensions: new Set(stored.dimensions), measures: new Set(stored.measures) };
      this.known.set(key, names);
    }
    return names;
  }
}

function keyOf(source: string, workspace: Workspace | undefined): string {
  return JSON.stringify([workspace?.team ?? null, workspace?.enterprise ?? null, source]);
}

function newNames(fields: Record<string, unknown> | undefined, known: Set<string>): string[] {
  return fields ? Object.keys(fields).filter((name) => !known.has(name)) : [];
}
