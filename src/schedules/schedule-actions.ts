import { escapeSlackText } from "../format/slack-text.js";
import type { Workspace } from "../store/index.js";
import { nextSlot } from "./next-slot.js";
import type { ScheduleStore } from "./schedule.js";
import type { ScheduleCommand } from "./schedule-command.js";
import { describeDelivery, describeRule, describeSlot } from "./schedule-words.js";

/** Who asked, where, and the time zone Slack gives for them (null when it gives none). */
export interface ScheduleAsker {
  channel: string;
  user: string;
  workspace: Workspace;
  timeZone: string | null;
}

/** The zone used when Slack gives a person none: said in the reply, so the time is not misread. */
const FALLBACK_ZONE = "UTC";

/**
 * Does what a schedule command asks in a channel the person is a member of (the caller checks that), and
 * returns the reply for them, in Slack mrkdwn with every stored value escaped.
 */
export async function runScheduleCommand(
  schedules: ScheduleStore,
  command: ScheduleCommand,
  asker: ScheduleAsker,
  now: Date,
): Promise<string> {
  switch (command.kind) {
    case "create": {
      const rule = {
        cadence: command.cadence,
        weekday: command.weekday,
        time: command.time,
        timeZone: asker.timeZone ?? FALLBACK_ZONE,
      };
      const created = await schedules.add({
        ...rule,
        workspace: asker.workspace,
        channel: asker.channel,
        report: command.report,
        question: command.question ?? null,
        createdBy: asker.user,
        createdAt: now,
        nextSlotAt: nextSlot(rule, now),
      });
      const zoneNote = asker.timeZone
        ? ""
        : "\nSlack gave no time zone for you, so the time is in UTC: set yours in Slack and schedule it again to change it.";
      return [
        `Scheduled #${created.id}: ${escapeSlackText(describeDelivery(created))} in this channel ${escapeSlackText(describeRule(created))}.`,
        `The first one comes ${escapeSlackText(describeSlot(created.nextSlotAt, created.timeZone))}. \`/report unschedule ${created.id}\` stops it.${zoneNote}`,
      ].join("\n");
    }
    case "list": {
      const list = await schedules.list(asker.channel, asker.workspace);
      if (list.length === 0)
        return "This channel has no scheduled reports. `/report schedule weekly mon 09:00` sets one up.";
      const lines = list.map(
        (schedule) =>
          `• #${schedule.id} ${escapeSlackText(describeDelivery(schedule))} ${escapeSlackText(describeRule(schedule))}, next ${escapeSlackText(describeSlot(schedule.nextSlotAt, schedule.timeZone))}`,
      );
      return ["*Scheduled reports in this channel:*", ...lines, "`/report unschedule N` stops one."].join(
        "\n",
      );
    }
    case "remove": {
      const removed = await schedules.remove(command.id, asker.channel, asker.workspace);
      return removed
        ? `Unscheduled #${command.id}: no more deliveries of it.`
        : `This channel has no scheduled report #${command.id}: \`/report schedules\` lists the ones it has.`;
    }
  }
}
