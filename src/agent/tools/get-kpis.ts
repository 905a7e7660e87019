import { z } from "zod";
import { breakdown, totals } from "../../metrics/index.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { availableMetrics, requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { breakdownShape, metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

export const getKpis = defineTool({
  name: "get_kpis",
  description:
    "Totals and KPIs for a period and filters, optionally broken down by one dimension (rows largest spend first, or largest revenue, conversions, clicks, impressions when there is no spend). Use for 'what is my CPA', 'spend by channel', 'ROAS for Meta in March'; for two dimensions, time parts, thresholds or another order use query.",
  schema: z.object({
    metrics: z
      .array(metricArg)
      .min(1)
      .max(12)
      .optional()
      .describe("Metrics to return; all available ones by default"),
    ...breakdownShape,
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    const metrics = args.metrics ?? availableMetrics(scope.facts);
    requireMetrics(scope.facts, metrics);
    const result: JsonObject = {
      scope: scope.described,
      totals: pickFigures(totals(scope.facts, scope.filter), metrics),
    };
    if (args.group_by) {
      const rows = breakdown(scope.facts, args.group_by, { filter: scope.filter });
      const shown = rows.slice(0, args.limit ?? 15);
      result.group_by = args.group_by;
      result.rows = shown.map((row) => ({ key: row.key, ...pickFigures(row, metrics) }));
      result.rows_total = rows.length;
      result.order = "largest first (by spend when the data has spend)";
    }
    return result;
  },
});
