import type { Dataset } from "../../ingest/index.js";
import type { StoredDataset } from "../../store/index.js";

/** A stored dataset as the analyst and the report take it. */
export function asDataset(stored: StoredDataset): Dataset {
  return { facts: stored.facts, receipt: stored.record.receipt, totalsCheck: stored.record.totalsCheck };
}
