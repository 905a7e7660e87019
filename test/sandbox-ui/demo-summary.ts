import type { Dataset } from "../../src/ingest/index.js";
import { type BreakdownRow, breakdown, type Figures, totals } from "../../src/metrics/index.js";

/**
 * Block Kit for an uploaded export, built from the real ingest and metrics modules so the sandbox is
 * tested (and photographed) on the shapes the product posts: header, context, fields, lists, buttons.
 */
const money = (value: number | null, currency: string | null) =>
  value === null
    ? "—"
    : new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: currency ?? "USD",
        maximumFractionDigits: 0,
      }).format(value);
const count = (value: number | null) =>
  value === null ? "—" : new Intl.NumberFormat("en-US").format(Math.round(value));
const ratio = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}x`);
const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(2)}%`);

export interface Summary {
  text: string;
  blocks: unknown[];
  rows: BreakdownRow[];
  dimension: string;
  totals: Figures;
}

function dimensionOf(dataset: Dataset): string {
  return dataset.receipt.columns.campaign ? "campaign" : "channel";
}

export function summarize(dataset: Dataset): Summary {
  const { receipt } = dataset;
  const figures = totals(dataset.facts);
  const dimension = dimensionOf(dataset);
  const rows = breakdown(dataset.facts, dimension);
  const currency = receipt.currency;
  const range = receipt.dateRange ? `${receipt.dateRange.from} → ${receipt.dateRange.to}` : "no dates";
  const platform = receipt.platform.replace("_", " ").replace(/\b\w/g, (c) => c.toUpperCase());
  const ranked = [...rows].filter((row) => row.roas !== null).sort((a, b) => (b.roas ?? 0) - (a.roas ?? 0));
  const best = ranked[0];
  const worst = ranked.at(-1);
  return {
    text: `${receipt.file}: spend ${money(figures.spend, currency)}, ROAS ${ratio(figures.roas)}`,
    dimension,
    rows,
    totals: figures,
    blocks: [
      { type: "header", text: { type: "plain_text", text: `:bar_chart: ${receipt.file}`, emoji: true } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `*${platform}* · ${receipt.rows} rows · ${range} · ${currency ?? "no currency"}`,
          },
        ],
      },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Spend*\n${money(figures.spend, currency)}` },
          { type: "mrkdwn", text: `*Revenue*\n${money(figures.revenue, currency)}` },
          { type: "mrkdwn", text: `*ROAS*\n${ratio(figures.roas)}` },
          { type: "mrkdwn", text: `*CPA*\n${money(figures.cpa, currency)}` },
          { type: "mrkdwn", text: `*Conversions*\n${count(figures.conversions)}` },
          { type: "mrkdwn", text: `*CTR*\n${percent(figures.ctr)}` },
        ],
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: [
            `*By ${dimension}*`,
            best ? `• Best ROAS: *${best.key}* at ${ratio(best.roas)}` : "",
            worst && worst !== best ? `• Weakest: _${worst.key}_ at ${ratio(worst.roas)} — worth a look` : "",
            "Ask me things like `which campaign should get more budget?`",
          ]
            .filter(Boolean)
            .join("\n"),
        },
      },
      { type: "divider" },
      {
        type: "actions",
        block_id: "follow-ups",
        elements: [
          {
            type: "button",
            action_id: "breakdown",
            style: "primary",
            value: dimension,
            text: { type: "plain_text", text: `Break down by ${dimension}` },
          },
          {
            type: "button",
            action_id: "trend",
            value: "roas",
            text: { type: "plain_text", text: "ROAS trend" },
          },
        ],
      },
    ],
  };
}

export function breakdownBlocks(summary: Summary, currency: string | null): unknown[] {
  const lines = summary.rows
    .slice(0, 6)
    .map(
      (row, index) =>
        `${index + 1}. *${row.key}* — ${money(row.spend, currency)} spend, ROAS ${ratio(row.roas)}`,
    );
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*Spend by ${summary.dimension}*\n${lines.join("\n")}` },
    },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: "Sorted by spend · figures from the metrics engine" }],
    },
  ];
}
