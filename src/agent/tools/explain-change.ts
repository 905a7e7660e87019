import { z } from "zod";
import { delta, explainChange as explain, isKpi } from "../../metrics/index.js";
import { requireMetrics } from "../tool-support/metric-availability.js";
import { resolveComparison } from "../tool-support/resolve-scope.js";
import { comparisonShape, metricArg } from "../tool-support/scope-args.js";
import { defineTool } from "./tool.js";

const MAX_CONTRIBUTORS = 8;

export const explainChangeTool = defineTool({
  name: "explain_change",
  description:
    "Why a metric moved between two periods: each value of a dimension's contribution to the change, largest either way first; the contributions of all values add up to the change. For a KPI each contribution splits into mix_effect (the value's share of the KPI's denominator moved, e.g. budget shifted towards a worse campaign) and rate_effect (the value's own KPI moved). Use for 'why did CPA jump last week', 'what drove the ROAS drop'.",
  schema: z.object({
    metric: metricArg,
    dimension: z
      .string()
      .min(1)
      .describe("The dimension whose values may explain the change, e.g. campaign or channel"),
    ...comparisonShape,
  }),
  run(context, args) {
    const comparison = resolveComparison(context, args);
    requireMetrics(comparison.facts, [args.metric]);
    const explanation = explain(comparison.facts, {
      metric: args.metric,
      dimension: args.dimension,
      current: comparison.current,
      previous: comparison.previous,
      filter: comparison.filter,
    });
    const kpi = isKpi(args.metric);
    const shown = explanation.contributions.slice(0, MAX_CONTRIBUTORS);
    return {
      scope: comparison.described,
      metric: explanation.metric,
      dimension: explanation.dimension,
      previous_value: explanation.previous,
      current_value: explanation.current,
      change: explanation.change,
      relative_change: delta(explanation.previous, explanation.current).relative,
      contributors: shown.map((item) => ({
        key: item.key,
        previous: item.previous,
        current: item.current,
        contribution: item.total,
        ...(kpi
          ? {
              mix_effect: item.mixEffect,
              rate_effect: item.rateEffect,
              previous_share: item.previousShare,
              current_share: item.currentShare,
            }
          : {}),
      })),
      other_values: explanation.contributions.length - shown.length,
    };
  },
});
