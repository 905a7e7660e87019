import type { DimensionColumn, FactTable } from "../ingest/fact-table.js";
import { MetricsError } from "./metrics-error.js";

/** The label blank dimension cells are reported under, as GA4 and Google Ads do. */
export const NOT_SET = "(not set)";

/**
 * The column of a dimension. An exact name wins; otherwise "Ad Group", "ad-group" and "AD_GROUP" all find
 * `ad_group`, since people and the LLM type names the way the platform shows them.
 */
export function dimensionColumn(facts: FactTable, name: string): DimensionColumn {
  const exact = facts.dimensions[name];
  if (exact) return exact;
  const wanted = looseName(name);
  const matches = Object.keys(facts.dimensions).filter((key) => looseName(key) === wanted);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return facts.dimensions[only] as DimensionColumn;
  const available = Object.keys(facts.dimensions);
  const choices = available.length > 0 ? `available: ${available.join(", ")}` : "this data has no dimensions";
  throw new MetricsError(`unknown dimension "${name}"; ${choices}`);
}

/** How a value is compared when people name it: case and surrounding spaces do not matter. */
export function looseValue(value: string): string {
  return value.trim().toLowerCase();
}

function looseName(name: string): string {
  return looseValue(name).replace(/[\s-]+/g, "_");
}
