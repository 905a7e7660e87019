import type { FactTable } from "../../ingest/index.js";
import { dimensionColumn, looseValue, NOT_SET, type ValueOp, valuesMatching } from "../../metrics/index.js";
import type { ToolCallRecord } from "../tool-runner.js";
import type { JsonObject } from "../tools/tool.js";

/** What the reading of a question requires of the calls that answer it. */
export interface RequiredReading {
  /** Rows the question is about: each filter keeps these values of its dimension. */
  filters: Array<{ dimension: string; values: readonly string[]; described: string }>;
  /** A period was named ("last week", "sept 1-14"). */
  period: boolean;
  /** Dimensions or time parts the answer must be split by ("by campaign", "weekly"). */
  groupings: string[];
}

/**
 * What an answer's calls left out of the question: "the filter you asked for (device = Mobile phones)".
 * Provenance is the number checker's job; this checks relevance. A requirement holds when some call that
 * answered applied it. A filter is applied when a call keeps exactly its values (whatever the operator);
 * several values of one dimension ("Meta vs Google") are also answered by a split by that dimension.
 */
export function relevanceGaps(
  required: RequiredReading,
  calls: readonly ToolCallRecord[],
  facts: FactTable,
): string[] {
  const answering = calls.filter((call) => call.ok && call.name !== "describe_dataset");
  // A refusal is an answer of its own; it says why, and there are no figures to question.
  if (answering.length === 0) return [];
  const gaps: string[] = [];
  for (const filter of required.filters) {
    const column = columnOf(facts, filter.dimension);
    if (!column) continue;
    const wanted = looseSet(filter.values);
    const applied = answering.some(
      (call) =>
        callFilters(call.args).some(
          (given) => columnOf(facts, given.dimension) === column && sameSet(kept(given, column), wanted),
        ) ||
        (wanted.size >= 2 && callGroupings(call.args).some((name) => columnOf(facts, name) === column)),
    );
    if (!applied) gaps.push(`the filter you asked for (${filter.described})`);
  }
  if (required.period && !answering.some((call) => hasPeriod(call.args))) {
    gaps.push("the period you asked for");
  }
  for (const grouping of required.groupings) {
    const column = columnOf(facts, grouping);
    const split = answering.some((call) =>
      callGroupings(call.args).some((name) =>
        column ? columnOf(facts, name) === column : looseValue(name) === looseValue(grouping),
      ),
    );
    if (!split) gaps.push(`the split by ${grouping.replace(/_/g, " ")} you asked for`);
  }
  return gaps;
}

/** The line an answer carries when its calls left part of the question out. */
export function relevanceNote(gaps: readonly string[]): string | null {
  if (gaps.length === 0) return null;
  return `:warning: Answered without ${gaps.join(", and without ")}, so these figures may answer a broader question than yours.`;
}

type Column = FactTable["dimensions"][string];
type GivenFilter = { dimension: string; op?: ValueOp; values: string[] };

function columnOf(facts: FactTable, name: string): Column | null {
  try {
    return dimensionColumn(facts, name);
  } catch {
    return null;
  }
}

function callFilters(args: JsonObject): GivenFilter[] {
  const filters = Array.isArray(args.filters) ? args.filters : [];
  return filters.filter(
    (item): item is GivenFilter =>
      item !== null &&
      typeof item === "object" &&
      !Array.isArray(item) &&
      typeof item.dimension === "string" &&
      Array.isArray(item.values),
  );
}

/** Every dimension or time part a call splits by: group_by (one or a list), then_by, a ranking's dimension, a trend's grain. */
function callGroupings(args: JsonObject): string[] {
  const named = [args.group_by, args.then_by, args.dimension, args.grain].flat();
  return named.filter((name): name is string => typeof name === "string");
}

function hasPeriod(args: JsonObject): boolean {
  return args.period !== undefined || args.date_range !== undefined || args.current !== undefined;
}

function kept(filter: GivenFilter, column: Column): Set<string> {
  try {
    return looseSet(valuesMatching(filter, column.values));
  } catch {
    return new Set();
  }
}

/** Blank cells aside: "excluding brand" keeps the other names, whether or not it also keeps blanks. */
function looseSet(values: readonly string[]): Set<string> {
  const blank = looseValue(NOT_SET);
  return new Set(values.map(looseValue).filter((value) => value !== blank));
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}
