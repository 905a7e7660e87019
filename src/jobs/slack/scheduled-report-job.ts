import type { webApi } from "@slack/bolt";
import { formattedText, Markup, mention, mrkdwn } from "../../format/slack-text.js";
import { parseReportRequest, ReportRequestError } from "../../report/report-request.js";
import {
  describeDelivery,
  describeRule,
  describeSlot,
  endingReason,
  type ScheduledReportJob,
  type ScheduleRecord,
} from "../../schedules/index.js";
import { postReport } from "../../slack/flows/post-report.js";
import { replyToQuestion } from "../../slack/flows/reply-to-question.js";
import { slackErrorCode } from "../../slack/flows/slack-failure.js";
import type { SlackDeps } from "../../slack/slack-deps.js";

/**
 * One slot of a scheduled delivery: a report built by the same builder as `/report`, or a question
 * answered by the same analyst as a thread's, from the channel's data as it is now. A schedule removed or
 * ended since the slot was swept delivers nothing; a channel Slack says is gone (or the app removed) ends
 * the schedule with a log line instead of retrying forever.
 */
export async function scheduledReportJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: ScheduledReportJob,
): Promise<void> {
  const schedule = await deps.schedules.get(job.scheduleId);
  if (!schedule || schedule.endedAt) return;
  const note = deliveryNote(schedule, job);
  const place = { channel: schedule.channel, user: schedule.createdBy, workspace: schedule.workspace };
  try {
    if (schedule.question) {
      const opening = await client.chat.postMessage({
        channel: schedule.channel,
        text: mrkdwn`🗓️ *${schedule.question}*\n${new Markup(note)}`,
      });
      await replyToQuestion(deps, client, schedule.question, {
        ...place,
        threadTs: opening.ts as string,
        anyChannel: false,
      });
      return;
    }
    const request = parseReportRequest(schedule.report);
    await postReport(deps, client, request, { ...place, user: place.user ?? "" }, { note });
  } catch (error) {
    if (error instanceof ReportRequestError) {
      // Nobody typed this one: the channel hears why, and the schedule stays for when data arrives.
      await client.chat.postMessage({
        channel: schedule.channel,
        text: mrkdwn`The scheduled report #${schedule.id} (${formattedText(describeDelivery(schedule))}, set up by ${mention(schedule.createdBy ?? "someone")}) was not built: ${error.message}. ${stopHint(schedule)}`,
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

/** The line a delivery carries: which schedule it is, or that it is late and why; and how to stop it. */
function deliveryNote(schedule: ScheduleRecord, job: ScheduledReportJob): string {
  const kind = schedule.question ? "question" : "report";
  const said = job.late
    ? mrkdwn`⏰ Late: this scheduled ${kind} (#${schedule.id}) was due ${describeSlot(new Date(job.slot), schedule.timeZone)} (${schedule.timeZone}) and could not be sent then, so it comes now.`
    : mrkdwn`Scheduled ${kind} #${schedule.id}, ${describeRule(schedule)}.`;
  return `${said} ${stopHint(schedule)}`;
}

const stopHint = (schedule: ScheduleRecord) => `\`/report unschedule ${schedule.id}\` stops it`;
