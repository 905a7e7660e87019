import type { Dataset, ParseReceipt, TotalsCheck } from "../ingest/index.js";
import { type BreakdownRow, breakdownWithTotals, type Figures, totals } from "../metrics/index.js";
import type { SourceReceipt, WorkspaceView } from "../workspace-view/index.js";

/** The JSON of `mpo analyze --json` and `POST /analytics/upload-csv`: a public interface (DESIGN.md). */
export interface AnalysisJson {
  /** The receipt, and the file's own totals row the rows were checked against (null when it has none). */
  source: ParseReceipt & { totalsCheck: TotalsCheck | null };
  totals: Figures;
  breakdown?: BreakdownRow[];
}

export function analysisJson(dataset: Dataset, options: { by?: string } = {}): AnalysisJson {
  const source = { ...dataset.receipt, totalsCheck: dataset.totalsCheck };
  if (!options.by) return { source, totals: tidy(totals(dataset.facts)) };
  const split = breakdownWithTotals(dataset.facts, options.by);
  return { source, totals: tidy(split.totals), breakdown: split.rows.map(tidy) };
}

/**
 * The JSON of several files blended: `source` lists each file's receipt (one file keeps the shape above),
 * `totals` and `breakdown` are the blend's, `currency` its one currency and `notes` every guard applied.
 */
export interface BlendAnalysisJson {
  source: SourceReceipt[];
  currency: string | null;
  notes: string[];
  totals: Figures;
  breakdown?: BreakdownRow[];
}

export function blendAnalysisJson(view: WorkspaceView, options: { by?: string } = {}): BlendAnalysisJson {
  const { facts, receipt } = view.dataset;
  const split = options.by ? breakdownWithTotals(facts, options.by) : null;
  const result: BlendAnalysisJson = {
    source: view.sources,
    currency: receipt.currency,
    notes: view.notes,
    totals: tidy(split ? split.totals : totals(facts)),
  };
  if (split) result.breakdown = split.rows.map(tidy);
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
