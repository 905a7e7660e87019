import type { webApi } from "@slack/bolt";
import { mention, mrkdwn } from "../../format/slack-text.js";
import { parseReportRequest, ReportRequestError } from "../../report/report-request.js";
import {
  describeReportWords,
  describeRule,
  describeSlot,
  endingReason,
  type ScheduledReportJob,
} from "../../schedules/index.js";
import { postReport } from "../../slack/flows/post-report.js";
import { slackErrorCode } from "../../slack/flows/slack-failure.js";
import type { SlackDeps } from "../../slack/slack-deps.js";

/**
 * One slot of a scheduled report, built by the same builder as `/report`. A schedule removed or ended
 * since the slot was swept delivers nothing; a channel Slack says is gone (or the app removed) ends the
 * schedule with a log line instead of retrying forever.
 */
export async function scheduledReportJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: ScheduledReportJob,
): Promise<void> {
  const schedule = await deps.schedules.get(job.scheduleId);
  if (!schedule || schedule.endedAt) return;
  const slot = new Date(job.slot);
  const stop = `\`/report unschedule ${schedule.id}\` stops it`;
  const note = job.late
    ? mrkdwn`⏰ Late: this scheduled report (#${schedule.id}) was due ${describeSlot(slot, schedule.timeZone)} (${schedule.timeZone}) and could not be sent then, so it comes now. `
    : mrkdwn`Scheduled report #${schedule.id}, ${describeRule(schedule)}. `;
  const place = {
    channel: schedule.channel,
    user: schedule.createdBy ?? "",
    workspace: schedule.workspace,
  };
  try {
    await postReport(deps, client, parseReportRequest(schedule.report), place, { note: `${note}${stop}` });
  } catch (error) {
    if (error instanceof ReportRequestError) {
      // Nobody typed this one: the channel hears why, and the schedule stays for when data arrives.
      await client.chat.postMessage({
        channel: schedule.channel,
        text: mrkdwn`The scheduled report #${schedule.id} (${describeReportWords(schedule.report)}, set up by ${mention(schedule.createdBy ?? "someone")}) was not built: ${error.message}. ${stop}`,
      });
      return;
    }
    const reason = endingReason(slackErrorCode(error));
    if (!reason) throw error;
    await deps.schedules.end(schedule.id, reason, new Date());
    deps.logger.warn("schedules: a schedule ended because Slack cannot deliver to its channel", {
      schedule: schedule.id,
      channel: schedule.channel,
      team: schedule.workspace.team,
      slack: slackErrorCode(error),
      reason,
    });
  }
}
