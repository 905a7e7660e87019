import type { webApi } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import { describeFailure } from "./slack-failure.js";

/**
 * Shows under a thread that the app is working on it ("analyst is reading march.csv…"), without a message
 * that would later be edited: Slack's loading status, which the app's next reply in the thread clears (and
 * Slack drops after two minutes without one). Any app with chat:write may set it in channels too. A status
 * Slack refuses is logged and the work goes on: it is a courtesy, not the reply.
 */
export async function showWorking(
  deps: SlackDeps,
  client: webApi.WebClient,
  place: { channel: string; threadTs: string },
  status: string,
): Promise<void> {
  try {
    await client.assistant.threads.setStatus({
      channel_id: place.channel,
      thread_ts: place.threadTs,
      status: status.length > 120 ? `${status.slice(0, 119)}…` : status,
    });
  } catch (error) {
    deps.logger.warn("slack: setting the thread's status failed", {
      channel: place.channel,
      error: describeFailure(error),
    });
  }
}

/**
 * Clears the status. A reply clears it by itself; this covers a rerun after a crash, whose reply was
 * posted by the run that died, so nothing new is posted to clear the status the rerun set.
 */
export async function clearWorking(
  deps: SlackDeps,
  client: webApi.WebClient,
  place: { channel: string; threadTs: string },
): Promise<void> {
  await showWorking(deps, client, place, "");
}
