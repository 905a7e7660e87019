import type { Dataset } from "../../ingest/index.js";
import type { ValueFilter } from "./value-matcher.js";

const PAIR = /([\p{L}\p{N}]+)\s+(?:vs\.?|versus|or|and|against)\s+(?:the\s+)?([\p{L}\p{N}]+)/giu;

/**
 * "canada vs us": a short name is matched only in its own case ("us" is a pronoun, "US" a country), but
 * set against another value of the same column it is that column's value. Without this the pair is read
 * as one value, and "vs" as two periods of it.
 */
export function pairedValues(
  question: string,
  filters: readonly ValueFilter[],
  dataset: Dataset,
): ValueFilter[] {
  return filters.map((filter) => {
    const column = dataset.facts.dimensions[filter.dimension];
    if (!column) return filter;
    const named = new Set(
      [...filter.values, ...(filter.described?.split("=")[1]?.split(",") ?? [])].map((word) =>
        word.trim().toLowerCase(),
      ),
    );
    const added: string[] = [];
    for (const match of question.matchAll(PAIR)) {
      const [left, right] = [match[1]?.toLowerCase() ?? "", match[2]?.toLowerCase() ?? ""];
      const other = named.has(left) ? right : named.has(right) ? left : null;
      if (other === null || named.has(other)) continue;
      const value = column.values.find((candidate) => candidate.toLowerCase() === other);
      if (value && !filter.values.includes(value) && !added.includes(value)) added.push(value);
    }
    if (added.length === 0) return filter;
    const described = filter.described ? `${filter.described}, ${added.join(", ")}` : undefined;
    return { ...filter, values: [...filter.values, ...added], ...(described ? { described } : {}) };
  });
}
