import { formatFigure } from "../../format/format-figures.js";
import { literalMarkdown } from "../../format/slack-markdown.js";
import {
  type BreakdownRow,
  defaultMinSpend,
  METRICS,
  type Metric,
  type RankedRow,
  rankRows,
} from "../../metrics/index.js";
import { label, metricWords } from "../offline/answer-wording.js";
import type { InsightsSummary } from "./insights-summary.js";
import { enoughToMove, MIN_CONVERSIONS_TO_MOVE } from "./move-volume.js";

type Row = { key: string; [field: string]: unknown };

/** Fewer judged rows than this have no best and worst: with three, "best" is a third of the list. */
const MIN_RANKED = 4;
const HEADLINE: readonly Metric[] = [
  "spend",
  "revenue",
  "conversions",
  "roas",
  "cpa",
  "ctr",
  "cvr",
  "sessions",
  "key_events",
  "engagement_rate",
];
/** What to watch in data without ad spend (GA4, a shop's analytics), in order of preference. */
const WITHOUT_SPEND: readonly Metric[] = ["key_events", "revenue", "engagement_rate", "sessions"];

/**
 * Markdown insights from an analysis summary without an LLM: headline figures, standouts, next actions;
 * only the next actions when the reader already sees the rest (`/report`).
 */
export function offlineInsights(
  summary: InsightsSummary,
  options: { nextActionsOnly?: boolean } = {},
): string {
  const currency = summary.source?.currency ?? null;
  const said = (metric: Metric, value: unknown) =>
    formatFigure(metric, typeof value === "number" ? value : null, currency);
  const totals = summary.totals;
  const headline = HEADLINE.filter((metric) => typeof totals[metric] === "number").map(
    (metric) => `${label(metric)} ${said(metric, totals[metric])}`,
  );
  const range = summary.source?.dateRange;
  const lines = [
    "## Headline",
    `${headline.join(" · ") || "No figures to report."}${range ? ` (${range.from} to ${range.to})` : ""}`,
  ];
  const rows = (summary.breakdown ?? []) as Row[];
  const efficiency: Metric | null =
    typeof totals.roas === "number" ? "roas" : typeof totals.cpa === "number" ? "cpa" : null;
  const segment = summary.by ?? "segment";
  const ranked = efficiency ? bestAndWeakest(rows, efficiency) : null;
  const best = ranked?.best;
  const worst = ranked?.worst;
  if (efficiency && ranked && best && worst && ranked.count >= MIN_RANKED) {
    lines.push(
      "## What stands out",
      `- Best ${metricWords(efficiency)}: **${literalMarkdown(best.key)}** at ${said(efficiency, best[efficiency])} on ${said("spend", best.spend)} spend.`,
      typeof worst[efficiency] === "number"
        ? `- Weakest ${metricWords(efficiency)}: **${literalMarkdown(worst.key)}** at ${said(efficiency, worst[efficiency])} on ${said("spend", worst.spend)} spend.`
        : `- Weakest ${metricWords(efficiency)}: **${literalMarkdown(worst.key)}**, no conversions on ${said("spend", worst.spend)} spend.`,
    );
    const biggest = [...rows].sort((a, b) => Number(b.spend ?? 0) - Number(a.spend ?? 0))[0];
    if (biggest)
      lines.push(
        `- Largest spend: **${literalMarkdown(biggest.key)}** with ${said("spend", biggest.spend)}.`,
      );
    const move = enoughToMove(best) && (enoughToMove(worst) || spentWellPastCpa(worst, totals.cpa));
    lines.push(
      "## Next actions",
      move
        ? `1. Cap **${literalMarkdown(worst.key)}** and move that budget towards **${literalMarkdown(best.key)}**, in steps, watching ${metricWords(efficiency)} after each.`
        : `1. Hold budgets between **${literalMarkdown(worst.key)}** and **${literalMarkdown(best.key)}** until each has ${MIN_CONVERSIONS_TO_MOVE} conversions or more: fewer cannot show which converts cheaper.`,
      `2. Check **${literalMarkdown(worst.key)}**'s creatives, audiences and landing page before cutting it entirely.`,
      // With budgets held there is no shift to confirm, only more conversions to wait for.
      move
        ? "3. Re-run this analysis after a full week to confirm the shift paid off."
        : "3. Re-run this analysis after a full week, when more conversions show which converts cheaper.",
    );
  } else {
    const watched = efficiency
      ? [efficiency]
      : typeof totals.spend === "number"
        ? []
        : WITHOUT_SPEND.filter((metric) => typeof totals[metric] === "number").slice(0, 2);
    // The report shows its breakdown and chart above the actions: it is not told to break the figures down.
    const actions = [
      ...(options.nextActionsOnly
        ? []
        : [`Break the figures down by campaign or channel to see which ${segment}s drive the results.`]),
      watched.length > 0
        ? `Track ${watched.map(metricWords).join(" and ")} weekly to catch a drift early.`
        : "Add revenue or conversions to the export: without them, efficiency cannot be judged.",
    ];
    lines.push("## Next actions", ...actions.map((action, index) => `${index + 1}. ${action}`));
  }
  if (!options.nextActionsOnly) return lines.join("\n");
  return lines.slice(lines.indexOf("## Next actions")).join("\n");
}

/**
 * A row with no conversions on at least three times the account's CPA: were it converting like the
 * account, three or more would be expected, and none comes by chance only about one time in twenty.
 */
function spentWellPastCpa(row: BreakdownRow, accountCpa: unknown): boolean {
  return row.conversions === 0 && typeof accountCpa === "number" && Number(row.spend ?? 0) >= 3 * accountCpa;
}

/**
 * The best and the weakest row by the metric, as every other ranking picks them (`rankRows`: the spend
 * floor, a row that spent with no conversions as the weakest of all, ties to the larger spender), and how
 * many rows were judged.
 */
function bestAndWeakest(
  rows: readonly Row[],
  metric: Metric,
): { best?: RankedRow; worst?: RankedRow; count: number } {
  const figured = rows.map(figuresOf);
  const minSpend = figured.some((row) => row.spend !== null) ? defaultMinSpend(figured) : null;
  const weakestFirst = rankRows(figured, { metric, order: "bottom", minSpend }).rows;
  const best = rankRows(figured, { metric, order: "top", minSpend }).rows[0];
  return { best, worst: weakestFirst[0], count: weakestFirst.length };
}

/** A summary row (JSON from `mpo analyze` or the API) as a breakdown row: a figure it lacks is unknown. */
function figuresOf(row: Row): BreakdownRow {
  const figures = Object.fromEntries(
    METRICS.map((metric) => [metric, typeof row[metric] === "number" ? row[metric] : null]),
  );
  return { ...figures, key: row.key } as BreakdownRow;
}
