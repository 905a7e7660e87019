import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { latestDueSlot, nextSlot, type ScheduleRule } from "../../src/schedules/index.js";

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("the next slot of a schedule, in the person's time zone", () => {
  const londonMonday: ScheduleRule = {
    cadence: "weekly",
    weekday: 1,
    time: "09:00",
    timeZone: "Europe/London",
  };

  it("Europe/London in March: 09:00 GMT is 09:00Z, and after the clocks go forward 09:00 BST is 08:00Z", () => {
    const first = nextSlot(londonMonday, at("2026-03-20T12:00:00Z"));
    expect(iso(first)).toBe("2026-03-23T09:00:00.000Z");
    // Clocks go forward on Sunday 29 March 2026.
    expect(iso(nextSlot(londonMonday, first))).toBe("2026-03-30T08:00:00.000Z");
  });

  it("Europe/London in October: 08:00Z before the clocks go back on 25 October, 09:00Z after", () => {
    const before = nextSlot(londonMonday, at("2026-10-17T00:00:00Z"));
    expect(iso(before)).toBe("2026-10-19T08:00:00.000Z");
    expect(iso(nextSlot(londonMonday, before))).toBe("2026-10-26T09:00:00.000Z");
  });

  const newYorkDaily: ScheduleRule = {
    cadence: "daily",
    weekday: null,
    time: "08:30",
    timeZone: "America/New_York",
  };

  it("America/New_York daily 08:30 across 8 March (EST to EDT) and 1 November (EDT to EST)", () => {
    const saturday = nextSlot(newYorkDaily, at("2026-03-07T00:00:00Z"));
    expect(iso(saturday)).toBe("2026-03-07T13:30:00.000Z");
    expect(iso(nextSlot(newYorkDaily, saturday))).toBe("2026-03-08T12:30:00.000Z");
    const october = nextSlot(newYorkDaily, at("2026-10-31T00:00:00Z"));
    expect(iso(october)).toBe("2026-10-31T12:30:00.000Z");
    expect(iso(nextSlot(newYorkDaily, october))).toBe("2026-11-01T13:30:00.000Z");
  });

  it("a time the spring-forward skips is delivered once that day, an hour later by the clock", () => {
    const rule: ScheduleRule = {
      cadence: "daily",
      weekday: null,
      time: "02:30",
      timeZone: "America/New_York",
    };
    const saturday = nextSlot(rule, at("2026-03-07T00:00:00Z"));
    expect(iso(saturday)).toBe("2026-03-07T07:30:00.000Z");
    const sunday = nextSlot(rule, saturday);
    expect(iso(sunday)).toBe("2026-03-08T07:30:00.000Z");
    expect(DateTime.fromJSDate(sunday, { zone: rule.timeZone }).toFormat("HH:mm")).toBe("03:30");
    expect(iso(nextSlot(rule, sunday))).toBe("2026-03-09T06:30:00.000Z");
  });

  it("a time the fall-back repeats is delivered once, at its second occurrence (standard time)", () => {
    const rule: ScheduleRule = {
      cadence: "daily",
      weekday: null,
      time: "01:30",
      timeZone: "America/New_York",
    };
    // 05:30Z is 01:30 EDT and 06:30Z is 01:30 EST: one slot, whichever moment the sweep looks from.
    for (const from of ["2026-11-01T00:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z"]) {
      expect(iso(nextSlot(rule, at(from)))).toBe("2026-11-01T06:30:00.000Z");
    }
    expect(iso(nextSlot(rule, at("2026-11-01T06:30:00Z")))).toBe("2026-11-02T06:30:00.000Z");
  });

  it("over a whole year every slot is 09:00 local, one local day apart, whatever the UTC gap", () => {
    const rule: ScheduleRule = { cadence: "daily", weekday: null, time: "09:00", timeZone: "Europe/London" };
    let slot = nextSlot(rule, at("2026-01-01T00:00:00Z"));
    const gaps = new Set<number>();
    for (let day = 0; day < 366; day++) {
      const next = nextSlot(rule, slot);
      const local = DateTime.fromJSDate(next, { zone: rule.timeZone });
      expect(local.toFormat("HH:mm")).toBe("09:00");
      expect(
        local.diff(DateTime.fromJSDate(slot, { zone: rule.timeZone }).startOf("day"), "days").days,
      ).toBeLessThan(2);
      gaps.add((next.getTime() - slot.getTime()) / 3_600_000);
      slot = next;
    }
    expect([...gaps].sort()).toEqual([23, 24, 25]);
  });

  it("after downtime, the latest slot that has passed is the one due", () => {
    const due = at("2026-03-02T09:00:00Z");
    expect(iso(latestDueSlot(londonMonday, due, at("2026-03-19T10:00:00Z")))).toBe(
      "2026-03-16T09:00:00.000Z",
    );
    expect(iso(latestDueSlot(londonMonday, due, at("2026-03-02T09:05:00Z")))).toBe(
      "2026-03-02T09:00:00.000Z",
    );
  });
});
