import type { App, webApi } from "@slack/bolt";
import { openAlertAnalyst } from "../../slack/flows/open-alert-analyst.js";
import { publishHome } from "../../slack/flows/publish-home.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { ClaimedJob } from "../job-queue.js";
import { analyzeUploadJob } from "./analyze-upload-job.js";
import { answerQuestionJob } from "./answer-question-job.js";
import { buildReportJob } from "./build-report-job.js";
import { greetAssistantJob } from "./greet-assistant-job.js";
import { scheduleCommandJob } from "./schedule-command-job.js";
import { scheduledReportJob } from "./scheduled-report-job.js";
import type { SlackJob } from "./slack-jobs.js";

/**
 * Runs one Slack job with a client whose posts happen once per job (see OncePerJobClient). Throwing
 * means "run it again later"; a person's own mistake is answered inside the flows, not thrown.
 */
export async function runSlackJob(
  deps: SlackDeps,
  slack: { app: App; client: webApi.WebClient },
  claimed: ClaimedJob,
): Promise<void> {
  const { client } = slack;
  const job = { kind: claimed.kind, payload: claimed.payload } as SlackJob;
  switch (job.kind) {
    case "slack-event":
      // Bolt routes the stored envelope to its listeners, which write the jobs of what was asked.
      return slack.app.processEvent({
        body: job.payload.body,
        retryNum: job.payload.retryNum,
        retryReason: job.payload.retryReason,
        customProperties: {},
        ack: async () => undefined,
      });
    case "answer-question":
      return answerQuestionJob(deps, client, job.payload);
    case "analyze-upload":
      return analyzeUploadJob(deps, client, job.payload);
    case "build-report":
      return buildReportJob(deps, client, job.payload);
    case "open-alert-analyst":
      return openAlertAnalyst(deps, client, job.payload.alertId, {
        user: job.payload.user,
        workspace: job.payload.workspace,
      });
    case "publish-home":
      return publishHome(deps, client, job.payload);
    case "greet-assistant-thread":
      return greetAssistantJob(deps, client, job.payload);
    case "schedule-command":
      return scheduleCommandJob(deps, client, job.payload);
    case "scheduled-report":
      return scheduledReportJob(deps, client, job.payload);
    default:
      deps.logger.error("jobs: no handler for this kind of job; it is dropped", { kind: claimed.kind });
  }
}
