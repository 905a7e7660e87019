import type { App } from "@slack/bolt";
import { withReader } from "../../format/reader-locale.js";
import { clientLogger, slackClientOptions } from "../../slack/slack-client-options.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { JobQueue } from "../job-queue.js";
import type { JobHandler } from "../job-worker.js";
import { OncePerJobClient } from "../once-per-job-client.js";
import { jobReader } from "./job-reader.js";
import { jobWorkspace } from "./job-workspace.js";
import { runSlackJob } from "./run-slack-job.js";

/**
 * The worker's handler for Slack's jobs: each run gets a client with its workspace's bot token that posts
 * each of its steps once, and writes its figures for the person it answers (their locale and time zone).
 */
export function slackJobHandler(deps: SlackDeps, queue: JobQueue, app: App): JobHandler {
  const options = { ...slackClientOptions(deps.config.slack.apiUrl), logger: clientLogger(deps.logger) };
  return async (job) => {
    const workspace = await jobWorkspace(deps, job);
    const token = workspace ? await deps.botTokens.of(workspace) : deps.botToken;
    if (workspace && !token) {
      // The app was removed from the workspace: nothing can be posted there, now or on a retry.
      deps.logger.warn("jobs: the app is no longer installed in this job's workspace; the job is dropped", {
        kind: job.kind,
        team: workspace.team,
        enterprise: workspace.enterprise,
      });
      return;
    }
    const client = new OncePerJobClient(token ?? undefined, options, { id: job.id, queue });
    const reader = await jobReader(deps, client, job.payload);
    return withReader(reader, () => runSlackJob(deps, { app, client }, job));
  };
}
