import { formatCount } from "../format/format-figures.js";
import type { Dataset } from "../ingest/index.js";
import { extraFigures } from "../metrics/index.js";

/**
 * The file's other measures under their own headers, as totals from the metrics engine: "Landing page
 * views 790 · Reach (not added across rows)". Reach-like columns and results of mixed types have no total.
 */
export function otherMeasuresLine(dataset: Dataset): string | null {
  const names = Object.keys(dataset.facts.extraMeasures);
  if (names.length === 0) return null;
  const { rows, notSummed } = extraFigures(dataset.facts, names);
  const values = rows[0]?.values ?? {};
  const headerOf = (name: string) =>
    dataset.receipt.extraMeasures?.find((note) => note.name === name)?.header.trim() ?? name;
  const said = names.map((name) => {
    const value = values[name] ?? null;
    if (value !== null) return `${headerOf(name)} ${formatCount(value)}`;
    return `${headerOf(name)} (${notSummed[name] ? "not added across rows" : "no values"})`;
  });
  return `Other measures: ${said.join(" · ")}`;
}
