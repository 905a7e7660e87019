import { exampleQuestions } from "../../agent/index.js";
import { currentReader, type Reader, withReader } from "../../format/reader-locale.js";
import { analyzeExportThen, type Dataset, type ExportInput, type FollowUp } from "../../ingest/index.js";
import { type PerformanceSummary, summarizePerformance } from "../../report/performance-summary.js";
import { type SummaryChart, summaryCharts } from "../../report/summary-charts.js";

/** What the upload reply is made of besides the dataset: its summary, questions to try, and charts. */
export interface UploadAnalysis {
  summary: PerformanceSummary;
  questions: string[];
  charts: SummaryChart[];
}

/**
 * Reads an upload and works out its reply in the worker that read it: on 3.5M rows the summary and charts
 * take seconds of CPU, which on this thread would hold Slack's deliveries and health checks. The worker
 * writes for this work's reader, so figures and chart labels read exactly as they would here. The bytes
 * are handed over to the worker: the caller must not use them afterwards.
 */
export async function readUpload(
  input: ExportInput,
): Promise<{ dataset: Dataset; analysis: UploadAnalysis }> {
  const { dataset, result } = await analyzeExportThen<UploadAnalysis>(
    input,
    uploadFollowUp(currentReader()),
    {
      handOver: true,
    },
  );
  // A Buffer crosses threads as a plain Uint8Array.
  const charts = result.charts.map((chart) => ({ ...chart, png: Buffer.from(chart.png) }));
  return { dataset, analysis: { ...result, charts } };
}

/** The follow-up a parse worker runs to work out the reply for `reader` (this module's `followUp`). */
export function uploadFollowUp(reader: Reader): FollowUp {
  return { module: import.meta.url, input: reader };
}

/** The reply's parts for the reader of the work in progress, on whichever thread runs it. */
export async function analysisOf(dataset: Dataset): Promise<UploadAnalysis> {
  const summary = summarizePerformance(dataset.facts, { statedPeriod: dataset.receipt.dateRange });
  const questions = exampleQuestions(dataset);
  const charts = await summaryCharts(dataset.facts, summary, {
    source: dataset.receipt.file,
    dateRange: summary.period,
    currency: dataset.receipt.currency,
  });
  return { summary, questions, charts };
}

/** The parse worker's side (FollowUp): `input` is the reader the reply is written for. */
export function followUp(dataset: Dataset, input: unknown): Promise<UploadAnalysis> {
  return withReader(input as Reader, () => analysisOf(dataset));
}
