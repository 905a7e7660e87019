import { looseValue, NOT_SET } from "./dimensions.js";
import { MetricsError } from "./metrics-error.js";

/**
 * How a filter picks a dimension's values: `in` keeps the values named, `not_in` every other value,
 * `contains` the values whose name holds one of the texts ("brand"), `not_contains` the values holding none.
 */
export const VALUE_OPS = ["in", "not_in", "contains", "not_contains"] as const;
export type ValueOp = (typeof VALUE_OPS)[number];

export interface ValueCondition {
  dimension: string;
  op?: ValueOp;
  values: readonly string[];
}

/**
 * The values of a column a condition keeps, as an explicit list, so the row loop stays a lookup. A named
 * value the column lacks, or a text no name contains, is an error: it would otherwise read as zero.
 */
export function valuesMatching(condition: ValueCondition, columnValues: readonly string[]): string[] {
  const op = condition.op ?? "in";
  const wanted = condition.values.map(looseValue);
  if (op === "in" || op === "not_in") {
    const known = new Set([...columnValues.map(looseValue), looseValue(NOT_SET)]);
    const unknown = condition.values.find((value) => !known.has(looseValue(value)));
    if (unknown !== undefined)
      throw new MetricsError(unknownValue(condition.dimension, unknown, columnValues));
    if (op === "in") return [...condition.values];
    const dropped = new Set(wanted);
    return [...columnValues, NOT_SET].filter((value) => !dropped.has(looseValue(value)));
  }
  const holds = (value: string) => wanted.some((part) => looseValue(value).includes(part));
  const kept = columnValues.filter((value) => (op === "contains" ? holds(value) : !holds(value)));
  if (kept.length === 0) {
    const texts = condition.values.map((value) => `"${value}"`).join(" or ");
    throw new MetricsError(
      op === "contains"
        ? `no ${condition.dimension} contains ${texts}`
        : `every ${condition.dimension} contains ${texts}, so nothing is left`,
    );
  }
  return kept;
}

/** Names close to one that is not in the data, so the model (or person) can retry with a real one. */
function unknownValue(dimension: string, value: string, values: readonly string[]): string {
  const wanted = looseValue(value);
  const close = values.filter((candidate) => {
    const loose = looseValue(candidate);
    return loose.includes(wanted) || wanted.includes(loose);
  });
  const shown = (close.length > 0 ? close : values).slice(0, 12).map((item) => `"${item}"`);
  const hint = close.length > 0 ? "did you mean" : `${dimension} values include`;
  const more = values.length > 12 && close.length === 0 ? ` (${values.length} in all)` : "";
  return `no ${dimension} "${value}" in this data; ${hint} ${shown.join(", ")}${more}`;
}
