import type { types } from "@slack/bolt";
import { formatCount, formatFigure } from "../../format/format-figures.js";
import { describePeriod, PLATFORM_LABELS } from "../../format/format-receipt.js";
import { channelLink, Markup, mention, mrkdwn } from "../../format/slack-text.js";
import { type Figures, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { DatasetRecord } from "../../store/index.js";
import { type Block, context, divider, fields, header, section } from "./block-kit.js";

export interface HomeView {
  datasets: DatasetRecord[];
  latest: { record: DatasetRecord; figures: Figures } | null;
  alertRules: number;
}

const HOME_METRICS: Metric[] = ["spend", "revenue", "roas", "conversions", "cpa", "ctr"];

/**
 * The App Home tab: how to use the bot, the latest figures, and the datasets the person may see (those of
 * conversations they belong to; the caller chooses them).
 */
export function homeView(view: HomeView): types.HomeView {
  const blocks: Block[] = [
    header("Marketing Performance Optimizer"),
    section(
      [
        "*Your AI analyst for ad exports.*",
        "• Drop a Google Ads, Meta, TikTok, LinkedIn, Microsoft Ads, Amazon Ads, Snapchat, Pinterest, Reddit, X, GA4 or Shopify export (or any CSV) in a channel I'm in: I reply in its thread with the KPIs and charts.",
        "• Ask follow-up questions in that thread, mention me, or message me directly: _which campaigns should I cut?_",
        "• `/report [period] [by dimension]` posts the whole picture; `/alert add roas < 2 window 1d` watches live data.",
        "Every figure comes from the metrics engine and is checked before I say it.",
      ].join("\n"),
    ),
  ];
  if (view.latest) {
    const { record, figures } = view.latest;
    const currency = record.receipt.currency;
    blocks.push(
      divider(),
      section(mrkdwn`*Latest figures* — ${record.name} in ${channelLink(record.channel)}`),
      ...fields(
        HOME_METRICS.filter((metric) => figures[metric] !== null).map(
          (metric) =>
            mrkdwn`*${METRIC_CATALOG[metric].label}*\n${formatFigure(metric, figures[metric], currency)}`,
        ),
      ),
    );
  }
  blocks.push(divider(), section(`*Datasets* (${view.datasets.length})`));
  if (view.datasets.length === 0) {
    blocks.push(context(["No exports yet: upload a CSV to any channel I'm in."]));
  }
  for (const record of view.datasets) {
    const sharer = new Markup(record.uploadedBy ? mrkdwn` by ${mention(record.uploadedBy)}` : "");
    blocks.push(
      section(
        mrkdwn`*${record.name}* · ${channelLink(record.channel)}\n${PLATFORM_LABELS[record.receipt.platform]} · ${formatCount(record.rowCount)} rows · ${describePeriod(record.receipt.dateRange)} · shared ${record.createdAt.slice(0, 10)}${sharer}`,
      ),
    );
  }
  const rules = `${view.alertRules} alert ${view.alertRules === 1 ? "rule" : "rules"}`;
  blocks.push(divider(), context([`${rules} watching live data`]));
  return { type: "home", blocks };
}
