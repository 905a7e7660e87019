import { DateTime } from "luxon";
import type { ScheduleRule } from "./schedule.js";
import { weekdayName } from "./schedule-command.js";

/** "every Monday at 09:00 (Europe/London)" or "every day at 08:30 (America/New_York)". */
export function describeRule(rule: ScheduleRule): string {
  const when = rule.cadence === "weekly" ? `every ${weekdayName(rule.weekday ?? 1)}` : "every day";
  return `${when} at ${rule.time} (${rule.timeZone})`;
}

/** A slot as its readers see it: "Mon 14 Dec 2026, 09:00" in the schedule's time zone. */
export function describeSlot(slot: Date, timeZone: string): string {
  return DateTime.fromJSDate(slot, { zone: timeZone }).toFormat("ccc d LLL yyyy, HH:mm");
}

/** What a scheduled report is of: its words after `/report`, or the default report. */
export function describeReportWords(report: string): string {
  return report === "" ? "`/report`" : `\`/report ${report}\``;
}

/** What each delivery is: a report, or the answer to a question. */
export function describeDelivery(schedule: { report: string; question?: string | null }): string {
  return schedule.question ? `the answer to “${schedule.question}”` : describeReportWords(schedule.report);
}
