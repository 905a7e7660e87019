import type { Dataset, ParseReceipt } from "../ingest/index.js";
import { type BreakdownRow, breakdown, type Figures, totals } from "../metrics/index.js";

/** The JSON of `mpo analyze --json` and `POST /analytics/upload-csv`: a public interface (DESIGN.md). */
export interface AnalysisJson {
  source: ParseReceipt;
  totals: Figures;
  breakdown?: BreakdownRow[];
}

export function analysisJson(dataset: Dataset, options: { by?: string } = {}): AnalysisJson {
  const result: AnalysisJson = { source: dataset.receipt, totals: tidy(totals(dataset.facts)) };
  if (options.by) result.breakdown = breakdown(dataset.facts, options.by).map(tidy);
  return result;
}

/**
 * Sums of binary floats print as 1164.1000000000001; fifteen significant digits is every digit the data
 * ever had, without the noise.
 */
function tidy<T extends Record<string, unknown>>(figures: T): T {
  const result = { ...figures };
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number") (result as Record<string, unknown>)[key] = Number(value.toPrecision(15));
  }
  return result;
}
