import { z } from "zod";
import { type ChartBasics, renderPng } from "../../charts/index.js";
import { dateRangeOf } from "../../ingest/index.js";
import { GRAINS } from "../../metrics/index.js";
import {
  type BuiltChart,
  CHART_KINDS,
  chartFromScope,
  periodChangeChart,
} from "../tool-support/chart-specs.js";
import { defaultGrain } from "../tool-support/default-grain.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveComparison, resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject, type ToolContext } from "./tool.js";

const chartArgs = z.object({
  kind: z.enum(CHART_KINDS),
  metric: metricArg.optional().describe("Needed for trend and breakdown; roas or cpa for efficiency"),
  dimension: z.string().min(1).optional().describe("Needed for breakdown, spend_vs_revenue and efficiency"),
  grain: z.enum(GRAINS).optional().describe("For trend: day, week or month (default: by the span)"),
  top: z
    .number()
    .int()
    .min(3)
    .max(20)
    .optional()
    .describe("Bars before the rest are pooled as Other (default 10)"),
  ...scopeShape,
});
type ChartArgs = z.output<typeof chartArgs>;

export const renderChart = defineTool({
  name: "render_chart",
  description:
    "Draws a chart as a PNG that is attached to your reply; you get back only its handle (id, kind, title), so mention the chart in your text without describing pixels. Kinds: trend (metric over time, with grain), breakdown (metric by dimension, largest first), spend_vs_revenue (by dimension), efficiency (spend vs roas or cpa by dimension), funnel (impressions, clicks, conversions), period_change (change of every metric vs the previous period; period or date_range is the current period). Use when the user asks for a chart, graph, plot or visual.",
  schema: chartArgs,
  async run(context, args) {
    const built = buildChart(context, args);
    const png = await renderPng(built.chart.spec);
    const handle = { id: `chart-${context.charts.length + 1}`, kind: args.kind, title: built.chart.title };
    context.charts.push({ ...handle, png });
    return { chart: handle, scope: built.described, note: "the chart is attached to the reply" };
  },
});

function buildChart(context: ToolContext, args: ChartArgs): { chart: BuiltChart; described: JsonObject } {
  const { receipt } = context.dataset;
  if (args.metric) requireMetrics(context.dataset.facts, [args.metric]);
  const scopeWords = filterWords(args.filters);
  if (args.kind === "period_change") {
    const comparison = resolveComparison(context, { ...args, current: args.date_range });
    const basics: ChartBasics = {
      context: { source: receipt.file, dateRange: comparison.current, currency: receipt.currency },
      scope: scopeWords,
    };
    return { chart: periodChangeChart(comparison, basics), described: comparison.described };
  }
  const scope = resolveScope(context, args);
  const basics: ChartBasics = {
    context: {
      source: receipt.file,
      dateRange: scope.range ?? dateRangeOf(scope.facts),
      currency: receipt.currency,
    },
    scope: scopeWords,
  };
  const grain = args.grain ?? defaultGrain(scope.range, scope.facts);
  const request = { kind: args.kind, metric: args.metric, dimension: args.dimension, grain, top: args.top };
  return { chart: chartFromScope(scope, request, basics), described: scope.described };
}

/** The filters as a chart subtitle says them: "Meta · US". */
function filterWords(filters: ChartArgs["filters"]): string | undefined {
  if (!filters || filters.length === 0) return undefined;
  return filters.map((filter) => filter.values.join(", ")).join(" · ");
}
