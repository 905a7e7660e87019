import type { webApi } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.js";
import { describeFailure, failureForPeople } from "./slack-failure.js";

export interface ChartFile {
  title: string;
  filename?: string;
  png: Buffer;
}

/** Charts into a thread in one files.uploadV2 call; a failure is logged and told, never thrown at the user. */
export async function uploadCharts(
  deps: SlackDeps,
  client: webApi.WebClient,
  charts: readonly ChartFile[],
  place: { channel: string; threadTs: string },
): Promise<void> {
  if (charts.length === 0) return;
  try {
    await client.files.uploadV2({
      channel_id: place.channel,
      thread_ts: place.threadTs,
      file_uploads: charts.map((chart, index) => ({
        file: chart.png,
        filename: chart.filename ?? `chart-${index + 1}.png`,
        title: chart.title,
      })),
    });
  } catch (error) {
    deps.logger.error("slack: uploading charts failed", {
      channel: place.channel,
      error: describeFailure(error),
    });
    await client.chat
      .postMessage({
        channel: place.channel,
        thread_ts: place.threadTs,
        text: `I couldn't upload the charts (${failureForPeople(error)}).`,
      })
      .catch(() => undefined);
  }
}
