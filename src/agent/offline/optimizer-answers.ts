import {
  formatCount,
  formatFigure,
  formatMoney,
  formatNumber,
  formatPercent,
} from "../../format/format-figures.js";
import { literalMarkdown } from "../../format/slack-markdown.js";
import type { Dataset } from "../../ingest/index.js";
import type { Metric } from "../../metrics/index.js";
import type { ToolCallRecord } from "../tool-runner.js";
import type { Json, JsonObject } from "../tools/tool.js";
import type { OptimizerQuestion } from "./optimizer-questions.js";

/**
 * The optimizer's answers in words: the figure first, its interval always beside it, and the
 * verdict the tool gave (significant or not, backed by the data or not) said as it is. Nothing here
 * calls one side a winner: only a significant result gets "higher" or "lower" at all.
 */
export function writeOptimizerAnswer(
  read: OptimizerQuestion,
  record: ToolCallRecord,
  dataset: Dataset,
): string {
  const currency = dataset.receipt.currency;
  const reading = `_Read as: ${read.reading}, from ${dataset.receipt.file}._`;
  if (!record.ok) {
    const reason = record.internal ? "I couldn't set up that calculation" : record.error;
    return `I can't answer that reliably from *${dataset.receipt.file}*: ${reason}.\n${reading}`;
  }
  const result = record.result as JsonObject;
  const body =
    read.kind === "forecast"
      ? forecastText(result, currency)
      : read.kind === "budget"
        ? budgetText(result, currency)
        : read.kind === "significance"
          ? significanceText(result, currency)
          : patternText(result, currency, read.worstAsked === true);
  return `${body}\n${reading}`;
}

function amount(metric: string, value: Json | undefined, currency: string | null): string {
  const number = typeof value === "number" ? value : 0;
  if (metric === "spend" || metric === "revenue") return formatMoney(number, currency);
  return formatCount(Math.round(number));
}

function forecastText(result: JsonObject, currency: string | null): string {
  const window = result.window as JsonObject;
  const figures = result.figures as JsonObject;
  const lines = [`**Forecast for ${window.label} (${window.from} to ${window.to})**`];
  for (const [metric, raw] of Object.entries(figures)) {
    const figure = raw as JsonObject;
    const so =
      figure.so_far !== undefined
        ? `: ${amount(metric, figure.so_far, currency)} so far plus ${amount(metric, figure.forecast_rest, currency)} forecast for the rest`
        : "";
    lines.push(
      `- ${metric[0]?.toUpperCase()}${metric.slice(1)} lands at about **${amount(metric, figure.expected, currency)}** (likely ${amount(metric, figure.likely_low, currency)}–${amount(metric, figure.likely_high, currency)})${so}`,
    );
    const backtest = figure.backtest_error;
    if (backtest && typeof backtest === "object" && !Array.isArray(backtest)) {
      lines.push(
        `  Backtested on this data: off by ${formatPercent(Number(backtest.forecast), 0)} on average over ${backtest.origins} past starts, against ${formatPercent(Number(backtest.seasonal_naive), 0)} for repeating last week.`,
      );
    }
  }
  if (result.note) lines.push(String(result.note));
  lines.push(
    `“Likely” is an 80% interval from this forecast's own past errors. History: ${(result.history as JsonObject).from} to ${(result.history as JsonObject).to}. A planned budget change or a launch is not foreseen.`,
  );
  if (result.gaps) lines.push(`Note: ${result.gaps}.`);
  return lines.join("\n");
}

function budgetText(result: JsonObject, currency: string | null): string {
  const results = String(result.results);
  const fitted = (result.fitted ?? []) as JsonObject[];
  const refused = (result.refused ?? []) as JsonObject[];
  const recommendation = result.recommendation;
  const lines: string[] = [];
  if (recommendation && typeof recommendation === "object" && !Array.isArray(recommendation)) {
    const moves = (recommendation.moves ?? []) as JsonObject[];
    const gain = (value: Json | undefined) =>
      results === "revenue" ? formatMoney(Number(value), currency) : formatCount(Math.round(Number(value)));
    const range = `likely ${gain(recommendation.likely_low)} to ${gain(recommendation.likely_high)}`;
    if (moves.length > 0 && recommendation.backed_by_data === true) {
      for (const move of moves.slice(0, 3)) {
        lines.push(
          `**Move ${formatMoney(Number(move.spend_per_week), currency)}/week from ${move.from} to ${move.to}**`,
        );
      }
      lines.push(
        `Expected: ${signed(gain(recommendation.extra_results_per_week))} ${results} a week (${range}), same total spend.`,
      );
    } else {
      lines.push(
        `**No budget move is clearly backed by the data.** The best move found would add ${gain(recommendation.extra_results_per_week)} ${results} a week (${range}), and that range includes no gain.`,
      );
    }
  } else if (typeof recommendation === "string") {
    lines.push(`**No reallocation:** ${recommendation.replace(/^no reallocation: /, "")}.`);
  }
  for (const campaign of fitted.slice(0, 6)) {
    const marginal =
      campaign.marginal_roas !== undefined
        ? `marginal ROAS ${formatFigure("roas", Number(campaign.marginal_roas), currency)} (likely ${formatFigure("roas", Number(campaign.marginal_roas_low), currency)}–${formatFigure("roas", Number(campaign.marginal_roas_high), currency)})`
        : `marginal CPA ${cpa(campaign.marginal_cpa, currency)} (likely ${cpa(campaign.marginal_cpa_low, currency)}–${cpa(campaign.marginal_cpa_high, currency)})`;
    lines.push(
      `- ${literalMarkdown(String(campaign.name))}: ${formatMoney(Number(campaign.current_spend_per_day), currency)}/day now, ${marginal}; ${campaign.curve}`,
    );
  }
  for (const item of refused.slice(0, 4))
    lines.push(`- ${literalMarkdown(String(item.name))}: not fitted, ${item.reason}`);
  if (refused.length > 4 || result.refused_more)
    lines.push(`- and ${refused.length - 4 + Number(result.refused_more ?? 0)} more not fitted`);
  lines.push(
    "Marginal = what the next dollar brings at today's spend, read from each campaign's own days (last 90); “likely” ranges come from refitting on resampled weeks. This is correlational: confirm a big move with a holdout test.",
  );
  return lines.join("\n");
}

