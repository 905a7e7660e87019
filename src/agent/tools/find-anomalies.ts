import { z } from "zod";
import { anomalies } from "../../metrics/index.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { metricArg, scopeShape } from "../tool-support/scope-args.js";
import { defineTool } from "./tool.js";

const MAX_SHOWN = 15;

export const findAnomalies = defineTool({
  name: "find_anomalies",
  description:
    "Unusual days of a metric's daily series: days further than `threshold` robust standard deviations from the median day (3.5 by default), with the expected band. Needs dated data and at least 7 days. Use for 'any anomalies', 'unusual days', 'spikes in spend'.",
  schema: z.object({
    metric: metricArg,
    threshold: z
      .number()
      .min(2)
      .max(10)
      .optional()
      .describe("Robust z-score cut-off; lower finds more days (default 3.5)"),
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    requireMetrics(scope.facts, [args.metric]);
    const found = anomalies(scope.facts, {
      metric: args.metric,
      filter: scope.filter,
      threshold: args.threshold,
    });
    const strongest = [...found].sort((a, b) => b.score - a.score).slice(0, MAX_SHOWN);
    return {
      scope: scope.described,
      metric: args.metric,
      anomalies_found: found.length,
      anomalies: strongest.map((anomaly) => ({
        date: anomaly.date,
        actual: anomaly.actual,
        direction: anomaly.direction,
        typical_day: anomaly.expected.median,
        expected_low: anomaly.expected.low,
        expected_high: anomaly.expected.high,
        score: anomaly.score,
      })),
      order: "strongest first",
    };
  },
});
