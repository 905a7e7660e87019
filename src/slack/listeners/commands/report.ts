import type { App } from "@slack/bolt";
import { codeSpan, escapeSlackText } from "../../../format/slack-text.js";
import { triggerKey } from "../../../jobs/slack/slack-jobs.js";
import { parseReportRequest, REPORT_USAGE, ReportRequestError } from "../../../report/report-request.js";
import {
  parseScheduleCommand,
  SCHEDULE_USAGE,
  type ScheduleCommand,
  ScheduleCommandError,
} from "../../../schedules/index.js";
import type { SlackDeps } from "../../slack-deps.js";
import { reportBuilding, reportRefusal } from "../../views/report-refusal.js";
import { workspaceOf } from "../workspace-of.js";

/**
 * `/report`: words that cannot be read are refused at once, in the acknowledgement; a readable request is
 * written down as a job and acknowledged with what is being built.
 */
export function registerReportCommand(app: App, deps: SlackDeps): void {
  app.command("/report", async ({ command, ack, context }) => {
    const text = command.text.trim();
    if (text === "help") {
      await ack({ response_type: "ephemeral", text: `${REPORT_USAGE}\n${SCHEDULE_USAGE}` });
      return;
    }
    let schedule: ScheduleCommand | null;
    try {
      schedule = parseScheduleCommand(text);
    } catch (error) {
      if (!(error instanceof ScheduleCommandError)) throw error;
      await ack({
        response_type: "ephemeral",
        text: `I couldn't read ${codeSpan(`/report ${text}`).text}: ${escapeSlackText(error.message)}.\n${SCHEDULE_USAGE}`,
      });
      return;
    }
    if (schedule) {
      await deps.jobs.enqueue(
        {
          kind: "schedule-command",
          payload: {
            command: schedule,
            channel: command.channel_id,
            user: command.user_id,
            workspace: workspaceOf(context),
            responseUrl: command.response_url,
          },
        },
        triggerKey(command.trigger_id),
      );
      await ack();
      return;
    }
    let request: ReturnType<typeof parseReportRequest>;
    try {
      request = parseReportRequest(text);
    } catch (error) {
      if (!(error instanceof ReportRequestError)) throw error;
      await ack({ response_type: "ephemeral", text: reportRefusal(text, null, error.message) });
      return;
    }
    await deps.jobs.enqueue(
      {
        kind: "build-report",
        payload: {
          text,
          channel: command.channel_id,
          user: command.user_id,
          workspace: workspaceOf(context),
          responseUrl: command.response_url,
        },
      },
      triggerKey(command.trigger_id),
    );
    await ack({ response_type: "ephemeral", text: reportBuilding(request) });
  });
}
