import { z } from "zod";
import { renderPng } from "../../charts/index.js";
import { type ResponseCurveSeries, responseCurveChartSpec } from "../../charts/response-curve.js";
import { dateRangeOf, type MeasureValues } from "../../ingest/index.js";
import { dimensionColumn, MetricsError } from "../../metrics/index.js";
import { type BudgetPlan, type FittedCampaign, planBudget } from "../../optimizer/budget-moves.js";
import type { CampaignDays } from "../../optimizer/budget-readiness.js";
import { dailySeriesBy } from "../../optimizer/daily-series.js";
import { quantilesOf } from "../../optimizer/quantiles.js";
import { predictResults } from "../../optimizer/response-curve.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject, type ToolContext } from "./tool.js";

const CURVE_POINTS = 40;

export const budgetMovesTool = defineTool({
  name: "budget_moves",
  description:
    "Where the next dollar should go: fits a diminishing-returns curve of daily conversions (or revenue) to daily spend per campaign (or ad set) from the daily data, with bootstrap intervals, gives each one's marginal ROAS or CPA at its current spend, and recommends moving spend between them for the same total, with the expected extra results a week and an 80% interval; draws the response curves. Refuses, per campaign and with the reason, when there are too few days, spend never varied, or tracking looks broken. Correlational: a holdout test is the proof. Use for 'where should I move budget?', 'what's the marginal ROAS if we scale X?'.",
  schema: z.object({
    dimension: z.string().min(1).optional().describe("campaign (default) or ad_group"),
    results: z
      .enum(["conversions", "revenue"])
      .optional()
      .describe("What the curve predicts; revenue by default when the data has it"),
    filters: scopeShape.filters,
    source: scopeShape.source,
    chart: z.boolean().optional().describe("Draw the response-curve chart (default true)"),
  }),
  async run(context, args) {
    const scope = resolveScope(context, { filters: args.filters, source: args.source });
    const facts = scope.facts;
    if (!facts.days) throw new MetricsError("this data has no dates; response curves need daily rows");
    if (!facts.measures.spend)
      throw new MetricsError("this data has no spend, so there is no budget to move");
    const results = args.results ?? (hasAny(facts.measures.revenue) ? "revenue" : "conversions");
    if (!hasAny(facts.measures[results])) {
      throw new MetricsError(`this data records no ${results}, so spend cannot be tied to results`);
    }
    const dimension = args.dimension ?? "campaign";
    dimensionColumn(facts, dimension);
    const campaigns: CampaignDays[] = [...dailySeriesBy(facts, dimension, scope.filter)].map(
      ([name, series]) => ({
        name,
        firstDay: series.firstDay,
        spend: series.values.spend,
        results: series.values[results],
      }),
    );
    const plan = planBudget(campaigns, results);
    const result: JsonObject = {
      scope: scope.described,
      results,
      grouped_by: dimension,
      interval_level: 0.8,
      fitted_count: plan.fitted.length,
      fitted: plan.fitted.map((campaign) => describeCampaign(campaign, results)),
      refused: plan.refused.slice(0, 12).map((item) => ({ ...item })),
      method:
        "results a day = ceiling × spend / (spend + half-saturation spend), fitted on the last 90 days; intervals are the middle 80% of 300 week-block bootstrap refits; moves stay within 50–150% of current spend and below the most each has spent in a day",
    };
    if (plan.refused.length > 12) result.refused_more = plan.refused.length - 12;
    if (plan.fitted.length < 2) {
      result.recommendation = `no reallocation: it needs at least two ${dimension} values with a usable curve, and ${plan.fitted.length} has one`;
      return result;
    }
    result.recommendation = describePlan(plan);
    if (args.chart !== false && plan.transfers.length > 0)
      result.chart = await drawChart(context, plan, results);
    return result;
  },
});

function hasAny(values: MeasureValues | undefined): boolean {
  if (!values) return false;
  for (const value of values) if (value > 0) return true;
  return false;
}

function describeCampaign(campaign: FittedCampaign, results: "conversions" | "revenue"): JsonObject {
  const { marginal } = campaign;
  const shape = campaign.curve.kappa === null ? "no saturation seen" : "diminishing returns";
  const common = {
    name: campaign.name,
    current_spend_per_day: campaign.current,
    results_per_day: campaign.resultsPerDay,
    curve: shape,
    spend_seen_per_day: { low: campaign.seen.low, high: campaign.seen.high },
  };
  if (results === "revenue") {
    return {
      ...common,
      marginal_roas: marginal.expected,
      marginal_roas_low: marginal.low,
      marginal_roas_high: marginal.high,
    };
  }
  const cpa = (value: number) => (value > 0 ? 1 / value : null);
  return {
    ...common,
    marginal_cpa: cpa(marginal.expected),
    // A lower marginal return is a higher cost per extra conversion, so the ends swap.
    marginal_cpa_low: cpa(marginal.high),
    marginal_cpa_high: cpa(marginal.low),
  };
}

function describePlan(plan: BudgetPlan): JsonObject {
  return {
    moves: plan.transfers.map((transfer) => ({
      from: transfer.from,
      to: transfer.to,
      spend_per_week: transfer.perWeek,
    })),
    extra_results_per_week: plan.gain.expected,
    likely_low: plan.gain.low,
    likely_high: plan.gain.high,
    backed_by_data: plan.clear,
    ...(plan.clear
      ? {}
      : { note: "the interval includes no gain or a loss: the data does not show that moving spend helps" }),
  };
}

async function drawChart(context: ToolContext, plan: BudgetPlan, results: string): Promise<JsonObject> {
  const moved = new Set(plan.transfers.flatMap((transfer) => [transfer.from, transfer.to]));
  const curves: ResponseCurveSeries[] = plan.fitted
    .filter((campaign) => moved.has(campaign.name))
    .slice(0, 4)
    .map((campaign) => {
      const recommended = plan.recommended[campaign.name] ?? campaign.current;
      const top = Math.max(campaign.seen.high, recommended) * 1.1;
      const points = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
        const spend = (top * i) / CURVE_POINTS;
        const draws = campaign.samples.map((sample) => predictResults(sample, spend));
        const [low, high] = quantilesOf(draws, [0.1, 0.9]) as [number, number];
        return { spend, expected: predictResults(campaign.curve, spend), low, high };
      });
      return {
        name: campaign.name,
        points,
        current: { spend: campaign.current, results: predictResults(campaign.curve, campaign.current) },
        recommended: { spend: recommended, results: predictResults(campaign.curve, recommended) },
      };
    });
  const { receipt } = context.dataset;
  const spec = responseCurveChartSpec({
    context: {
      source: receipt.file,
      dateRange: dateRangeOf(context.dataset.facts),
      currency: receipt.currency,
    },
    curves,
    results,
  });
  const png = await renderPng(spec);
  const handle = {
    id: `chart-${context.charts.length + 1}`,
    kind: "response_curve",
    title: `Response to spend: ${results} a day`,
  };
  context.charts.push({ ...handle, png });
  return handle;
}
