import { concatFactTables, type Dataset } from "../../ingest/index.js";
import type { Workspace } from "../../store/index.js";
import { recentLiveFacts } from "../../store/recent-live-facts.js";
import type { TargetData } from "../../targets/index.js";
import { BlendError, blendExports, type WorkspaceView } from "../../workspace-view/index.js";
import type { SlackDeps } from "../slack-deps.js";

/** How many of a channel's newest exports a view blends. */
const MAX_EXPORTS = 20;

/**
 * A channel's exports blended into one view (newest first, at most MAX_EXPORTS), or null when the channel
 * has none. Exports in different currencies cannot be blended without a rate: the BlendError says so.
 */
export async function channelView(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
): Promise<WorkspaceView | null> {
  const records = await deps.store.listDatasets({ ...place, limit: MAX_EXPORTS });
  const datasets: Dataset[] = [];
  for (const record of records) {
    const stored = await deps.store.getDataset(record.id, place.workspace);
    if (stored)
      datasets.push({
        facts: stored.facts,
        receipt: stored.record.receipt,
        totalsCheck: stored.record.totalsCheck,
      });
  }
  return datasets.length > 0 ? blendExports(datasets) : null;
}

/**
 * What a channel's targets are paced on: its exports blended and the live data. When the exports cannot
 * be blended (two currencies), the newest export alone, so a target still paces on the data it most
 * likely means.
 */
export async function targetData(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
): Promise<TargetData> {
  let view: WorkspaceView | null;
  try {
    view = await channelView(deps, place);
  } catch (error) {
    if (!(error instanceof BlendError)) throw error;
    const latest = await deps.store.latestDataset(place.channel, place.workspace);
    view = latest
      ? blendExports([{ facts: latest.facts, receipt: latest.record.receipt, totalsCheck: null }])
      : null;
  }
  const live = await recentLiveFacts(deps.store, place.workspace);
  if (!view && live.rowCount === 0) return null;
  const parts = [...(view ? [view.dataset.facts] : []), ...(live.rowCount > 0 ? [live] : [])];
  const facts = parts.length === 1 ? parts[0] : concatFactTables(parts);
  const files = [
    ...(view ? [view.dataset.receipt.file] : []),
    ...(live.rowCount > 0 ? ["live webhook data"] : []),
  ].join(" + ");
  return facts ? { facts, currency: view?.dataset.receipt.currency ?? null, files } : null;
}
