import type { NewSchedule, ScheduleRecord } from "./schedule.js";

/** A report_schedules row as both engines return it (times are epoch milliseconds). */
export interface ScheduleRow {
  id: number;
  team: string | null;
  enterprise: string | null;
  channel: string;
  cadence: string;
  weekday: number | null;
  local_time: string;
  time_zone: string;
  report: string;
  question: string | null;
  created_by: string | null;
  created_at: number;
  next_slot_at: number;
  ended_at: number | null;
  end_reason: string | null;
}

export const INSERT_COLUMNS =
  "team, enterprise, channel, cadence, weekday, local_time, time_zone, report, question, created_by, created_at, next_slot_at";

/** A new schedule's values in INSERT_COLUMNS order, for either engine's statement. */
export function insertValues(input: NewSchedule): unknown[] {
  return [
    input.workspace.team,
    input.workspace.enterprise,
    input.channel,
    input.cadence,
    input.weekday,
    input.time,
    input.timeZone,
    input.report,
    input.question ?? null,
    input.createdBy,
    input.createdAt.getTime(),
    input.nextSlotAt.getTime(),
  ];
}

export function scheduleFromRow(row: ScheduleRow): ScheduleRecord {
  return {
    id: Number(row.id),
    workspace: { team: row.team, enterprise: row.enterprise },
    channel: row.channel,
    cadence: row.cadence === "weekly" ? "weekly" : "daily",
    weekday: row.weekday,
    time: row.local_time,
    timeZone: row.time_zone,
    report: row.report,
    question: row.question,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    nextSlotAt: new Date(Number(row.next_slot_at)),
    endedAt: row.ended_at === null ? null : new Date(Number(row.ended_at)),
    endReason: row.end_reason,
  };
}
