import type { JobQueue } from "../jobs/job-queue.js";
import { latestDueSlot, nextSlot } from "./next-slot.js";
import type { ScheduleRecord, ScheduleStore } from "./schedule.js";

/** A slot delivered this long after its time says it is late (the sweep itself runs every half minute). */
export const LATE_AFTER_MS = 10 * 60_000;

/** The job of one delivery: the report of a schedule for one slot. */
export interface ScheduledReportJob {
  scheduleId: number;
  /** ISO instant of the slot delivered. */
  slot: string;
  /** True when the slot was missed (the app was down) and is delivered afterwards. */
  late: boolean;
}

/** One slot of one schedule is one job, whichever instance's sweep writes it first. */
export const slotKey = (scheduleId: number, slot: Date) => `schedule:${scheduleId}:${slot.toISOString()}`;

/**
 * Writes a job for every schedule whose slot has come, then moves the schedule to its next slot. The job's
 * key names the slot, so two instances sweeping at once write one job; the job is written before the
 * schedule moves on, so a crash in between writes the same job again, which adds nothing. After downtime
 * only the newest missed slot is delivered, marked late. Returns how many jobs were new.
 */
export async function sweepDueSchedules(
  schedules: ScheduleStore,
  queue: Pick<JobQueue, "enqueue">,
  now: Date,
): Promise<number> {
  let created = 0;
  const failures: unknown[] = [];
  for (const schedule of await schedules.due(now)) {
    try {
      if (await sweepOne(schedules, queue, schedule, now)) created++;
    } catch (error) {
      // One schedule that cannot be swept (its database row unreadable, a zone the runtime no longer
      // knows) must not hold back the others.
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `could not sweep ${failures.length} due schedule(s)`);
  return created;
}

async function sweepOne(
  schedules: ScheduleStore,
  queue: Pick<JobQueue, "enqueue">,
  schedule: ScheduleRecord,
  now: Date,
): Promise<boolean> {
  const slot = latestDueSlot(schedule, schedule.nextSlotAt, now);
  const payload: ScheduledReportJob = {
    scheduleId: schedule.id,
    slot: slot.toISOString(),
    late: now.getTime() - slot.getTime() > LATE_AFTER_MS,
  };
  const enqueued = await queue.enqueue({
    kind: "scheduled-report",
    payload,
    key: slotKey(schedule.id, slot),
  });
  await schedules.advance(schedule.id, schedule.nextSlotAt, nextSlot(schedule, slot));
  return enqueued.created;
}
