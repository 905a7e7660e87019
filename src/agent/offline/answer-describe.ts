import type { Dataset } from "../../ingest/index.js";
import { breakdown, type Metric } from "../../metrics/index.js";
import { availableMetrics } from "../tool-support/metric-availability.js";
import type { JsonObject } from "../tools/tool.js";
import { spoken } from "./answer-other-measures.js";
import { dimensionWords, label, metricWords } from "./answer-wording.js";
import { defaultDimension, efficiencyMetric } from "./offline-plan.js";

const PREFERRED_DIMENSIONS = ["channel", "campaign", "ad_group", "country", "device", "ad"];

const PLATFORM_WORDS: Record<string, string> = {
  google_ads: "a Google Ads export",
  meta_ads: "a Meta Ads export",
  tiktok_ads: "a TikTok Ads export",
  linkedin_ads: "a LinkedIn Ads export",
  microsoft_ads: "a Microsoft Advertising export",
  amazon_ads: "an Amazon Ads export",
  snapchat_ads: "a Snapchat Ads export",
  pinterest_ads: "a Pinterest Ads export",
  reddit_ads: "a Reddit Ads export",
  x_ads: "an X Ads export",
  ga4: "a GA4 export",
  shopify: "a Shopify export",
  generic: "a spreadsheet export",
  webhook: "rows pushed by automations",
};

export function writeDescription(result: JsonObject, dataset: Dataset): string {
  const range = result.date_range as { from: string; to: string } | null;
  const dimensions = (result.dimensions ?? []) as Array<{ name: string; values: number; largest: string[] }>;
  const unavailable = Object.entries((result.metrics_unavailable ?? {}) as Record<string, string>);
  const missing = ["spend", "impressions", "clicks", "conversions", "revenue"].filter(
    (measure) => !((result.measures ?? []) as string[]).includes(measure),
  );
  const lines = [
    `**${result.file}**: ${result.rows} rows, ${range ? `${range.from} to ${range.to}` : "no dates"}, ${PLATFORM_WORDS[String(result.platform)] ?? "an export"}, currency ${result.currency ?? "not stated"}.`,
    `- Measures: ${((result.measures ?? []) as string[]).join(", ")}${missing.length > 0 ? `; missing: ${missing.join(", ")}` : ""}`,
    `- Dimensions: ${dimensions.map(dimensionLine).join("; ") || "none"}`,
    ...otherMeasuresLine(result),
    `- I can compute: ${((result.metrics_available ?? []) as Metric[]).map(label).join(", ")}`,
    ...unavailable.map(([metric, reason]) => `- No ${label(metric as Metric)}: it ${reason}`),
    `- ${String(result.relative_dates)}`,
    "Try asking:",
    ...exampleQuestions(dataset).map((question) => `- “${question}”`),
  ];
  return lines.join("\n");
}

function otherMeasuresLine(result: JsonObject): string[] {
  const names = (result.other_numeric_columns ?? []) as string[];
  return names.length > 0 ? [`- Other measures: ${names.map(spoken).join(", ")}`] : [];
}

function dimensionLine(item: { name: string; values: number; largest: string[] }): string {
  const count = `${item.values} ${item.values === 1 ? "value" : "values"}`;
  return `${dimensionWords(item.name)} (${count}, e.g. ${item.largest.slice(0, 3).join(", ")})`;
}

/** What the analyst answers, with three questions built from this file's own columns. */
export function writeHelp(dataset: Dataset): string {
  const dimension = defaultDimension(dataset);
  const filterHint = dimension ? `a ${dimensionWords(dimension)} name` : "a period";
  return [
    `I couldn't work out what you're asking. I answer questions about **${dataset.receipt.file}** from its own figures: totals and KPIs, the top or worst values of a dimension by a metric, trends, period comparisons, unusual days, why a metric changed, and charts, with filters such as ${filterHint} or "last 7 days".`,
    "Try:",
    ...exampleQuestions(dataset).map((question) => `- “${question}”`),
  ].join("\n");
}

export function exampleQuestions(dataset: Dataset): string[] {
  const { facts } = dataset;
  const dated = facts.days !== null;
  const efficiency = efficiencyMetric(dataset);
  const available = new Set(availableMetrics(facts));
  const first = defaultDimension(dataset);
  // A second dimension worth splitting by: more than one value, and few enough to read.
  const varied = Object.entries(facts.dimensions)
    .filter(([name, column]) => name !== first && column.values.length > 1 && column.values.length <= 50)
    .map(([name]) => name);
  const second = PREFERRED_DIMENSIONS.find((name) => varied.includes(name)) ?? varied[0] ?? first;
  const volume: Metric =
    (["conversions", "key_events", "spend", "sessions", "revenue", "clicks"] as const).find((metric) =>
      available.has(metric),
    ) ?? efficiency;
  if (!first) {
    return dated
      ? [
          `What is the total ${metricWords(volume)} and ${metricWords(efficiency)}?`,
          `Trend of ${metricWords(efficiency)} by week`,
          `Compare this week with last week`,
        ]
      : [
          `What is the total ${metricWords(volume)}?`,
          `What is the ${metricWords(efficiency)}?`,
          "What is in this file?",
        ];
  }
  const topValue = breakdown(facts, second ?? first, { limit: 1 })[0]?.key;
  const forValue = topValue ? ` for ${topValue}` : "";
  const questions = dated
    ? [
        `Top 5 ${dimensionWords(first, true)} by ${metricWords(efficiency)} in the last 30 days`,
        `Trend of ${metricWords(volume)} by week${forValue}`,
        `Why did ${metricWords(efficiency)} change last week?`,
      ]
    : [
        `Top 5 ${dimensionWords(first, true)} by ${metricWords(efficiency)}`,
        `${metricWords(volume)} by ${dimensionWords(second ?? first)}`,
        `Which ${dimensionWords(first)} has the ${efficiency === "cpa" ? "lowest" : "highest"} ${metricWords(efficiency)}${forValue}?`,
      ];
  return questions.map((question) => question.charAt(0).toUpperCase() + question.slice(1));
}
