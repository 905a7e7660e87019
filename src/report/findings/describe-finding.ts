import { formatFigure, formatPercent } from "../../format/format-figures.js";
import { isKpi, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { Finding } from "./findings.js";

/** Spend within this share of its usual over the same days "held". */
const HELD = 0.15;
const RESULTS: readonly Metric[] = ["conversions", "revenue", "key_events"];
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * A finding as the sentence a marketer reads first, plain text (escape it for Slack): "Performance Max
 * conversions fell 60% Sep 18–21 while spend held: check conversion tracking". Results that fall while
 * spend holds are a measurement problem more often than a market one, so that case says what to check.
 */
export function describeFinding(finding: Finding, currency: string | null): string {
  const subject = subjectOf(finding);
  const days = finding.weekly
    ? `the week of ${describeDays(finding.from, finding.from)}${finding.to === finding.from ? "" : ` to ${describeDays(finding.to, finding.to)}`}`
    : describeDays(finding.from, finding.to);
  const verb = finding.change < 0 ? "fell" : "rose";
  if (isKpi(finding.metric)) {
    const usual = formatFigure(finding.metric, finding.usual, currency);
    const actual = formatFigure(finding.metric, finding.actual, currency);
    return `${subject} ${verb} from ${usual} to ${actual} ${days}${spendClause(finding)}`;
  }
  const head = `${subject} ${verb} ${percent(finding.change)} ${days}`;
  if (finding.metric === "spend") return `${head}${resultClause(finding)}`;
  const held = finding.spendChange !== null && Math.abs(finding.spendChange) < HELD;
  if (held && finding.change < 0 && RESULTS.includes(finding.metric))
    return `${head} while spend held: check conversion tracking`;
  return `${head}${spendClause(finding)}`;
}

function subjectOf(finding: Finding): string {
  const { label } = METRIC_CATALOG[finding.metric];
  const name = label === label.toUpperCase() ? label : label.toLowerCase();
  if (!finding.scope) return label;
  return `${finding.scope.value} ${name}`;
}

function spendClause(finding: Finding): string {
  const change = finding.spendChange;
  if (change === null) return "";
  if (Math.abs(change) < HELD) return " while spend held";
  return `, with spend ${change < 0 ? "down" : "up"} ${percent(change)}`;
}

function resultClause(finding: Finding): string {
  const result = finding.resultChange;
  if (!result) return "";
  const name = METRIC_CATALOG[result.metric].label.toLowerCase();
  if (Math.abs(result.change) < HELD) return ` while ${name} held`;
  return `, and ${name} ${result.change < 0 ? "fell" : "rose"} ${percent(result.change)}`;
}

function percent(change: number): string {
  return formatPercent(Math.abs(change), 0);
}

/** "Sep 18–21", "Sep 30–Oct 2", "Sep 18"; the year only when the days are in different years. */
export function describeDays(from: string, to: string): string {
  const first = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`);
  if (from === to) return shortDay.format(first);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${from}–${to}`;
  const start = shortDay.format(first);
  const end = from.slice(0, 7) === to.slice(0, 7) ? String(last.getUTCDate()) : shortDay.format(last);
  return `${start}–${end}`;
}
