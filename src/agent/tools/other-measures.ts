import { z } from "zod";
import { extraFigures, MetricsError } from "../../metrics/index.js";
import { resolveScope } from "../tool-support/resolve-scope.js";
import { breakdownShape, scopeShape } from "../tool-support/scope-args.js";
import { defineTool, type JsonObject } from "./tool.js";

export const otherMeasures = defineTool({
  name: "other_measures",
  description:
    "Figures of the file's other numeric columns (describe_dataset's other_numeric_columns: landing page views, results, reach, frequency, messaging conversations, leads, video views...), in total or broken down by one dimension, for a period and filters. Columns that count unique people (reach) or average over them (frequency) are never added across rows: they come back only where one row of the file stands alone (e.g. per campaign in a campaign-level export) and are null elsewhere, with the reason in not_summed. Use for 'how many landing page views did we get', 'reach by campaign', 'results by ad set'.",
  schema: z.object({
    measures: z
      .array(z.string().min(1))
      .min(1)
      .max(8)
      .optional()
      .describe("Column names from other_numeric_columns; all of them by default"),
    ...breakdownShape,
    ...scopeShape,
  }),
  run(context, args) {
    const scope = resolveScope(context, args);
    const names = args.measures ?? Object.keys(scope.facts.extraMeasures);
    if (names.length === 0) {
      throw new MetricsError(
        "this data has no numeric columns besides spend, impressions, clicks, conversions and revenue",
      );
    }
    const figures = extraFigures(scope.facts, names, { by: args.group_by, filter: scope.filter });
    const result: JsonObject = { scope: scope.described };
    if (args.group_by) {
      result.group_by = args.group_by;
      result.rows = figures.rows.slice(0, args.limit ?? 15).map((row) => ({
        key: row.key,
        file_rows: row.rows,
        ...row.values,
      }));
      result.rows_total = figures.rows.length;
    } else {
      const [all] = figures.rows;
      result.totals = all ? { file_rows: all.rows, ...all.values } : { file_rows: 0 };
    }
    if (Object.keys(figures.notSummed).length > 0) result.not_summed = figures.notSummed;
    return result;
  },
});
