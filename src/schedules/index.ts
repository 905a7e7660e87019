export { endingReason } from "./ending-slack-errors.js";
export { isKnownTimeZone, latestDueSlot, nextSlot } from "./next-slot.js";
export { openSchedules } from "./open-schedule-store.js";
export { openPostgresSchedules } from "./postgres-schedule-store.js";
export type { NewSchedule, ScheduleRecord, ScheduleRule, ScheduleStore } from "./schedule.js";
export { runScheduleCommand, type ScheduleAsker } from "./schedule-actions.js";
export {
  parseScheduleCommand,
  SCHEDULE_USAGE,
  type ScheduleCommand,
  ScheduleCommandError,
  weekdayName,
} from "./schedule-command.js";
export { ScheduleSweeper } from "./schedule-sweeper.js";
export { describeDelivery, describeReportWords, describeRule, describeSlot } from "./schedule-words.js";
export { openSqliteSchedules } from "./sqlite-schedule-store.js";
export {
  LATE_AFTER_MS,
  type ScheduledReportJob,
  slotKey,
  sweepDueSchedules,
} from "./sweep-due-schedules.js";
