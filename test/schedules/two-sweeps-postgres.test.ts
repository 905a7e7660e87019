import { afterEach, expect, it } from "vitest";
import type { JobQueue } from "../../src/jobs/job-queue.js";
import { openPgBossJobQueue } from "../../src/jobs/postgres/pg-boss-job-queue.js";
import { openPostgresSchedules, type ScheduleStore, sweepDueSchedules } from "../../src/schedules/index.js";
import { postgresDatabase, type TempDatabase } from "../jobs/temp-postgres.js";

/**
 * Issue 17, item 4 on a deployment's setup: two instances, each with its own pool, its own pg-boss queue
 * and its own schedule store, on one PostgreSQL database, sweeping the same due slot at once.
 */
let database: TempDatabase | null = null;
const opened: Array<ScheduleStore | JobQueue> = [];
afterEach(async () => {
  for (const part of opened.splice(0)) await part.close();
  await database?.remove();
});

it("two instances sweeping one PostgreSQL database at once write one job for the slot", async () => {
  database = await postgresDatabase();
  const url = database.url;
  const instances = await Promise.all(
    [1, 2].map(async () => {
      const schedules = await openPostgresSchedules(url);
      const queue = await openPgBossJobQueue(url);
      opened.push(schedules, queue);
      return { schedules, queue };
    }),
  );
  const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];
  const schedule = await one.schedules.add({
    cadence: "daily",
    weekday: null,
    time: "08:30",
    timeZone: "America/New_York",
    workspace: { team: "T1", enterprise: null },
    channel: "C1",
    report: "",
    createdBy: "U1",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    nextSlotAt: new Date("2026-11-01T13:30:00Z"),
  });
  const now = new Date("2026-11-01T13:30:05Z");
  const created = await Promise.all([
    sweepDueSchedules(one.schedules, one.queue, now),
    sweepDueSchedules(two.schedules, two.queue, now),
  ]);
  expect(created[0] + created[1]).toBe(1);
  const claimed = [
    ...(await one.queue.claim("one", 10, 60_000)),
    ...(await two.queue.claim("two", 10, 60_000)),
  ];
  expect(claimed.map((job) => job.key)).toEqual([`schedule:${schedule.id}:2026-11-01T13:30:00.000Z`]);
  expect((await two.schedules.get(schedule.id))?.nextSlotAt.toISOString()).toBe("2026-11-02T13:30:00.000Z");
});
