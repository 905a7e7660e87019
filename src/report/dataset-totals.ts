import type { FactsOf, FollowUp } from "../ingest/index.js";
import { type Figures, totals } from "../metrics/index.js";

/**
 * The totals of a stored dataset (App Home's latest figures), as a parse worker's follow-up: summing
 * millions of rows would hold the event loop. Totals are numbers, written for no reader.
 */
export const datasetTotalsFollowUp: FollowUp = { module: import.meta.url, input: null };

/** The parse worker's side (FollowUp). */
export async function followUp(data: FactsOf): Promise<Figures> {
  return totals(data.facts);
}
