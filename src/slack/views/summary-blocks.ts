import { formatChange, formatFigure } from "../../format/format-figures.js";
import { mrkdwn } from "../../format/slack-text.js";
import { METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import { describeDays, describeFinding } from "../../report/findings/describe-finding.js";
import type { PerformanceSummary } from "../../report/performance-summary.js";
import { type Block, context, fields, section } from "./block-kit.js";

const HEADLINE_METRICS: Metric[] = [
  "spend",
  "revenue",
  "roas",
  "conversions",
  "cpa",
  "ctr",
  "clicks",
  "impressions",
  "cpc",
  "cvr",
  "sessions",
  "engaged_sessions",
  "engagement_rate",
  "key_events",
];

/**
 * The figures of a summary as Block Kit: the KPIs of the summary's period (with their change when a period
 * was compared, stated), the last 7 days against the 7 before on a line of their own, and the best and
 * weakest segments by the key metric. Shared by the upload reply and /report so a number reads the same
 * everywhere; what stands out comes first, from `findingBlocks`.
 */
export function summaryBlocks(summary: PerformanceSummary, currency: string | null): Block[] {
  const blocks: Block[] = [...fields(kpiFields(summary, currency))];
  if (summary.comparison) {
    const { current, previous } = summary.comparison;
    blocks.push(
      context([
        `Changes compare ${describeDays(current.range.from, current.range.to)} with ${describeDays(previous.range.from, previous.range.to)}.`,
      ]),
    );
  }
  const recent = recentText(summary, currency);
  if (recent) blocks.push(section(recent));
  const leaders = leaderText(summary, currency);
  if (leaders) blocks.push(section(leaders));
  return blocks;
}

/** "What stands out": the one or two findings a marketer should read before any figure. */
export function findingBlocks(summary: PerformanceSummary, currency: string | null): Block[] {
  if (summary.findings.length === 0) return [];
  const lines = summary.findings.map((finding) => mrkdwn`• ${describeFinding(finding, currency)}`);
  return [section([`*What stands out*`, ...lines].join("\n"))];
}

function kpiFields(summary: PerformanceSummary, currency: string | null): string[] {
  return HEADLINE_METRICS.filter((metric) => summary.figures[metric] !== null)
    .slice(0, 8)
    .map((metric) => {
      const value = formatFigure(metric, summary.figures[metric], currency);
      const delta = summary.comparison?.deltas[metric];
      const change =
        delta && summary.comparison?.current.figures[metric] !== null
          ? `  ${arrow(delta.relative)} ${formatChange(delta.relative, delta.absolute)}`
          : "";
      return `*${METRIC_CATALOG[metric].label}*\n${value}${change}`;
    });
}

const RECENT_SHOWN = 3;

/** The latest days against the same number before, in one stated line: the key metric first, then results. */
function recentText(summary: PerformanceSummary, currency: string | null): string | null {
  const recent = summary.recent;
  if (!recent) return null;
  const key = summary.leaders?.metric;
  const order = [...new Set([...(key ? [key] : []), ...HEADLINE_METRICS])];
  const parts = order
    .filter((metric) => recent.current.figures[metric] !== null && recent.deltas[metric]?.relative != null)
    .slice(0, RECENT_SHOWN)
    .map((metric) => {
      const { relative, absolute } = recent.deltas[metric];
      const now = formatFigure(metric, recent.current.figures[metric], currency);
      return `${METRIC_CATALOG[metric].label} ${now} (${formatChange(relative, absolute)})`;
    });
  if (parts.length === 0) return null;
  const { current, previous } = recent;
  const days = describeDays(current.range.from, current.range.to);
  const before = describeDays(previous.range.from, previous.range.to);
  return `*${days}* against ${before}: ${parts.join(" · ")}`;
}

function arrow(relative: number | null): string {
  if (relative === null || relative === 0) return "→";
  return relative > 0 ? "▲" : "▼";
}

function leaderText(summary: PerformanceSummary, currency: string | null): string | null {
  const leaders = summary.leaders;
  if (!leaders || leaders.best.length === 0) return null;
  const dimension = leaders.dimension.replaceAll("_", " ");
  const label = METRIC_CATALOG[leaders.metric].label;
  const figure = (row: (typeof leaders.best)[number]) =>
    row.withoutResults && leaders.resultMeasure
      ? `no ${METRIC_CATALOG[leaders.resultMeasure].label.toLowerCase()}`
      : `${label} ${formatFigure(leaders.metric, row[leaders.metric], currency)}`;
  const line = (row: (typeof leaders.best)[number]) =>
    mrkdwn`${row.rank}. ${row.key} — ${figure(row)}${
      row.spend !== null && leaders.metric !== "spend"
        ? ` (spend ${formatFigure("spend", row.spend, currency)})`
        : ""
    }`;
  const lines = [mrkdwn`*Best ${dimension}s by ${label}*`, ...leaders.best.map(line)];
  if (leaders.worst.length > 0)
    lines.push(mrkdwn`*Weakest ${dimension}s by ${label}*`, ...leaders.worst.map(line));
  if (leaders.minSpend !== null && leaders.minSpend > 0) {
    lines.push(
      mrkdwn`_Only ${dimension}s that spent at least ${formatFigure("spend", leaders.minSpend, currency)} are ranked._`,
    );
  }
  return lines.join("\n");
}
