import { literalMarkdown } from "../../format/slack-markdown.js";
import { componentsOf, isKpi, type Metric } from "../../metrics/index.js";
import { enoughToMove } from "../insights/move-volume.js";
import type { JsonObject } from "../tools/tool.js";
import {
  asMetric,
  capitalized,
  dimensionWords,
  figure,
  label,
  metricWords,
  notesLine,
  type Wording,
} from "./answer-wording.js";
import type { Direction } from "./question-parser.js";

interface RankedRow {
  rank: number;
  key: string;
  /** Set on a row that spent with none of what a cost ratio is paid per ("conversions"): it has no value. */
  spent_with_no?: string;
  [metric: string]: unknown;
}

/** A ranking: the answer first when one was asked for ("which channel"), then the list. */
export function writeRanking(
  result: JsonObject,
  wording: Wording,
  options: { singular: boolean; direction: Direction | null; notes: readonly string[] },
): string {
  const metric = asMetric(result.metric);
  const dimension = String(result.dimension);
  const rows = (result.rows ?? []) as unknown as RankedRow[];
  const best = result.order === "best first";
  const word = headingWord(options.direction, best, metric);
  const lines: string[] = [];
  const [first] = rows;
  if (!first) {
    lines.push(`No ${dimensionWords(dimension, true)} have a ${label(metric)} here.`);
  } else {
    const heading = `${word} ${metricWords(metric)} by ${dimensionWords(dimension)}`;
    lines.push(
      options.singular
        ? `**${heading}: ${literalMarkdown(first.key)} ${first.spent_with_no ? "with" : "at"} ${value(wording, metric, first)}**${partialMark(first, dimension)}`
        : `**${heading}** (${best ? "best" : "worst"} first)`,
    );
    for (const row of rows)
      lines.push(
        `${row.rank}. ${literalMarkdown(row.key)}: ${value(wording, metric, row)}${context(wording, metric, row)}${partialMark(row, dimension)}`,
      );
  }
  lines.push(...leftOut(result, wording, dimension));
  lines.push(...notesLine(result.scope, options.notes));
  return lines.join("\n");
}

/** Cut-or-scale advice from the worst and best of a dimension, with concrete next actions. */
export function writeRecommendation(
  worst: JsonObject,
  bestResult: JsonObject,
  wording: Wording,
  notes: readonly string[],
): string {
  const metric = asMetric(worst.metric);
  const dimension = String(worst.dimension);
  const weak = (worst.rows ?? []) as unknown as RankedRow[];
  const strong = ((bestResult.rows ?? []) as unknown as RankedRow[]).filter(
    (row) => !weak.some((other) => other.key === row.key),
  );
  const plural = dimensionWords(dimension, true);
  if (weak.length === 0 || strong.length === 0) {
    return [
      `Too few ${plural} with enough spend to tell what to cut from what to scale.`,
      ...notesLine(worst.scope, notes),
    ].join("\n");
  }
  const item = (row: RankedRow) =>
    `- ${literalMarkdown(row.key)}: ${row.spent_with_no ? "" : `${label(metric)} `}${value(wording, metric, row)}${context(wording, metric, row)}`;
  const names = (rows: readonly RankedRow[]) => rows.map((row) => literalMarkdown(row.key)).join(", ");
  const cut = names(weak);
  // A cheap CPA on a conversion or two is luck as often as skill: budget moves only towards the proven.
  // Judged by a ratio with no conversions in it (CTR of a file that tracks none), their count proves nothing.
  const perResult = componentsOf(metric).some((part) => part === "conversions" || part === "revenue");
  const proven = perResult ? strong.filter(enoughToMove) : strong;
  const unproven = perResult ? strong.filter((row) => !enoughToMove(row)) : [];
  const unprovenSaid = `${names(unproven)} look${unproven.length === 1 ? "s" : ""} cheaper, but on too few conversions to show it yet`;
  const first =
    proven.length === 0
      ? `1. Cap or pause ${cut}, and hold that budget: ${unprovenSaid}.`
      : `1. Cap or pause ${cut}, and move that budget to ${names(proven)}.${unproven.length > 0 ? ` ${unprovenSaid}: leave their budgets as they are.` : ""}`;
  return [
    `**Where to act on ${plural}, judged by ${label(metric)}**`,
    `Cut or cap (weakest ${label(metric)}):`,
    ...weak.map(item),
    `Scale (strongest ${label(metric)}):`,
    ...strong.map(item),
    "**Next actions**",
    first,
    `2. Before pausing, check each one's weekly trend: a recent drop calls for a creative or audience fix, a steady low ${label(metric)} for a cut.`,
    ...(proven.length > 0
      ? [
          `3. Raise budgets on ${names(proven)} in steps and check that their ${label(metric)} holds before the next step.`,
        ]
      : []),
    ...leftOut(worst, wording, dimension),
    ...notesLine(worst.scope, notes),
  ].join("\n");
}

/** "Best ROAS", "Lowest CPA", "Highest spend": volumes have no best, only more or less. */
function headingWord(direction: Direction | null, best: boolean, metric: Metric): string {
  if (direction === "high") return "Highest";
  if (direction === "low") return "Lowest";
  if (!isKpi(metric)) return best ? "Highest" : "Lowest";
  return capitalized(best ? "best" : "worst");
}

/** A row that spent with no conversions reads "no conversions", never a CPA of 0 or a dash. */
function value(wording: Wording, metric: Metric, row: RankedRow): string {
  if (typeof row.spent_with_no === "string") return `no ${row.spent_with_no}`;
  return figure(wording, metric, row[metric] as number | null);
}

/** A week or month the data covers only in part, said beside its figure so it is not read as a whole one. */
export function partialMark(row: Record<string, unknown>, dimension: string): string {
  return row.partial_period === true ? ` (only part of this ${dimension} is in the data)` : "";
}

/** Spend next to a ratio, so a great ROAS on little money is read for what it is. */
function context(wording: Wording, metric: Metric, row: RankedRow): string {
  if (metric === "spend" || typeof row.spend !== "number") return "";
  return ` on ${figure(wording, "spend", row.spend)} spend`;
}

function leftOut(result: JsonObject, wording: Wording, dimension: string): string[] {
  const left = (result.left_out ?? {}) as { below_min_spend?: number; spent_without_results?: number };
  const noun = (count: number) => (count === 1 ? dimensionWords(dimension) : dimensionWords(dimension, true));
  const lines: string[] = [];
  const unpriced = left.spent_without_results;
  if (unpriced && typeof result.paid_per === "string") {
    const metric = metricWords(asMetric(result.metric));
    lines.push(
      `_Left out: ${unpriced} ${noun(unpriced)} that spent with no ${result.paid_per}, so ${unpriced === 1 ? "it has" : "they have"} no ${metric} to rank; ${unpriced === 1 ? "it is" : "they are"} among the worst, not the best._`,
    );
  }
  // A row with nothing to compute the metric from (no spend behind a ROAS): said, not dropped unseen.
  const without =
    (left as { without_value?: number; without_sort_metric?: number }).without_value ??
    (left as { without_sort_metric?: number }).without_sort_metric;
  if (without) {
    lines.push(
      `_Left out: ${without} ${noun(without)} with no ${metricWords(asMetric(result.metric))} to rank._`,
    );
  }
  const floor = result.min_spend;
  if (left.below_min_spend && typeof floor === "number") {
    const count = left.below_min_spend;
    lines.push(
      `_Left out: ${count} ${noun(count)} that spent under ${figure(wording, "spend", floor)}, too little to judge._`,
    );
  }
  return lines;
}
