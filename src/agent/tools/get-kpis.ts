import { z } from "zod";
import {
  type BreakdownRow,
  breakdown,
  type Metric,
  MetricsError,
  PAIR_SEPARATOR,
  totals,
} from "../../metrics/index.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { availableMetrics, requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { breakdownShape, metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

export const getKpis = defineTool({
  name: "get_kpis",
  description:
    "Totals and KPIs for a period and filters, optionally broken down by one dimension or a pair (group_by and then_by) (rows largest spend first, or largest revenue, conversions, clicks, impressions when there is no spend). Use for 'what is my CPA', 'spend by channel', 'ROAS for Meta in March', 'CPA by campaign and device'.",
  schema: z.object({
    metrics: z
      .array(metricArg)
      .min(1)
      .max(12)
      .optional()
      .describe("Metrics to return; all available ones by default"),
    ...breakdownShape,
    then_by: z
      .string()
      .min(1)
      .optional()
      .describe("A second dimension with group_by: one row per pair of values, e.g. campaign then device"),
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
      .describe("With group_by: keep only rows past these limits, e.g. campaigns with CPA above 50"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    const metrics = args.metrics ?? availableMetrics(scope.facts);
    requireMetrics(scope.facts, [...metrics, ...(args.thresholds ?? []).map((limit) => limit.metric)]);
    if (args.thresholds && !args.group_by) {
      throw new MetricsError("thresholds keep or drop breakdown rows, so they need group_by");
    }
    const result: JsonObject = {
      scope: scope.described,
      totals: pickFigures(totals(scope.facts, scope.filter), metrics),
    };
    if (args.group_by) {
      const rows = breakdown(scope.facts, args.group_by, {
        filter: scope.filter,
        thenBy: args.then_by,
      }).filter((row) => passes(row, args.thresholds ?? []));
      const shown = rows.slice(0, args.limit ?? 15);
      result.group_by = args.then_by ? [args.group_by, args.then_by].join(PAIR_SEPARATOR) : args.group_by;
      result.rows = shown.map((row) => ({ key: row.key, ...pickFigures(row, metrics) }));
      result.rows_total = rows.length;
      result.order = "largest first (by spend when the data has spend)";
      if (args.thresholds) result.thresholds = args.thresholds.map((limit) => ({ ...limit }));
    }
    return result;
  },
});

/** A row whose metric is unknown never passes a threshold: "CPA above 50" is not said of a row without one. */
function passes(
  row: BreakdownRow,
  thresholds: ReadonlyArray<{ metric: Metric; above?: number; below?: number }>,
) {
  return thresholds.every(({ metric, above, below }) => {
    const value = row[metric];
    if (value === null || value === undefined) return false;
    return (above === undefined || value > above) && (below === undefined || value < below);
  });
}
