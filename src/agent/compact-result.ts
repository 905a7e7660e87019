import type { Json, JsonObject } from "./tools/tool.js";

/**
 * Tool results go into the model's context on every later step, so they are kept small: numbers lose the
 * float noise of long sums (nine significant digits keep every cent below ten million), and a result that
 * is still too large has its longest lists cut, saying so, rather than being dropped.
 */
const SIGNIFICANT_DIGITS = 9;
const MAX_RESULT_CHARS = 8_000;

export function compactJson(value: Json): Json {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return Number(value.toPrecision(SIGNIFICANT_DIGITS)) + 0;
  }
  if (Array.isArray(value)) return value.map(compactJson);
  if (value !== null && typeof value === "object") {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) result[key] = compactJson(item);
    return result;
  }
  return value;
}

/** The result within `maxChars` of JSON: the longest list is halved until it fits, and the cut is recorded. */
export function capResult(result: JsonObject, maxChars = MAX_RESULT_CHARS): JsonObject {
  let capped = structuredClone(result);
  const cuts: Record<string, { shown: number; total: number }> = {};
  while (JSON.stringify(capped).length > maxChars) {
    const longest = longestList(capped, "");
    if (!longest || longest.list.length <= 1) {
      return {
        error: "the result was too large to return; narrow the question (fewer rows, a coarser grain)",
      };
    }
    const total = cuts[longest.path]?.total ?? longest.list.length;
    longest.list.splice(Math.ceil(longest.list.length / 2));
    cuts[longest.path] = { shown: longest.list.length, total };
    capped = { ...capped, truncated: cuts };
  }
  return capped;
}

interface ListAt {
  path: string;
  list: Json[];
  size: number;
}

function longestList(value: Json, path: string): ListAt | null {
  const candidates: Array<ListAt | null> = [];
  if (Array.isArray(value)) {
    candidates.push({ path: path || "result", list: value, size: JSON.stringify(value).length });
    for (const item of value) candidates.push(longestList(item, path));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key !== "truncated") candidates.push(longestList(item, path ? `${path}.${key}` : key));
    }
  }
  return candidates.reduce<ListAt | null>(
    (best, candidate) => (candidate && (!best || candidate.size > best.size) ? candidate : best),
    null,
  );
}
