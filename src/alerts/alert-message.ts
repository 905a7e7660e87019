import type { types } from "@slack/bolt";
import { dimensionValueLabel } from "../format/dimension-value.js";
import { formatFigure } from "../format/format-figures.js";
import { codeSpan, mrkdwn } from "../format/slack-text.js";
import type { DateRange } from "../ingest/index.js";
import type { Metric } from "../metrics/index.js";
import { METRIC_CATALOG } from "../metrics/index.js";
import type { AlertExplanation } from "./alert-explanation.js";
import type { AlertRule } from "./alert-rule.js";
import type { Verdict } from "./evaluate-rule.js";
import { comparisonWords } from "./rule-text.js";

export interface SlackMessage {
  /** The notification and screen-reader text; the blocks say the same at more length. */
  text: string;
  blocks: types.KnownBlock[];
}

/** The button under every alert; its value is the alert's id, for the Slack app to open the analyst. */
export const OPEN_ANALYST_ACTION = "alert_open_analyst";

export interface AlertMessageInput {
  alertId: number;
  ruleId: number;
  /** The rule as stored, shown so people can copy or remove it. */
  definition: string;
  rule: AlertRule;
  verdict: Verdict;
  window: DateRange;
  explanation: AlertExplanation;
}

/** Which rows the alert is about: "campaign Summer Sale · channel Meta Ads", or all live data. */
export function scopeWords(rule: AlertRule, verdict: Verdict): string {
  const parts = [
    verdict.segment !== null && rule.by ? `${rule.by} ${dimensionValueLabel(rule.by, verdict.segment)}` : "",
    rule.scope
      ? `${rule.scope.dimension} ${dimensionValueLabel(rule.scope.dimension, rule.scope.value)}`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "all live data";
}

function periodWords(window: DateRange): string {
  return window.from === window.to ? `today (${window.to})` : `over ${window.from} to ${window.to}`;
}

/** One line saying what crossed which line, with the figures: the alert's text and stored summary. */
export function alertSummary(
  rule: AlertRule,
  verdict: Verdict,
  window: DateRange,
  currency: string | null,
): string {
  const label = METRIC_CATALOG[rule.metric].label;
  const show = (value: number | null) => formatFigure(rule.metric, value, currency);
  const scope = scopeWords(rule, verdict);
  switch (rule.kind) {
    case "threshold":
      return `${label} is ${show(verdict.value)} ${periodWords(window)}, ${comparisonWords(rule.comparison)} the threshold of ${show(rule.threshold)} — ${scope}`;
    case "daily-average":
      return `${label} today is ${show(verdict.value)}, ${comparisonWords(rule.comparison)} ${rule.factor}x its daily average of ${show(verdict.baseline)} (limit ${show(verdict.limit)}) — ${scope}`;
    case "anomaly": {
      const anomaly = verdict.anomaly;
      const band = anomaly ? `${show(anomaly.expected.low)}–${show(anomaly.expected.high)}` : "n/a";
      const direction = anomaly?.direction === "below" ? "low" : "high";
      return `${label} was unusually ${direction} on ${anomaly?.date ?? window.to}: ${show(verdict.value)}, where a usual day is ${band} — ${scope}`;
    }
  }
}

function headline(rule: AlertRule, currency: string | null): string {
  const label = METRIC_CATALOG[rule.metric].label;
  switch (rule.kind) {
    case "threshold":
      return `${label} ${comparisonWords(rule.comparison)} ${formatFigure(rule.metric, rule.threshold, currency)}`;
    case "daily-average":
      return `${label} today ${comparisonWords(rule.comparison)} ${rule.factor}x the daily average`;
    case "anomaly":
      return `Unusual ${label}`;
  }
}

function signed(metric: Metric, value: number, currency: string | null): string {
  return `${value < 0 ? "−" : "+"}${formatFigure(metric, Math.abs(value), currency)}`;
}

function driverLines(rule: AlertRule, explanation: AlertExplanation): string | null {
  const { dimension, drivers, previous, currency } = explanation;
  if (!dimension || drivers.length === 0) return null;
  const show = (value: number | null) => formatFigure(rule.metric, value, currency);
  const label = METRIC_CATALOG[rule.metric].label;
  const heading = previous
    ? mrkdwn`*What drives it*, by ${dimension}, against ${previous.from === previous.to ? previous.from : `${previous.from} to ${previous.to}`}:`
    : mrkdwn`*Largest ${dimension} values* in the window:`;
  const lines = drivers.map((driver) => {
    const key = dimensionValueLabel(dimension, driver.key);
    const spend = driver.spend === null ? "" : ` · spend ${formatFigure("spend", driver.spend, currency)}`;
    if (driver.contribution === null) return mrkdwn`• *${key}*: ${label} ${show(driver.current)}${spend}`;
    const was = driver.previous === null ? "new" : `was ${show(driver.previous)}`;
    return mrkdwn`• *${key}*: ${label} ${show(driver.current)} (${was}), ${signed(rule.metric, driver.contribution, currency)} of the change${spend}`;
  });
  return [heading, ...lines].join("\n");
}

export function alertMessage(input: AlertMessageInput): SlackMessage {
  const { rule, verdict, window, explanation } = input;
  const { currency } = explanation;
  const summary = alertSummary(rule, verdict, window, currency);
  const spend =
    verdict.spend === null ? "" : `\nSpend in the window: ${formatFigure("spend", verdict.spend, currency)}`;
  const drivers = driverLines(rule, explanation);
  const blocks: types.KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: `:rotating_light: ${headline(rule, currency)}`, emoji: true },
    },
    { type: "section", text: { type: "mrkdwn", text: mrkdwn`${summary}${spend}`, verbatim: true } },
    ...(drivers
      ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: drivers, verbatim: true } }]
      : []),
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: mrkdwn`Rule ${input.ruleId}: ${codeSpan(input.definition)} · live data up to ${window.to} · \`/alert remove ${input.ruleId}\` to stop it`,
          verbatim: true,
        },
      ],
    },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: OPEN_ANALYST_ACTION,
          text: { type: "plain_text", text: "Ask the analyst about this" },
          value: String(input.alertId),
          style: "primary",
        },
      ],
    },
  ];
  return { text: mrkdwn`Alert: ${summary}`, blocks };
}

/** Posted in the alert's thread when the metric is back on the right side of the line. */
export function resolvedMessage(
  rule: AlertRule,
  verdict: Verdict,
  window: DateRange,
  currency: string | null,
): SlackMessage {
  const label = METRIC_CATALOG[rule.metric].label;
  const show = (value: number | null) => formatFigure(rule.metric, value, currency);
  const line =
    rule.kind === "threshold"
      ? `${label} is back to ${show(verdict.value)} ${periodWords(window)}; the threshold is ${show(rule.threshold)}`
      : rule.kind === "daily-average"
        ? `${label} today is back to ${show(verdict.value)}; the limit is ${show(verdict.limit)}`
        : `${label} is back within its usual range at ${show(verdict.value)}`;
  const text = mrkdwn`Resolved: ${line} — ${scopeWords(rule, verdict)}.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:white_check_mark: ${text}`, verbatim: true } },
    ],
  };
}