function cpa(value: Json | undefined, currency: string | null): string {
  return typeof value === "number" ? formatMoney(value, currency) : "n/a";
}

function signed(text: string): string {
  return text.startsWith("-") || text.startsWith("−") ? text : `+${text}`;
}

function significanceText(result: JsonObject, currency: string | null): string {
  const metric = String(result.metric) as Metric;
  const first = result.first as JsonObject;
  const second = result.second as JsonObject;
  const show = (value: Json | undefined) => formatFigure(metric, Number(value), currency);
  const diff = (value: Json | undefined) =>
    metric === "ctr" || metric === "cvr"
      ? `${formatNumber(Number(value) * 100, 2)} pts`
      : formatFigure(metric, Number(value), currency);
  const lines = [
    `**${metric.toUpperCase()}: ${literalMarkdown(String(first.segment))} ${show(first.value)} vs ${literalMarkdown(String(second.segment))} ${show(second.value)}**`,
    `${result.significant ? "Significant" : "Not significant"} (p = ${formatNumber(Number(result.p_value), 3)}): ${String(result.verdict).replace(/^(?:not )?significant(?: at 95%)?: /, "")}.`,
    `Difference ${diff(result.difference)}, 95% interval ${diff(result.interval_low)} to ${diff(result.interval_high)}.`,
  ];
  if (result.sample_needed) lines.push(`To settle it: ${result.sample_needed}.`);
  lines.push(`Method: ${result.method}.`);
  return lines.join("\n");
}

/**
 * A weekday (or hour) pattern: the one that spent with no results first when there is one (it has no cost
 * per result, yet it is the worst), then the best and whether the weekday matters, then every label.
 */
function patternText(result: JsonObject, currency: string | null, worstAsked: boolean): string {
  const metric = String(result.metric) as Metric;
  const labels = (result.labels ?? []) as JsonObject[];
  const show = (value: Json | undefined) => formatFigure(metric, Number(value), currency);
  const hourly = result.by === "hour";
  const byWhat = hourly ? "hour" : "day of the week";
  const name = metric.toUpperCase();
  const unpriced = labels.find(
    (item) => item.name === result.worst && typeof item.spent_with_no === "string",
  );
  const lines: string[] = [];
  if (unpriced) {
    lines.push(
      `**${unpriced.name} has the worst ${name} by ${byWhat}: ${formatMoney(Number(unpriced.spend), currency)} spent with no ${unpriced.spent_with_no}**`,
    );
  }
  const among = unpriced ? ` among the ${hourly ? "hours" : "days"} with a ${name}` : "";
  if (result.best === null || result.best === undefined) {
    lines.push(`**No ${hourly ? "hour" : "day"} has a ${name} to compare.**`);
  } else if (worstAsked && !unpriced) {
    // Asked for the worst, the worst heads the answer; a day that spent with no results already does.
    lines.push(
      result.significant
        ? `**${result.worst} has the worst ${name} by ${byWhat}, and the ${result.by} matters beyond chance**`
        : `**No ${hourly ? "hour" : "day"} is reliably worst for ${name}**: ${result.worst} looks worst on paper, but the differences are within what chance gives`,
    );
  } else if (result.significant) {
    lines.push(
      `**${result.best} has the best ${name} by ${byWhat}, and the ${result.by} matters beyond chance${among}**`,
    );
  } else {
    lines.push(
      `**No ${hourly ? "hour" : "day"} is reliably best for ${name}**${among}: ${result.best} looks best on paper, but the differences are within what chance gives`,
    );
  }
  for (const item of labels) lines.push(`- ${item.name}: ${labelFigure(item, show, currency, name)}`);
  lines.push(
    `Shuffle test over ${result.full_blocks} full ${hourly ? "days" : "weeks"}: p = ${formatNumber(Number(result.p_value), 3)}. Figures are ${result.figure_is}.`,
  );
  return lines.join("\n");
}

function labelFigure(
  item: JsonObject,
  show: (value: Json | undefined) => string,
  currency: string | null,
  metric: string,
): string {
  if (typeof item.spent_with_no === "string")
    return `no ${item.spent_with_no} on ${formatMoney(Number(item.spend), currency)} spend`;
  if (typeof item.no === "string") return `no ${item.no}, so no ${metric}`;
  return `${show(item.value)} (95%: ${show(item.low)}–${show(item.high)})`;
}
