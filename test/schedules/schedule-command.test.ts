import { describe, expect, it } from "vitest";
import { parseScheduleCommand, SCHEDULE_USAGE, ScheduleCommandError } from "../../src/schedules/index.js";

const refusal = (text: string) => {
  try {
    parseScheduleCommand(text);
  } catch (error) {
    if (error instanceof ScheduleCommandError) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was read`);
};

describe("/report schedule, schedules and unschedule", () => {
  it("reads weekly and daily schedules, with the report's own words after the time", () => {
    expect(parseScheduleCommand("schedule weekly mon 09:00 by channel")).toEqual({
      kind: "create",
      cadence: "weekly",
      weekday: 1,
      time: "09:00",
      report: "by channel",
    });
    expect(parseScheduleCommand("schedule daily 8:30")).toEqual({
      kind: "create",
      cadence: "daily",
      weekday: null,
      time: "08:30",
      report: "",
    });
    expect(parseScheduleCommand("schedule weekly Fridays at 16:45 last week by campaign")).toMatchObject({
      weekday: 5,
      time: "16:45",
      report: "last week by campaign",
    });
    expect(parseScheduleCommand("schedule weekly tues 07:00")).toMatchObject({ weekday: 2 });
    expect(parseScheduleCommand("schedule weekly SUNDAY 23:59")).toMatchObject({ weekday: 7 });
  });

  it("reads the list and removal forms, and leaves ordinary report words alone", () => {
    expect(parseScheduleCommand("schedules")).toEqual({ kind: "list" });
    expect(parseScheduleCommand("unschedule 3")).toEqual({ kind: "remove", id: 3 });
    expect(parseScheduleCommand("unschedule #12")).toEqual({ kind: "remove", id: 12 });
    expect(parseScheduleCommand("last 7 days by campaign")).toBeNull();
    expect(parseScheduleCommand("")).toBeNull();
  });

  it("says every part that was wrong: the day and the time", () => {
    expect(refusal("schedule weekly funday 25:00")).toBe(
      '"funday" is not a day of the week, and "25:00" is not a time of day (24-hour HH:MM, 00:00 to 23:59)',
    );
    expect(refusal("schedule daily 9am")).toMatch(/"9am" is not a time of day/);
    expect(refusal("schedule daily 12:60")).toMatch(/"12:60" is not a time of day/);
    expect(refusal("schedule monthly 09:00")).toBe('"monthly" is not how often: say daily or weekly');
    expect(refusal("schedule weekly")).toMatch(/a weekly schedule needs a day, and it needs a time of day/);
    expect(refusal("schedule daily 08:30 by")).toMatch(/after the time, `by` needs a dimension/);
    expect(refusal("unschedule three")).toMatch(/needs the number of one schedule/);
    expect(refusal("schedules please")).toMatch(/takes nothing after it/);
  });

  it("the accepted forms name each command", () => {
    for (const form of [
      "/report schedule weekly mon 09:00",
      "/report schedule daily 08:30",
      "/report schedules",
      "/report unschedule 3",
    ]) {
      expect(SCHEDULE_USAGE).toContain(form);
    }
  });
});
