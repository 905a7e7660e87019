import type { App } from "@slack/bolt";
import { clientLogger, slackClientOptions } from "../../slack/slack-client-options.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { JobQueue } from "../job-queue.js";
import type { JobHandler } from "../job-worker.js";
import { OncePerJobClient } from "../once-per-job-client.js";
import { runSlackJob } from "./run-slack-job.js";

/** The worker's handler for Slack's jobs: each run gets a client that posts each of its steps once. */
export function slackJobHandler(deps: SlackDeps, queue: JobQueue, app: App): JobHandler {
  const options = { ...slackClientOptions(deps.config.slack.apiUrl), logger: clientLogger(deps.logger) };
  return (job) =>
    runSlackJob(
      deps,
      { app, client: new OncePerJobClient(deps.botToken, options, { id: job.id, queue }) },
      job,
    );
}
