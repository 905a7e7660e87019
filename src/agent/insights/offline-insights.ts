import { formatFigure } from "../../format/format-figures.js";
import { literalMarkdown } from "../../format/slack-markdown.js";
import { type BreakdownRow, defaultMinSpend, isMetric, type Metric } from "../../metrics/index.js";
import { label, metricWords } from "../offline/answer-wording.js";
import type { InsightsSummary } from "./insights-summary.js";

type Row = { key: string; [field: string]: unknown };

/** Fewer judged rows than this have no best and worst: with three, "best" is a third of the list. */
const MIN_RANKED = 4;
/** Budget moves only between rows with at least this many conversions each: one sale is not a CPA. */
const MIN_CONVERSIONS_TO_MOVE = 10;
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
  const ranked = efficiency ? rankRows(rows, efficiency) : [];
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (efficiency && best && worst && ranked.length >= MIN_RANKED) {
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
    lines.push(
      "## Next actions",
      enoughToMove(best) && (enoughToMove(worst) || spentWellPastCpa(worst, totals.cpa))
        ? `1. Cap **${literalMarkdown(worst.key)}** and move that budget towards **${literalMarkdown(best.key)}**, in steps, watching ${metricWords(efficiency)} after each.`
        : `1. Hold budgets between **${literalMarkdown(worst.key)}** and **${literalMarkdown(best.key)}** until each has ${MIN_CONVERSIONS_TO_MOVE} conversions or more: fewer cannot show which converts cheaper.`,
      `2. Check **${literalMarkdown(worst.key)}**'s creatives, audiences and landing page before cutting it entirely.`,
      "3. Re-run this analysis after a full week to confirm the shift paid off.",
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
function spentWellPastCpa(row: Row, accountCpa: unknown): boolean {
  return row.conversions === 0 && typeof accountCpa === "number" && Number(row.spend ?? 0) >= 3 * accountCpa;
}

/** Without a conversions column the volume is unknown, and spend above the floor is the only test. */
function enoughToMove(row: Row): boolean {
  return typeof row.conversions !== "number" || row.conversions >= MIN_CONVERSIONS_TO_MOVE;
}

/**
 * Rows with the metric and enough spend to judge (the spend floor every ranking uses), best first. A row
 * that spent with no conversions has no CPA, yet it is the weakest of all: it goes last, the biggest such
 * spender at the very end.
 */
function rankRows(rows: readonly Row[], metric: Metric): Row[] {
  if (!isMetric(metric)) return [];
  const floor = defaultMinSpend(rows as unknown as BreakdownRow[]);
  const funded = rows.filter((row) => Number(row.spend ?? 0) >= floor && Number(row.spend ?? 0) > 0);
  const usable = funded.filter((row) => typeof row[metric] === "number");
  const sign = metric === "cpa" ? 1 : -1;
  const unconverted =
    metric === "cpa"
      ? funded
          .filter((row) => row.conversions === 0)
          .sort((a, b) => Number(a.spend ?? 0) - Number(b.spend ?? 0))
      : [];
  return [...usable.sort((a, b) => sign * (Number(a[metric]) - Number(b[metric]))), ...unconverted];
}
