import { isMetric } from "../../metrics/index.js";
import type { ToolCallRecord } from "../tool-runner.js";
import type { JsonObject } from "../tools/tool.js";
import { dimensionWords, metricWords } from "./answer-wording.js";
import type { ParsedQuestion } from "./question-parser.js";

const MAX_VALUES_SHOWN = 3;

/**
 * "Read as: top 3 campaigns by revenue · 2024-03-01 to 2024-03-31 (March 2024) · campaign containing “brand” ·
 * file.csv": how the question was read, rendered from the arguments of the calls actually made and the
 * periods their results used, so it cannot claim a filter or period that was not applied. It is where an
 * offline answer states its period and filters, once.
 */
export function readingLine(parsed: ParsedQuestion, records: readonly ToolCallRecord[]): string | null {
  const record = records.find((item) => item.ok && item.name !== "render_chart");
  return record ? `Read as: ${readingOf(record, records, parsed, true)}` : null;
}

/**
 * The reading of a Gemini answer: each distinct call that answered, from its own arguments, so the line
 * cannot claim a filter, grouping or period the model did not apply.
 */
export function readingOfCalls(records: readonly ToolCallRecord[]): string | null {
  const readings = records
    .filter((item) => item.ok && item.name !== "render_chart" && item.name !== "describe_dataset")
    .map((item) => readingOf(item, [item], null, false));
  const distinct = [...new Set(readings)];
  return distinct.length > 0 ? `Read as: ${distinct.join("; ")}` : null;
}

type Hints = Pick<ParsedQuestion, "grain" | "verdict" | "filters"> | null;

/** `explained`: the offline answer's reading, the one place it says how its period was chosen. */
function readingOf(
  record: ToolCallRecord,
  records: readonly ToolCallRecord[],
  parsed: Hints,
  explained: boolean,
): string {
  const args = record.args as JsonObject;
  const scope = ((record.result as JsonObject | undefined)?.scope ?? {}) as JsonObject;
  const parts = [
    shape(record.name, shownCount(record, mergedArgs(record, records)), parsed),
    period(scope, explained),
    ...filters(args, parsed),
    ...(typeof args.min_spend === "number" ? [`only those that spent at least ${args.min_spend}`] : []),
    ...limits(args),
    typeof scope.source === "string" ? scope.source : null,
  ].filter((part): part is string => part !== null && part.length > 0);
  return parts.join(" · ");
}

/**
 * Several calls of one kind read as one: "any weird days?" scans each headline KPI, and a recommendation
 * ranks both ends of one dimension.
 */
function mergedArgs(record: ToolCallRecord, records: readonly ToolCallRecord[]): JsonObject {
  const args = record.args as JsonObject;
  const same = records.filter(
    (item) => item.ok && item.name === record.name && "metric" in (item.args as JsonObject),
  );
  if (same.length < 2) return args;
  const metrics = [...new Set(same.map((item) => (item.args as JsonObject).metric as string))];
  const orders = new Set(same.map((item) => (item.args as JsonObject).order));
  return { ...args, metrics, ...(orders.size > 1 ? { order: "both" } : {}) };
}

/**
 * "worst quarter by CPA" of a year's data asks for three quarters and gets one: the line says how many rows
 * the answer has, never a count the question did not say and the data could not give.
 */
function shownCount(record: ToolCallRecord, args: JsonObject): JsonObject {
  const rows = (record.result as JsonObject | undefined)?.rows;
  const limit = args.limit;
  if (!Array.isArray(rows) || typeof limit !== "number" || rows.length >= limit || rows.length === 0) {
    return args;
  }
  return { ...args, limit: rows.length };
}

