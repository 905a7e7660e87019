import type { webApi } from "@slack/bolt";
import { mrkdwn } from "../../format/slack-text.js";
import { parseReportRequest, ReportRequestError } from "../../report/report-request.js";
import { postReport } from "../../slack/flows/post-report.js";
import { describeFailure, failureForPeople } from "../../slack/flows/slack-failure.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import { reportRefusal } from "../../slack/views/report-refusal.js";
import type { ReportJob } from "./slack-jobs.js";

/** `/report`: the command was read and acknowledged; the report itself is built here. */
export async function buildReportJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: ReportJob,
): Promise<void> {
  const request = parseReportRequest(job.text);
  try {
    await postReport(
      deps,
      client,
      request,
      { channel: job.channel, user: job.user, workspace: job.workspace },
      { scheduleValue: job.text },
    );
  } catch (error) {
    if (error instanceof ReportRequestError) {
      // A new message, not `replace_original`: a slash command's response_url has no original to replace.
      await respond(job.responseUrl, reportRefusal(job.text, request, error.message));
      return;
    }
    deps.logger.error("slack: /report failed", { channel: job.channel, error: describeFailure(error) });
    await respond(
      job.responseUrl,
      mrkdwn`⚠️ The report failed (${failureForPeople(error)}). Please try again.`,
    );
  }
}

/** A private reply to the person who typed the command, through the command's response_url. */
export async function respond(responseUrl: string, text: string): Promise<void> {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ response_type: "ephemeral", text }),
  });
  if (!response.ok) throw new Error(`Slack refused the command's reply with HTTP ${response.status}`);
}
