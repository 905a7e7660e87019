import { z } from "zod";
import { type Metric, rank } from "../../metrics/index.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { availableMetrics, requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool } from "./tool.js";

/** Shown beside the ranked metric so an answer can weigh a ratio against the money behind it. */
const CONTEXT_METRICS: readonly Metric[] = ["spend", "conversions", "revenue", "cpa", "roas"];

export const topBottom = defineTool({
  name: "top_bottom",
  description:
    "The best or worst values of a dimension by a metric. order 'top' = best for the marketer (highest roas, ctr, cvr, revenue, conversions; lowest cpa, cpc, cpm; biggest spend), 'bottom' = worst. For cost ratios (cpa, cpc, cpm), rows that spent with no results (paid_per) have no value: 'bottom' lists them first marked spent_with_no, 'top' counts them in left_out.spent_without_results. For ratio metrics, rows that spent under a floor (10% of the median row's spend unless min_spend is given) are left out so a tiny row cannot win by luck. Use for 'top 5 campaigns by ROAS', 'which channel has the lowest CPA', 'which ad sets should I cut'.",
  schema: z.object({
    dimension: z.string().min(1).describe("The dimension to rank, e.g. campaign, ad_group, channel"),
    metric: metricArg,
    order: z.enum(["top", "bottom"]).describe("top = best first, bottom = worst first"),
    n: z.number().int().min(1).max(25).optional().describe("How many rows (default 5)"),
    min_spend: z.number().min(0).optional().describe("Leave out rows that spent less than this"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    requireMetrics(scope.facts, [args.metric]);
    const ranking = rank(scope.facts, {
      dimension: args.dimension,
      metric: args.metric,
      order: args.order,
      n: args.n ?? 5,
      minSpend: args.min_spend,
      filter: scope.filter,
    });
    const available = new Set(availableMetrics(scope.facts));
    const shown = [
      args.metric,
      ...CONTEXT_METRICS.filter((metric) => metric !== args.metric && available.has(metric)),
    ];
    return {
      scope: scope.described,
      dimension: ranking.dimension,
      metric: ranking.metric,
      order: ranking.order === "top" ? "best first" : "worst first",
      min_spend: ranking.minSpend,
      ...(ranking.resultMeasure ? { paid_per: ranking.resultMeasure } : {}),
      left_out: {
        below_min_spend: ranking.excluded.belowMinSpend,
        without_value: ranking.excluded.noValue,
        spent_without_results: ranking.excluded.spentWithoutResults,
      },
      rows: ranking.rows.map((row) => ({
        rank: row.rank,
        key: row.key,
        ...(row.withoutResults ? { spent_with_no: ranking.resultMeasure } : {}),
        ...pickFigures(row, shown),
      })),
    };
  },
});
