import { formatFigure } from "../format/format-figures.js";
import { METRIC_CATALOG } from "../metrics/index.js";
import type { AlertRule, Comparison } from "./alert-rule.js";

/** The rule in the parser's own words: what the store keeps, and what `/alert list` shows to copy. */
export function ruleDefinition(rule: AlertRule): string {
  const head =
    rule.kind === "anomaly"
      ? `anomaly ${rule.metric}`
      : rule.kind === "daily-average"
        ? `${rule.metric} today ${rule.comparison} ${rule.factor}x daily average`
        : `${rule.metric} ${rule.comparison} ${rule.threshold}`;
  const clauses = [
    rule.kind !== "daily-average" && rule.windowDays !== 1 ? `window ${rule.windowDays}d` : "",
    rule.scope ? `for ${rule.scope.dimension} ${quoted(rule.scope.value)}` : "",
    rule.by ? `by ${rule.by}` : "",
    rule.minSpend !== undefined ? `min spend ${rule.minSpend}` : "",
  ];
  return [head, ...clauses].filter(Boolean).join(" ");
}

/** Quoted so a value with spaces or a keyword in it reads back whole; curly quotes when it holds a ". */
function quoted(value: string): string {
  return value.includes('"') ? `“${value}”` : `"${value}"`;
}

const COMPARISON_WORDS: Record<Comparison, string> = {
  "<": "below",
  "<=": "at or below",
  ">": "above",
  ">=": "at or above",
};

export function comparisonWords(comparison: Comparison): string {
  return COMPARISON_WORDS[comparison];
}

/** "today", "the last 7 days". */
export function windowWords(days: number): string {
  return days === 1 ? "today" : `the last ${days} days`;
}

/** The rule in plain words: "ROAS below 2.00x today, per campaign, where spend is at least 100.00". */
export function describeRule(rule: AlertRule, currency: string | null = null): string {
  const label = METRIC_CATALOG[rule.metric].label;
  const head =
    rule.kind === "anomaly"
      ? `${label} unusually high or low on a day in ${windowWords(rule.windowDays)}`
      : rule.kind === "daily-average"
        ? `${label} today ${comparisonWords(rule.comparison)} ${rule.factor}x its daily average of the previous ${rule.baselineDays} days`
        : `${label} ${comparisonWords(rule.comparison)} ${formatFigure(rule.metric, rule.threshold, currency)} ${windowWords(rule.windowDays)}`;
  const parts = [
    head,
    rule.scope ? `for ${rule.scope.dimension} ${rule.scope.value}` : "",
    rule.by ? `per ${rule.by}` : "",
    rule.minSpend !== undefined
      ? `where spend is at least ${formatFigure("spend", rule.minSpend, currency)}`
      : "",
  ];
  return parts.filter(Boolean).join(", ");
}
