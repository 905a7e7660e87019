import { afterEach, describe, expect, it } from "vitest";
import { openSqliteJobQueue } from "../../src/jobs/sqlite/sqlite-job-queue.js";
import { type NewSchedule, sweepDueSchedules } from "../../src/schedules/index.js";
import { ENGINES, type TempSchedules, tempSchedules } from "./temp-schedules.js";

const acme = { team: "T_ACME", enterprise: null };
const globex = { team: "T_GLOBEX", enterprise: null };

const weekly = (overrides: Partial<NewSchedule> = {}): NewSchedule => ({
  cadence: "weekly",
  weekday: 1,
  time: "09:00",
  timeZone: "Europe/London",
  workspace: acme,
  channel: "C1",
  report: "by channel",
  createdBy: "U1",
  createdAt: new Date("2026-03-18T12:00:00Z"),
  nextSlotAt: new Date("2026-03-23T09:00:00Z"),
  ...overrides,
});

describe.each(ENGINES)("schedules on %s", (engine) => {
  let temp: TempSchedules;
  afterEach(async () => temp?.remove());

  it("keeps schedules per workspace and channel: listed and removed only there", async () => {
    temp = tempSchedules(engine);
    const store = await temp.open();
    const first = await store.add(weekly());
    await store.add(weekly({ channel: "C2" }));
    await store.add(weekly({ workspace: globex }));
    expect(first).toMatchObject({ cadence: "weekly", weekday: 1, time: "09:00", report: "by channel" });
    expect((await store.list("C1", acme)).map((s) => s.id)).toEqual([first.id]);
    expect(await store.remove(first.id, "C1", globex)).toBe(false);
    expect(await store.remove(first.id, "C2", acme)).toBe(false);
    expect(await store.remove(first.id, "C1", acme)).toBe(true);
    expect(await store.list("C1", acme)).toEqual([]);
    expect(await store.list("C1", globex)).toHaveLength(1);
  });

  it("one sweep's advance wins when two stores move the same slot; an ended schedule is no longer due", async () => {
    temp = tempSchedules(engine);
    const [one, two] = [await temp.open(), await temp.open()];
    const schedule = await one.add(weekly());
    const next = new Date("2026-03-30T08:00:00Z");
    const moved = await Promise.all([
      one.advance(schedule.id, schedule.nextSlotAt, next),
      two.advance(schedule.id, schedule.nextSlotAt, next),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    expect((await two.get(schedule.id))?.nextSlotAt).toEqual(next);
    expect(await one.due(new Date("2026-03-30T08:00:00Z"))).toHaveLength(1);
    await two.end(schedule.id, "the channel was deleted", new Date("2026-03-30T08:01:00Z"));
    expect(await one.due(new Date("2026-04-30T00:00:00Z"))).toEqual([]);
    expect(await one.get(schedule.id)).toMatchObject({ endReason: "the channel was deleted" });
    expect(await one.list("C1", acme)).toEqual([]);
  });

  it("two instances sweeping at once on one database write one job per slot", async () => {
    temp = tempSchedules(engine);
    const [one, two] = [await temp.open(), await temp.open()];
    const queueOne = openSqliteJobQueue(temp.file);
    const queueTwo = openSqliteJobQueue(temp.file);
    try {
      const schedule = await one.add(weekly());
      const now = new Date("2026-03-23T09:00:20Z");
      const created = await Promise.all([
        sweepDueSchedules(one, queueOne, now),
        sweepDueSchedules(two, queueTwo, now),
      ]);
      expect(created[0] + created[1]).toBe(1);
      const claimed = await queueOne.claim("test", 10, 60_000);
      expect(claimed).toHaveLength(1);
      expect(claimed[0]).toMatchObject({
        kind: "scheduled-report",
        key: `schedule:${schedule.id}:2026-03-23T09:00:00.000Z`,
        payload: { scheduleId: schedule.id, slot: "2026-03-23T09:00:00.000Z", late: false },
      });
      // Both moved on to the next Monday, 09:00 BST.
      expect((await two.get(schedule.id))?.nextSlotAt.toISOString()).toBe("2026-03-30T08:00:00.000Z");
      expect(await sweepDueSchedules(two, queueTwo, new Date("2026-03-23T09:01:00Z"))).toBe(0);
    } finally {
      await queueOne.close();
      await queueTwo.close();
    }
  });

  it("slots missed while the app was down: the newest is delivered once, marked late", async () => {
    temp = tempSchedules(engine);
    const store = await temp.open();
    const queue = openSqliteJobQueue(temp.file);
    try {
      const schedule = await store.add(weekly());
      // Down from before 23 March until Thursday 2 April: two Mondays passed.
      const back = new Date("2026-04-02T15:00:00Z");
      expect(await sweepDueSchedules(store, queue, back)).toBe(1);
      expect(await sweepDueSchedules(store, queue, new Date("2026-04-02T15:00:30Z"))).toBe(0);
      const claimed = await queue.claim("test", 10, 60_000);
      expect(claimed.map((job) => job.payload)).toEqual([
        { scheduleId: schedule.id, slot: "2026-03-30T08:00:00.000Z", late: true },
      ]);
      expect((await store.get(schedule.id))?.nextSlotAt.toISOString()).toBe("2026-04-06T08:00:00.000Z");
    } finally {
      await queue.close();
    }
  });

  it("a schedule that cannot be swept does not hold back the others, and the sweep says which failed", async () => {
    temp = tempSchedules(engine);
    const store = await temp.open();
    const queue = openSqliteJobQueue(temp.file);
    try {
      await store.add(weekly({ timeZone: "Mars/Olympus_Mons" }));
      const good = await store.add(weekly({ channel: "C2" }));
      const sweep = sweepDueSchedules(store, queue, new Date("2026-03-23T09:00:30Z"));
      await expect(sweep).rejects.toThrow("could not sweep 1 due schedule(s)");
      const claimed = await queue.claim("test", 10, 60_000);
      expect(claimed.map((job) => job.key)).toEqual([`schedule:${good.id}:2026-03-23T09:00:00.000Z`]);
    } finally {
      await queue.close();
    }
  });
});
