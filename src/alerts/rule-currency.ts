import type { Store, Workspace } from "../store/index.js";
import { soleCurrency } from "./alert-explanation.js";

/** As far back as the alert engine reads live data, so a rule reads in the currency its alerts will. */
const LIVE_DAYS = 42;

/**
 * The currency a channel's alert rules are about: the live data's when its rows agree on one (what the
 * alerts will be written in), else that of the channel's latest export (before any live row arrives, the
 * team's ads are in the currency of its files), else none: "CPA above 60.00" rather than a guessed sign.
 */
export async function ruleCurrency(
  store: Store,
  channel: string,
  workspace?: Workspace,
): Promise<string | null> {
  const live = soleCurrency(await store.liveFacts({ lastDays: LIVE_DAYS, workspace }));
  if (live) return live;
  const [latest] = await store.listDatasets({ channel, workspace, limit: 1 });
  return latest?.receipt.currency ?? null;
}
