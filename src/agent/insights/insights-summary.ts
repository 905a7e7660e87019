import { z } from "zod";

/**
 * The analysis summary `POST /ai/generate-insights` receives: the JSON of `mpo analyze --json` (source,
 * totals, and an optional breakdown). Parse request bodies with it at the HTTP boundary.
 */
export const InsightsSummarySchema = z.object({
  source: z
    .object({
      file: z.string(),
      platform: z.string(),
      currency: z.string().nullable(),
      dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
    })
    .partial()
    .optional(),
  totals: z.record(z.string(), z.number().nullable()),
  breakdown: z.array(z.looseObject({ key: z.string() })).optional(),
  /** The dimension the breakdown is by, when known. */
  by: z.string().optional(),
});

export type InsightsSummary = z.infer<typeof InsightsSummarySchema>;
