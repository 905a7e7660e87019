import type { webApi } from "@slack/bolt";
import { isKnownTimeZone, runScheduleCommand, type ScheduleCommand } from "../../schedules/index.js";
import { describeFailure } from "../../slack/flows/slack-failure.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { Workspace } from "../../store/index.js";
import { respond } from "./build-report-job.js";

/** `/report schedule …`, `/report schedules`, `/report unschedule N`, or the "Send this every Monday" button. */
export interface ScheduleCommandJob {
  command: ScheduleCommand;
  channel: string;
  user: string;
  workspace: Workspace;
  /** Where the answer goes, privately to the person. */
  responseUrl: string;
}

/**
 * Only a member of the channel may see or change its schedules; a schedule's time is the person's own
 * time zone, as Slack's users.info gives it.
 */
export async function scheduleCommandJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: ScheduleCommandJob,
): Promise<void> {
  if (!(await deps.membership.belongsTo(client, job.workspace, job.user, job.channel, deps.logger))) {
    await respond(
      job.responseUrl,
      "Only members of this channel can see or change its scheduled reports: join it first.",
    );
    return;
  }
  const timeZone = job.command.kind === "create" ? await timeZoneOf(deps, client, job.user) : null;
  const reply = await runScheduleCommand(
    deps.schedules,
    job.command,
    { channel: job.channel, user: job.user, workspace: job.workspace, timeZone },
    new Date(),
  );
  await respond(job.responseUrl, reply);
}

async function timeZoneOf(deps: SlackDeps, client: webApi.WebClient, user: string): Promise<string | null> {
  try {
    const info = await client.users.info({ user });
    const zone = info.user?.tz;
    return zone && isKnownTimeZone(zone) ? zone : null;
  } catch (error) {
    deps.logger.warn("schedules: users.info failed, so the schedule is in UTC", {
      user,
      error: describeFailure(error),
    });
    return null;
  }
}
