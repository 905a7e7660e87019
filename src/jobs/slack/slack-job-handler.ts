import type { App } from "@slack/bolt";
import { withReader } from "../../format/reader-locale.js";
import { clientLogger, slackClientOptions } from "../../slack/slack-client-options.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { JobQueue } from "../job-queue.js";
import type { JobHandler } from "../job-worker.js";
import { OncePerJobClient } from "../once-per-job-client.js";
import { jobReader } from "./job-reader.js";
import { runSlackJob } from "./run-slack-job.js";

/**
 * The worker's handler for Slack's jobs: each run gets a client that posts each of its steps once, and
 * writes its figures for the person it answers (their locale and time zone).
 */
export function slackJobHandler(deps: SlackDeps, queue: JobQueue, app: App): JobHandler {
  const options = { ...slackClientOptions(deps.config.slack.apiUrl), logger: clientLogger(deps.logger) };
  return async (job) => {
    const client = new OncePerJobClient(deps.botToken, options, { id: job.id, queue });
    const reader = await jobReader(deps, client, job.payload);
    return withReader(reader, () => runSlackJob(deps, { app, client }, job));
  };
}
