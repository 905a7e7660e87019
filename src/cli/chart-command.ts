import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { breakdownChartSpec, type ChartContext, renderPng, trendChartSpec } from "../charts/index.js";
import { loadExport } from "../ingest/index.js";
import { anomalies, breakdown, isMetric, METRICS, type Metric, trend } from "../metrics/index.js";
import { UsageError } from "./cli-error.js";

const ChartFlags = z
  .object({
    metric: z
      .string({ error: `--metric is missing: say which figure to draw, one of ${METRICS.join(", ")}` })
      .refine(isMetric, { message: `--metric must be one of ${METRICS.join(", ")}` }),
    by: z.string().min(1).optional(),
    over: z.enum(["day", "week", "month"], { message: "--over must be day, week or month" }).optional(),
    out: z
      .string({ error: "--out is missing: say which PNG file to write, such as --out chart.png" })
      .min(1, "--out needs a file name such as chart.png"),
  })
  .refine((flags) => !(flags.by && flags.over), { message: "give --by or --over, not both" });

/**
 * Draws one chart of a file to a PNG: a breakdown with --by, a trend with --over (anomalies marked), or,
 * with neither, a weekly trend when the file has dates and a breakdown by campaign when it has not.
 */
export async function chartCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      metric: { type: "string" },
      by: { type: "string" },
      over: { type: "string" },
      out: { type: "string" },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`expected one file, got ${positionals.length}`);
  const parsed = ChartFlags.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
  const flags = parsed.data;
  const metric = flags.metric as Metric;

  const dataset = await loadExport({ path: file });
  const context: ChartContext = {
    source: dataset.receipt.file,
    dateRange: dataset.receipt.dateRange,
    currency: dataset.receipt.currency,
  };
  const over = flags.over ?? (!flags.by && dataset.facts.days ? "week" : undefined);
  const spec = over
    ? trendChartSpec({
        rows: trend(dataset.facts, over),
        metric,
        grain: over,
        anomalies: over === "day" ? anomalies(dataset.facts, { metric }) : [],
        context,
      })
    : breakdownChartSpec({
        rows: breakdown(dataset.facts, flags.by ?? "campaign"),
        metric,
        dimension: flags.by ?? "campaign",
        context,
      });
  writeFileSync(flags.out, await renderPng(spec));
  return `${flags.out}\n`;
}
