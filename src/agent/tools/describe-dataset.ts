import { z } from "zod";
import { dateRangeOf, type FactTable, MEASURES } from "../../ingest/index.js";
import { breakdown, METRICS } from "../../metrics/index.js";
import { availableMetrics, missingReason } from "../tool-support/metric-availability.js";
import { defineTool, type JsonObject } from "./tool.js";

const SAMPLE_VALUES = 8;
const WARNINGS_SHOWN = 5;

export const describeDataset = defineTool({
  name: "describe_dataset",
  description:
    "What the thread's data holds: source file, ad platform, currency, row count, date range, measures present and missing, the metrics that can and cannot be computed (and why), each dimension with its number of values and its largest values by spend, and the columns withheld as personal data (counts only). Call it first when unsure which dimensions, values or dates exist.",
  schema: z.object({}),
  run(context) {
    const { facts, receipt } = context.dataset;
    const unavailable: JsonObject = {};
    for (const metric of METRICS) {
      const reason = missingReason(facts, metric);
      if (reason !== null) unavailable[metric] = reason;
    }
    const result: JsonObject = {
      file: receipt.file,
      platform: receipt.platform,
      currency: receipt.currency,
      rows: facts.rowCount,
      date_range: receipt.dateRange ? { ...receipt.dateRange } : null,
      daily_rows: facts.days !== null,
      measures: MEASURES.filter((measure) => facts.measures[measure]),
      metrics_available: availableMetrics(facts),
      metrics_unavailable: unavailable,
      dimensions: describeDimensions(facts),
      withheld_columns: (context.withheld ?? []).map((column) => ({
        name: column.name,
        values: column.values,
        withheld: `values not shared: ${column.reason}`,
      })),
      other_numeric_columns: Object.keys(facts.extraMeasures),
      relative_dates: receipt.dateRange
        ? `relative periods count back from ${receipt.dateRange.to}, the last date in the data`
        : "the data has no dates: no periods, trends or comparisons",
      warnings: receipt.warnings.slice(0, WARNINGS_SHOWN),
    };
    if (context.live && context.live.rowCount > 0) {
      const range = dateRangeOf(context.live);
      result.live = { rows: context.live.rowCount, date_range: range ? { ...range } : null };
    }
    return result;
  },
});

/** Each dimension's size and its largest values, so the model can name filters that exist. */
function describeDimensions(facts: FactTable): JsonObject[] {
  return Object.entries(facts.dimensions).map(([name, column]) => ({
    name,
    values: column.values.length,
    largest: breakdown(facts, name, { limit: SAMPLE_VALUES }).map((row) => row.key),
  }));
}
