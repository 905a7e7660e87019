import { literalMarkdown } from "../../format/slack-markdown.js";
import { costResult, type Metric, PAIR_SEPARATOR } from "../../metrics/index.js";
import type { JsonObject } from "../tools/tool.js";
import { partialMark } from "./answer-ranking.js";
import { dimensionWords, figure, label, notesLine, type Wording } from "./answer-wording.js";

const MAX_ROWS_LISTED = 10;

/** Totals: one bold line for a figure or two, a bullet per figure beyond that. */
export function writeTotals(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  const totals = (result.totals ?? {}) as JsonObject;
  const metrics = Object.keys(totals) as Metric[];
  const said = metrics.map((metric) => `${label(metric)}: ${figure(wording, metric, totals[metric])}`);
  const body =
    metrics.length <= 2
      ? `**${said.join(" · ")}**`
      : [`**Performance**`, ...said.map((line) => `- ${line}`)].join("\n");
  return [body, ...notesLine(result.scope, notes)].join("\n");
}

/** A breakdown: a bullet per value, largest first, then the total. */
export function writeBreakdown(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  const rows = (result.rows ?? []) as JsonObject[];
  const dimension = String(result.group_by ?? "value");
  const totals = (result.totals ?? {}) as JsonObject;
  const metrics = Object.keys(totals) as Metric[];
  // The order the rows came in, as the tool says it: "ROAS highest first", "in calendar order".
  const order = String(result.order ?? "largest first").replace(/ \(by spend.*\)$/, "");
  const heading = `**${metrics.map(label).join(", ")} by ${dimensionWords(dimension)}** (${order})`;
  // A row that spent with no conversions reads "no conversions" for its CPA, never n/a.
  const cell = (row: JsonObject, metric: Metric) =>
    row[metric] === null && typeof row.spent_with_no === "string" && costResult(metric) === row.spent_with_no
      ? `no ${row.spent_with_no}${typeof row.spend === "number" && !metrics.includes("spend") ? ` on ${figure(wording, "spend", row.spend)} spend` : ""}`
      : figure(wording, metric, row[metric]);
  const cells = (row: JsonObject) =>
    metrics.length === 1
      ? cell(row, metrics[0] as Metric)
      : metrics.map((metric) => `${label(metric)} ${cell(row, metric)}`).join(" · ");
  const shown = rows
    .slice(0, MAX_ROWS_LISTED)
    .map((row) => `- ${literalMarkdown(String(row.key))}: ${cells(row)}${partialMark(row, dimension)}`);
  const total = Number(result.rows_total ?? rows.length);
  // "2 more campaign × devices" reads badly and hides a count from the checker; rows of pairs are rows.
  const pairs = dimension.includes(PAIR_SEPARATOR);
  const more =
    total > shown.length
      ? [`…and ${total - shown.length} more ${pairs ? "rows" : dimensionWords(dimension, true)}`]
      : [];
  const unpriced = result.totals_spent_with_no as { results?: string; spend?: number } | undefined;
  const overall = `Overall: ${cells(unpriced ? { ...totals, spent_with_no: unpriced.results ?? null, spend: unpriced.spend ?? null } : totals)}`;
  if (rows.length === 0) {
    // With limits, no row passing them is the answer, not a sign of missing data.
    const none = result.thresholds ? "pass those limits" : "have rows here";
    return [`No ${dimensionWords(dimension, true)} ${none}.`, ...notesLine(result.scope, notes)].join("\n");
  }
  return [
    heading,
    ...shown,
    ...more,
    overall,
    ...leftOut(result, dimension),
    ...notesLine(result.scope, notes),
  ].join("\n");
}

/**
 * Rows a sorted split could not place, said rather than dropped unseen: those that spent with no
 * conversions (no CPA, yet the worst) and those with nothing to compute the sort metric from.
 */
function leftOut(result: JsonObject, dimension: string): string[] {
  const left = (result.left_out ?? {}) as { spent_without_results?: number; without_sort_metric?: number };
  const sorted = /^(.+) (?:lowest|highest) first$/.exec(String(result.order ?? ""))?.[1];
  if (!sorted) return [];
  const noun = (count: number) => dimensionWords(dimension, count !== 1);
  const lines: string[] = [];
  const unpriced = left.spent_without_results ?? 0;
  if (unpriced > 0 && typeof result.paid_per === "string") {
    lines.push(
      `_Left out: ${unpriced} ${noun(unpriced)} that spent with no ${result.paid_per}, so ${unpriced === 1 ? "it has" : "they have"} no ${sorted}; ${unpriced === 1 ? "it is" : "they are"} among the worst, not the best._`,
    );
  }
  const without = left.without_sort_metric ?? 0;
  if (without > 0) lines.push(`_Left out: ${without} ${noun(without)} with no ${sorted} to rank._`);
  return lines;
}
