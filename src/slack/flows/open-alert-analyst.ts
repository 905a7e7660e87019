import type { webApi } from "@slack/bolt";
import { soleCurrency } from "../../alerts/alert-explanation.js";
import { alertQuestion } from "../../alerts/alert-question.js";
import { withPlatformNames } from "../../format/dimension-value.js";
import { mention, mrkdwn } from "../../format/slack-text.js";
import { dateRangeOf, type FactTable, type ParseReceipt } from "../../ingest/index.js";
import { recentLiveFacts } from "../../store/recent-live-facts.js";
import type { SlackDeps } from "../slack-deps.js";
import type { Asker } from "./readable-datasets.js";
import { replyToQuestion } from "./reply-to-question.js";

/**
 * The "Ask the analyst about this" button under an alert: the live data as it is now becomes the
 * dataset of the alert's thread, and the analyst answers there about the rows that fired the alert
 * (see `alertQuestion`); anyone can go on asking in that thread. Who asked is said in the thread first,
 * so the click shows at once, as a reply under the alert.
 */
export async function openAlertAnalyst(
  deps: SlackDeps,
  client: webApi.WebClient,
  alertId: number,
  asker: Asker,
): Promise<void> {
  const alert = await deps.store.getAlert(alertId, asker.workspace);
  if (!alert?.messageTs) return;
  // Channels by their platforms' names ("Meta Ads", not `meta_ads`), as the alert itself names them.
  const live = withPlatformNames(await recentLiveFacts(deps.store, asker.workspace));
  const place = { channel: alert.channel, threadTs: alert.messageTs, anyChannel: false, ...asker };
  await client.chat.postMessage({
    channel: alert.channel,
    thread_ts: alert.messageTs,
    text: mrkdwn`${asker.user ? mention(asker.user) : "Someone"} asked the analyst about this alert.`,
  });
  if (live.rowCount === 0) {
    await client.chat.postMessage({
      channel: alert.channel,
      thread_ts: alert.messageTs,
      text: "There is no live data to look at any more.",
    });
    return;
  }
  const saved = await deps.store.saveDataset({
    team: asker.workspace.team,
    enterprise: asker.workspace.enterprise,
    channel: alert.channel,
    threadTs: alert.messageTs,
    name: `Live data at alert #${alert.id}`,
    uploadedBy: asker.user,
    receipt: liveReceipt(live),
    facts: live,
  });
  await deps.store.bindThread(alert.channel, alert.messageTs, saved.record.id, asker.workspace);
  await replyToQuestion(deps, client, alertQuestion(alert, live), place);
}

function liveReceipt(live: FactTable): ParseReceipt {
  return {
    file: "live webhook data",
    platform: "webhook",
    encoding: "JSON",
    delimiter: "",
    rows: live.rowCount,
    droppedRows: [],
    // Its figures (in the thread, in App Home) carry the currency the alert was written in.
    currency: soleCurrency(live),
    dateRange: dateRangeOf(live),
    columns: {},
    warnings: [],
  };
}
