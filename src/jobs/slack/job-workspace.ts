import type { SlackDeps } from "../../slack/slack-deps.js";
import type { Workspace } from "../../store/index.js";
import type { ClaimedJob } from "../job-queue.js";

interface WithWorkspace {
  workspace?: Workspace;
  place?: { workspace?: Workspace };
  scheduleId?: number;
}

/**
 * The workspace a job works in, so it posts with that workspace's bot token: the one a person's action
 * names (at the payload's top or in its `place`), or the schedule's for a scheduled report. A stored Slack
 * event has none here: Bolt finds its token itself when the job hands it the event.
 */
export async function jobWorkspace(deps: SlackDeps, job: ClaimedJob): Promise<Workspace | null> {
  if (job.kind === "slack-event") return null;
  const payload = (job.payload ?? {}) as WithWorkspace;
  if (job.kind === "scheduled-report" && typeof payload.scheduleId === "number") {
    return (await deps.schedules.get(payload.scheduleId))?.workspace ?? null;
  }
  return payload.workspace ?? payload.place?.workspace ?? null;
}
