import { formatChange, formatFigure } from "../../format/format-figures.js";
import { mrkdwn } from "../../format/slack-text.js";
import { METRIC_CATALOG, METRICS, type Metric } from "../../metrics/index.js";
import type { PerformanceSummary } from "../../report/performance-summary.js";
import { type Block, fields, section } from "./block-kit.js";

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
 * The figures of a summary as Block Kit: the KPIs with their change against the previous period, the best
 * and worst segments by the key metric, and the days that broke pattern. Shared by the upload reply and
 * /report so a number reads the same everywhere.
 */
export function summaryBlocks(summary: PerformanceSummary, currency: string | null): Block[] {
  const blocks: Block[] = [...fields(kpiFields(summary, currency))];
  if (summary.comparison) {
    const { current, previous } = summary.comparison;
    blocks.push(
      section(
        `_Changes compare ${current.range.from} → ${current.range.to} with ${previous.range.from} → ${previous.range.to}._`,
      ),
    );
  }
  const leaders = leaderText(summary, currency);
  if (leaders) blocks.push(section(leaders));
  const unusual = anomalyText(summary, currency);
  if (unusual) blocks.push(section(unusual));
  return blocks;
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

function arrow(relative: number | null): string {
  if (relative === null || relative === 0) return "→";
  return relative > 0 ? "▲" : "▼";
}

function leaderText(summary: PerformanceSummary, currency: string | null): string | null {
  const leaders = summary.leaders;
  if (!leaders || leaders.best.length === 0) return null;
  const dimension = leaders.dimension.replaceAll("_", " ");
  const label = METRIC_CATALOG[leaders.metric].label;
  const line = (row: (typeof leaders.best)[number]) =>
    mrkdwn`${row.rank}. ${row.key} — ${label} ${formatFigure(leaders.metric, row[leaders.metric], currency)}${
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

function anomalyText(summary: PerformanceSummary, currency: string | null): string | null {
  if (summary.anomalies.length === 0) return null;
  const lines = summary.anomalies.map((anomaly) => {
    const metric = METRICS.includes(anomaly.metric) ? anomaly.metric : "spend";
    return `• ${anomaly.date}: ${METRIC_CATALOG[metric].label} ${formatFigure(metric, anomaly.actual, currency)} (${anomaly.direction} the usual ${formatFigure(metric, anomaly.expected.low, currency)}–${formatFigure(metric, anomaly.expected.high, currency)})`;
  });
  return [`*Unusual days*`, ...lines].join("\n");
}
