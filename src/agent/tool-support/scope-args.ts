import { z } from "zod";
import { METRICS, VALUE_OPS } from "../../metrics/index.js";
import { RELATIVE_PERIODS } from "./relative-periods.js";

/** Argument schemas several tools share, described for the model. */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use an ISO date, YYYY-MM-DD")
  .describe("ISO date, YYYY-MM-DD");

const dateRangeArg = z.object({ from: isoDate, to: isoDate }).describe("Inclusive dates, both YYYY-MM-DD");

export const metricArg = z
  .enum(METRICS)
  .describe(
    "spend, impressions, clicks, conversions, revenue are sums; ctr, cpc, cpm, cvr, cpa, roas, aov are ratios of sums (ctr and cvr are fractions: 0.0123 means 1.23%)",
  );

const filtersArg = z
  .array(
    z.object({
      dimension: z
        .string()
        .min(1)
        .describe("A dimension name from describe_dataset, e.g. campaign or channel"),
      op: z
        .enum(VALUE_OPS)
        .optional()
        .describe(
          "in (default) = keep the values named; not_in = every other value; contains = values whose name holds one of the texts, e.g. brand; not_contains = values holding none of them",
        ),
      values: z
        .array(z.string().min(1))
        .min(1)
        .describe(
          'Values (or with contains / not_contains, parts of names), matched case-insensitively; "(not set)" means blank cells',
        ),
    }),
  )
  .max(6)
  .describe("Keep only the rows each filter keeps; several filters must all hold");

const periodArg = z
  .enum(RELATIVE_PERIODS)
  .describe(
    "A period relative to the anchor day (the last date in the data, unless relative_to is today). last_week and last_month are the most recent complete ones; this_week and this_month run to the anchor day",
  );

const relativeToArg = z
  .enum(["data", "today"])
  .describe(
    "Anchor of relative periods: data (default) = the last date in the data; today = the wall-clock date, only when the user explicitly asks relative to today",
  );

const sourceArg = z
  .enum(["export", "live"])
  .describe(
    "export (default) = the file of this thread; live = rows pushed by automations, when there are any",
  );

/** Which rows a tool reads: a period or dates, dimension filters, and the source. */
export const scopeShape = {
  period: periodArg.optional(),
  date_range: dateRangeArg.optional().describe("Inclusive dates; when given, period is ignored"),
  filters: filtersArg.optional(),
  relative_to: relativeToArg.optional(),
  source: sourceArg.optional(),
};

/** An optional breakdown by one dimension, as get_kpis and other_measures take it. */
export const breakdownShape = {
  group_by: z.string().min(1).optional().describe("A dimension to break the figures down by, e.g. campaign"),
  limit: z.number().int().min(1).max(50).optional().describe("Most breakdown rows to return (default 15)"),
};

/** Two periods to compare: either a relative period (compared like for like) or explicit dates. */
export const comparisonShape = {
  period: periodArg
    .optional()
    .describe(
      "The current period, relative to the anchor day; it is compared with the period before it, like for like. Omit both this and current for the default: the last 7 days vs the 7 before (or the later half of short data vs the earlier half)",
    ),
  current: dateRangeArg.optional().describe("Explicit current period; overrides period"),
  previous: dateRangeArg
    .optional()
    .describe("Explicit previous period; defaults to the same number of days right before current"),
  filters: filtersArg.optional(),
  relative_to: relativeToArg.optional(),
  source: sourceArg.optional(),
};

export type ScopeArgs = z.output<z.ZodObject<typeof scopeShape>>;
export type ComparisonArgs = z.output<z.ZodObject<typeof comparisonShape>>;
