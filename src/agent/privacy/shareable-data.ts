import type { Dataset, FactTable } from "../../ingest/index.js";
import { personalColumns, type WithheldColumn } from "./personal-columns.js";

export interface ShareableData {
  dataset: Dataset;
  live?: FactTable;
  /** Columns left out of `dataset` and `live`, for the tools to say so. */
  withheld: WithheldColumn[];
}

/**
 * The data as the analyst's tools may read it: every personal or near-unique column is taken out, so no
 * tool result (and so no model request) can carry its values. Measures and the other columns are shared
 * untouched; the originals are not changed.
 */
export function shareableData(dataset: Dataset, live?: FactTable): ShareableData {
  const fromExport = personalColumns(dataset.facts);
  const fromLive = live ? personalColumns(live) : [];
  return {
    dataset: { ...dataset, facts: without(dataset.facts, fromExport) },
    ...(live ? { live: without(live, fromLive) } : {}),
    withheld: mergeByName([...fromExport, ...fromLive]),
  };
}

/** The refusal a tool answers with when it is asked about a withheld column, or null when it is not. */
export function withheldRefusal(
  dimension: string,
  withheld: readonly WithheldColumn[] | undefined,
): string | null {
  const wanted = looseName(dimension);
  const column = withheld?.find((item) => looseName(item.name) === wanted);
  return column
    ? `the column "${column.name}" is withheld from the analyst because ${column.reason} (${column.values} distinct values); only its count is shared, so it cannot be ranked, filtered or charted`
    : null;
}

function without(facts: FactTable, withheld: readonly WithheldColumn[]): FactTable {
  if (withheld.length === 0) return facts;
  const hidden = new Set(withheld.map((column) => column.name));
  const dimensions = Object.fromEntries(
    Object.entries(facts.dimensions).filter(([name]) => !hidden.has(name)),
  );
  return { ...facts, dimensions };
}

function mergeByName(columns: readonly WithheldColumn[]): WithheldColumn[] {
  return [...new Map(columns.map((column) => [column.name, column])).values()];
}

function looseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
