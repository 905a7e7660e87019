import { z } from "zod";
import {
  costResult,
  isTimePart,
  METRIC_CATALOG,
  PAIR_SEPARATOR,
  partialTimeKeys,
  query,
  spentWithNoResults,
  TIME_PARTS,
  totals,
} from "../../metrics/index.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

/**
 * The one typed query: metrics for a period and filters, grouped by up to two dimensions or parts of the
 * date, limited by thresholds and a minimum spend, sorted by any metric either way. The other tools are
 * shortcuts for common shapes; this one says everything a marketer's question can ask of one file.
 */
export const queryData = defineTool({
  name: "query",
  description: `Figures grouped and filtered any way: metrics for a period and filters, grouped by up to two of the data's dimensions or the time parts ${TIME_PARTS.join(", ")}, with filters (in, not_in, contains, not_contains), thresholds on metrics, a minimum spend, a sort by any metric (desc or asc) and a limit. Use for 'CPA by campaign and device', 'which day of the week has the best ROAS', 'ROAS by quarter', 'campaigns with brand in the name that spent over 5k, lowest ROAS first', 'spend by month for Meta'.`,
  schema: z.object({
    metrics: z.array(metricArg).min(1).max(12).describe("Metrics to return for each row and in total"),
    group_by: z
      .array(z.string().min(1))
      .max(2)
      .optional()
      .describe(`Up to two dimension names from describe_dataset, or time parts: ${TIME_PARTS.join(", ")}`),
    thresholds: z
      .array(
        z.object({
          metric: metricArg,
          above: z.number().optional().describe("Keep rows whose metric is above this"),
          below: z.number().optional().describe("Keep rows whose metric is below this"),
        }),
      )
      .max(3)
      .optional()
      .describe("Keep only rows past these limits, e.g. CPA above 50"),
    min_spend: z.number().min(0).optional().describe("Leave out rows that spent less than this"),
    sort: z
      .object({
        metric: metricArg,
        direction: z.enum(["desc", "asc"]).describe("desc = highest first, asc = lowest first"),
      })
      .optional()
      .describe(
        "Row order; by default largest spend first, or calendar order when grouped by a time part first. Rows without the sort metric are left out, but for one: sorted by a cost ratio (cpa, cpc, cpm), a row that spent with none of its results (paid_per) comes first when highest first, marked spent_with_no (the worst of all), and is counted in left_out.spent_without_results when lowest first",
      ),
    limit: z.number().int().min(1).max(50).optional().describe("Most rows to return (default 15)"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    const limits = args.thresholds ?? [];
    requireMetrics(scope.facts, [
      ...args.metrics,
      ...limits.map((limit) => limit.metric),
      ...(args.sort ? [args.sort.metric] : []),
    ]);
    const by = args.group_by ?? [];
    const result = query(scope.facts, {
      by,
      filter: scope.filter,
      ...(args.min_spend !== undefined ? { minSpend: args.min_spend } : {}),
      limits,
      ...(args.sort ? { sort: args.sort } : {}),
      limit: args.limit ?? 15,
    });
    const shown = [...new Set([...args.metrics, ...limits.map((limit) => limit.metric)])];
    const overall = totals(scope.facts, scope.filter);
    // Totals that spent with no conversions have no CPA: said as "no conversions", never as n/a.
    const unpriced = args.metrics.find((metric) => spentWithNoResults(overall, metric));
    const output: JsonObject = {
      scope: scope.described,
      totals: pickFigures(overall, args.metrics),
      ...(unpriced ? { totals_spent_with_no: { results: costResult(unpriced), spend: overall.spend } } : {}),
    };
    if (by.length === 0) return output;
    output.group_by = by.join(PAIR_SEPARATOR);
    // The cost ratio a row can have spent without results of: the sort's, else a threshold's, else one shown.
    const costRatio = [args.sort?.metric, ...limits.map((limit) => limit.metric), ...args.metrics].find(
      (metric) => metric !== undefined && costResult(metric) !== null,
    );
    const paidPer = costRatio ? costResult(costRatio) : null;
    if (paidPer) output.paid_per = paidPer;
    // A week or month the data covers only in part is not comparable with whole ones: marked, not hidden.
    const [grain] = by;
    const partial = new Set(
      by.length === 1 && (grain === "week" || grain === "month")
        ? partialTimeKeys(scope.facts, grain, scope.filter)
        : [],
    );
    output.rows = result.rows.map((row) => ({
      key: row.key,
      ...(partial.has(row.key) ? { partial_period: true } : {}),
      ...pickFigures(row, shown),
      ...(costRatio && spentWithNoResults(row, costRatio)
        ? { spent_with_no: paidPer, spend: row.spend }
        : {}),
    }));
    output.rows_total = result.rowsTotal;
    output.order = args.sort
      ? `${METRIC_CATALOG[args.sort.metric].label} ${args.sort.direction === "asc" ? "lowest" : "highest"} first`
      : isTimePart(by[0] ?? "")
        ? "in calendar order"
        : "largest first (by spend when the data has spend)";
    const left = result.leftOut;
    if (left.belowMinSpend + left.outsideLimits + left.withoutSortMetric + left.spentWithoutResults > 0) {
      output.left_out = {
        below_min_spend: left.belowMinSpend,
        outside_thresholds: left.outsideLimits,
        without_sort_metric: left.withoutSortMetric,
        spent_without_results: left.spentWithoutResults,
      };
    }
    if (args.thresholds) output.thresholds = args.thresholds.map((limit) => ({ ...limit }));
    return output;
  },
});
