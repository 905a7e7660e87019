import { type RefinementCtx, z } from "zod";
import { isMetric, METRICS } from "../../metrics/index.js";

/**
 * What `POST /ai/generate-insights` takes: the JSON of `mpo analyze --json` (or of `/analytics/upload-csv`)
 * as is, or just `{ totals, breakdown? }`. Figures are numbers or null, keyed by metric name.
 */
/** Figures keyed by metric name (spend, roas...); only metrics are kept. */
export type SummaryFigures = Record<string, number | null>;

export interface SummarySource {
  file?: string;
  platform?: string;
  currency?: string | null;
  dateRange?: { from: string; to: string } | null;
  [field: string]: unknown;
}

export interface MetricsSummary {
  source?: SummarySource;
  totals: SummaryFigures;
  breakdown?: Array<{ key: string; [metric: string]: string | number | null }>;
  /** The dimension the breakdown is by, when the caller says. */
  by?: string;
}

const EXAMPLE = '{"spend": 1200, "revenue": 3000, "roas": 2.5}';

/** Keeps the metrics of an object; other keys are dropped, since the analyst may only quote figures. */
function figuresOf(values: Record<string, unknown>, ctx: RefinementCtx): SummaryFigures {
  const known: SummaryFigures = {};
  for (const [name, value] of Object.entries(values)) {
    if (!isMetric(name)) continue;
    if (value === null || (typeof value === "number" && Number.isFinite(value))) known[name] = value;
    else ctx.addIssue({ code: "custom", path: [name], message: "expected a number or null" });
  }
  return known;
}

const totals = z
  .record(z.string(), z.unknown(), { error: `expected an object of figures such as ${EXAMPLE}` })
  .transform(figuresOf)
  .refine((figures) => Object.keys(figures).length > 0, {
    message: `expected at least one of ${METRICS.join(", ")}, such as ${EXAMPLE}`,
  });

const breakdownRow = z
  .record(z.string(), z.unknown(), { error: 'expected a row such as {"key": "Brand", "spend": 100}' })
  .transform((row, ctx) => {
    if (typeof row.key !== "string") {
      ctx.addIssue({ code: "custom", path: ["key"], message: "expected the segment's name as text" });
    }
    return { key: String(row.key), ...figuresOf(row, ctx) };
  });

const text = z.string({ error: "expected text" });

const source = z.looseObject(
  {
    file: text.optional(),
    platform: text.optional(),
    currency: text.nullable().optional(),
    dateRange: z
      .object(
        { from: text, to: text },
        { error: 'expected {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} or null' },
      )
      .nullable()
      .optional(),
  },
  { error: "expected an object (the receipt of the analysis)" },
);

export const MetricsSummarySchema = z.object(
  {
    source: source.optional(),
    totals,
    breakdown: z
      .array(breakdownRow, { error: 'expected a list of rows such as [{"key": "Brand", "spend": 100}]' })
      .max(1000, "expected at most 1,000 rows")
      .optional(),
    by: text.optional(),
  },
  { error: `expected a JSON object with "totals", such as {"totals": ${EXAMPLE}}` },
);
