import type { App } from "@slack/bolt";
import { mrkdwn } from "../../../format/slack-text.js";
import { parseReportRequest, REPORT_USAGE, ReportRequestError } from "../../../report/report-request.js";
import { postReport } from "../../flows/post-report.js";
import { describeFailure, failureForPeople } from "../../flows/slack-failure.js";
import type { SlackDeps } from "../../slack-deps.js";
import { reportBuilding, reportRefusal } from "../../views/report-refusal.js";
import { workspaceOf } from "../workspace-of.js";

export function registerReportCommand(app: App, deps: SlackDeps): void {
  app.command("/report", async ({ command, ack, respond, client, context }) => {
    const text = command.text.trim();
    if (text === "help") {
      await ack({ response_type: "ephemeral", text: REPORT_USAGE });
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
    await ack({ response_type: "ephemeral", text: reportBuilding(request) });
    try {
      await postReport(deps, client, request, {
        channel: command.channel_id,
        user: command.user_id,
        workspace: workspaceOf(context),
      });
    } catch (error) {
      if (error instanceof ReportRequestError) {
        // A new message, not `replace_original`: a slash command's response_url has no original to replace.
        await respond({ response_type: "ephemeral", text: reportRefusal(text, request, error.message) });
        return;
      }
      deps.logger.error("slack: /report failed", {
        channel: command.channel_id,
        error: describeFailure(error),
      });
      await respond({
        response_type: "ephemeral",
        text: mrkdwn`⚠️ The report failed (${failureForPeople(error)}). Please try again.`,
      });
    }
  });
}
