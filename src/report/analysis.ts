import type { Dataset, ParseReceipt, TotalsCheck } from "../ingest/index.js";
import { type BreakdownRow, breakdown, type Figures, totals } from "../metrics/index.js";

/** The JSON of `mpo analyze --json` and `POST /analytics/upload-csv`: a public interface (DESIGN.md). */
export interface AnalysisJson {
  /** The receipt, and the file's own totals row the rows were checked against (null when it has none). */
  source: ParseReceipt & { totalsCheck: TotalsCheck | null };
  totals: Figures;
  breakdown?: BreakdownRow[];
}

export function analysisJson(dataset: Dataset, options: { by?: string } = {}): AnalysisJson {
  const source = { ...dataset.receipt, totalsCheck: dataset.totalsCheck };
  const result: AnalysisJson = { source, totals: tidy(totals(dataset.facts)) };
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
