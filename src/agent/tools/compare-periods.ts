import { z } from "zod";
import { dayRange, dayToIso } from "../../ingest/index.js";
import { delta, hasRows, totals } from "../../metrics/index.js";
import { pickFigures } from "../tool-support/figure-fields.js";
import { availableMetrics, requireMetrics } from "../tool-support/metric-availability.js";
import { resolveComparison } from "../tool-support/resolve-scope.js";
import { comparisonShape, metricArg } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

export const comparePeriodsTool = defineTool({
  name: "compare_periods",
  description:
    "Figures of a current period against a previous one, with each metric's absolute change and relative change (a fraction: 0.12 = +12%, null when the previous value is 0). previous.has_rows false: the previous period has no rows, so there is no baseline to compare with (data_starts: the data's first date, when the previous period lies before it). Use for 'this week vs last week', 'March vs February', 'how did last week go'.",
  schema: z.object({
    metrics: z
      .array(metricArg)
      .min(1)
      .max(12)
      .optional()
      .describe("Metrics to compare; all available ones by default"),
    ...comparisonShape,
  }),
  run(context, args) {
    const comparison = resolveComparison(context, args);
    const metrics = args.metrics ?? availableMetrics(comparison.facts);
    requireMetrics(comparison.facts, metrics);
    const current = totals(comparison.facts, { ...comparison.filter, dateRange: comparison.current });
    const previous = totals(comparison.facts, { ...comparison.filter, dateRange: comparison.previous });
    const changes: JsonObject = {};
    for (const metric of metrics) changes[metric] = { ...delta(previous[metric], current[metric]) };
    // A previous period without rows is no baseline: its zeros would read as growth from nothing.
    const previousRows = hasRows(comparison.facts, { ...comparison.filter, dateRange: comparison.previous });
    const span = dayRange(comparison.facts);
    const dataStart = span ? dayToIso(span.first) : null;
    return {
      scope: comparison.described,
      current: { ...comparison.current, figures: pickFigures(current, metrics) },
      previous: {
        ...comparison.previous,
        figures: pickFigures(previous, metrics),
        ...(previousRows ? {} : { has_rows: false }),
        ...(!previousRows && dataStart && comparison.previous.to < dataStart
          ? { data_starts: dataStart }
          : {}),
      },
      changes,
    };
  },
});
