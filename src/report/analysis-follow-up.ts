import type { Dataset, FollowUp } from "../ingest/index.js";
import { MetricsError } from "../metrics/index.js";
import { type AnalysisJson, analysisJson } from "./analysis.js";

/** The analysis JSON, or why the breakdown asked for cannot be made (a MetricsError's message). */
export type AnalysisOutcome = { json: AnalysisJson } | { refusal: string };

/**
 * `analysisJson` as a parse worker's follow-up, run where the export was read: totals and a breakdown over
 * a 50 MB upload's rows would otherwise hold the event loop. Only numbers and the receipt's own text.
 */
export function analysisFollowUp(options: { by?: string }): FollowUp {
  return { module: import.meta.url, input: options };
}

/** The parse worker's side (FollowUp). */
export async function followUp(dataset: Dataset, input: unknown): Promise<AnalysisOutcome> {
  try {
    return { json: analysisJson(dataset, input as { by?: string }) };
  } catch (error) {
    if (error instanceof MetricsError) return { refusal: error.message };
    throw error;
  }
}
