import type { Dataset } from "../../ingest/index.js";
import type { Store, StoredDataset } from "../../store/index.js";

/** A stored dataset as the analyst and the report take it. */
export function asDataset(stored: StoredDataset): Dataset {
  return { facts: stored.facts, receipt: stored.record.receipt, totalsCheck: stored.record.totalsCheck };
}

/** The newest dataset shared anywhere in the workspace (for DMs, which have none of their own). */
export function newestDataset(store: Store): StoredDataset | null {
  const [newest] = store.listDatasets({ limit: 1 });
  return newest ? store.getDataset(newest.id) : null;
}