function shape(name: string, args: JsonObject, parsed: Hints): string {
  const metrics = ((args.metrics as string[] | undefined) ?? [args.metric as string | undefined])
    .filter((metric): metric is string => typeof metric === "string")
    .map(spoken)
    .join(", ");
  const by = (dimension: unknown) =>
    typeof dimension === "string" ? ` by ${dimensionWords(dimension)}` : "";
  switch (name) {
    case "top_bottom": {
      const end = args.order === "both" ? "top and bottom" : args.order === "bottom" ? "bottom" : "top";
      const one = args.n === 1;
      const count = one ? "" : ` ${args.n}`;
      return `${end}${count} ${dimensionWords(String(args.dimension), !one)} by ${metrics}`;
    }
    case "get_kpis":
      return `${metrics}${by(args.group_by)}${typeof args.then_by === "string" ? ` and ${dimensionWords(args.then_by)}` : ""}`;
    case "query": {
      const groups = Array.isArray(args.group_by) ? args.group_by.map((item) => String(item)) : [];
      const sort = args.sort as { metric?: string; direction?: string } | undefined;
      const extreme = sort?.direction === "asc" ? "lowest" : "highest";
      const sorted = sort?.metric ? spoken(sort.metric) : null;
      const split = groups.map((group) => dimensionWords(group)).join(" and ");
      if (sorted && typeof args.limit === "number" && groups.length === 1) {
        const plural = dimensionWords(groups[0] as string, args.limit !== 1);
        return `${args.limit === 1 ? "the" : args.limit} ${plural} with the ${extreme} ${sorted}`;
      }
      const order = sorted ? `, ${extreme} ${sorted} first` : "";
      return `${metrics}${split ? ` by ${split}` : ""}${order}`;
    }
    case "trend":
      return `${metrics} by ${parsed?.grain ?? args.grain ?? "period"}${parsed?.verdict ? ", and which way it is heading" : ""}`;
    case "compare_periods":
      return `${metrics}, one period against another`;
    case "find_anomalies":
      return `unusual days in ${metrics}`;
    case "explain_change":
      return `what changed ${metrics}${by(args.dimension)}`;
    default:
      return name.replace(/_/g, " ");
  }
}

/**
 * The period a result covers, said once for the whole answer: its dates, and with `explained` how they were
 * chosen ("the last complete week (Monday to Sunday), counted back from …"), as the offline answer says
 * nowhere else.
 */
function period(scope: JsonObject, explained: boolean): string | null {
  const range = (scope.period ?? null) as JsonObject | null;
  const why = (label: unknown) => (explained && typeof label === "string" ? label : null);
  if (range && typeof range.from === "string") {
    const label = why(range.label);
    return `${range.from} to ${range.to}${label ? ` (${label})` : ""}`;
  }
  if (range && typeof range.label === "string") return range.label;
  const current = scope.current as JsonObject | undefined;
  const previous = scope.previous as JsonObject | undefined;
  if (!current || !previous) return null;
  const dates = `${current.from} to ${current.to} vs ${previous.from} to ${previous.to}`;
  const labels = [why(current.label), why(previous.basis)];
  if (labels[0] && labels[0] === labels[1]) return `${dates} (both ${labels[0]})`;
  if (labels[0] && labels[1]) return `${dates} (${labels[0]}, against ${labels[1]})`;
  const label = labels[0] ?? labels[1];
  return label ? `${dates} (${label})` : dates;
}

/** How each filter's operator reads: "campaign = Brand", "campaign not containing “brand”". */
const OPERATOR_WORDS: Record<string, string> = {
  in: "=",
  not_in: "not",
  contains: "containing",
  not_contains: "not containing",
};

function filters(args: JsonObject, parsed: Hints): string[] {
  const applied = (args.filters ?? []) as Array<{ dimension: string; op?: string; values: string[] }>;
  return applied.map((filter) => {
    const named = parsed?.filters.find((item) => item.dimension === filter.dimension && item.described);
    if (named?.described) return named.described;
    const parts = filter.op === "contains" || filter.op === "not_contains";
    const shown = filter.values
      .slice(0, MAX_VALUES_SHOWN)
      .map((value) => (parts ? `“${value}”` : value))
      .join(parts ? " or " : ", ");
    const more =
      filter.values.length > MAX_VALUES_SHOWN ? ` and ${filter.values.length - MAX_VALUES_SHOWN} more` : "";
    const operator = OPERATOR_WORDS[filter.op ?? "in"] ?? "=";
    return `${dimensionWords(filter.dimension)} ${operator} ${shown}${more}`;
  });
}

function limits(args: JsonObject): string[] {
  const given = (args.thresholds ?? []) as Array<{ metric: string; above?: number; below?: number }>;
  return given.map(({ metric, above, below }) => {
    const name = metric.length <= 4 ? metric.toUpperCase() : metric;
    return above !== undefined
      ? `only rows with ${name} above ${above}`
      : `only rows with ${name} below ${below}`;
  });
}

/** A metric inside the line: the catalog's label, acronyms as they are and words in lower case. */
function spoken(metric: string): string {
  return isMetric(metric) ? metricWords(metric) : metric;
}
