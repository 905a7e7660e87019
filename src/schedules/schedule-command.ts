import { parseReportRequest, ReportRequestError } from "../report/report-request.js";

/** `/report schedule …`, `/report schedules` and `/report unschedule N`, as read from what was typed. */
export type ScheduleCommand =
  | {
      kind: "create";
      cadence: "daily" | "weekly";
      weekday: number | null;
      time: string;
      /** The words after the time: what `/report` builds at each delivery ("" for the default report). */
      report: string;
      /** From the button under an answer: the question answered again at each delivery. */
      question?: string;
    }
  | { kind: "list" }
  | { kind: "remove"; id: number };

export const SCHEDULE_USAGE = [
  "*Scheduled reports* (in your time zone):",
  "• `/report schedule weekly mon 09:00` · `/report schedule weekly friday 16:30 last week by campaign`",
  "• `/report schedule daily 08:30` · `/report schedule daily 08:30 by channel`",
  "• `/report schedules` lists this channel's schedules · `/report unschedule 3` stops one",
].join("\n");

export class ScheduleCommandError extends Error {
  override readonly name = "ScheduleCommandError";
}

/** Day names from Intl, Monday first (1 January 2024 was a Monday), so ISO weekday = index + 1. */
const WEEKDAYS = Array.from({ length: 7 }, (_, index) =>
  new Date(Date.UTC(2024, 0, 1 + index)).toLocaleString("en-US", { weekday: "long", timeZone: "UTC" }),
);

/** The name of an ISO weekday, e.g. 1 → "Monday". */
export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? String(weekday);
}

/**
 * Reads the schedule forms of `/report`; null when the words are an ordinary report request. A form with
 * a mistake throws ScheduleCommandError naming every part that was wrong.
 */
export function parseScheduleCommand(text: string): ScheduleCommand | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = words[0]?.toLowerCase();
  if (verb === "schedules") {
    if (words.length > 1) throw new ScheduleCommandError("`/report schedules` takes nothing after it");
    return { kind: "list" };
  }
  if (verb === "unschedule") return readRemoval(words.slice(1));
  if (verb === "schedule") return readCreation(words.slice(1));
  return null;
}

function readRemoval(words: string[]): ScheduleCommand {
  const id = /^#?(\d{1,9})$/.exec(words[0] ?? "");
  if (words.length !== 1 || !id) {
    throw new ScheduleCommandError(
      "`/report unschedule` needs the number of one schedule, as `/report schedules` lists them, e.g. `/report unschedule 3`",
    );
  }
  return { kind: "remove", id: Number(id[1]) };
}

function readCreation(words: string[]): ScheduleCommand {
  const cadence = words[0]?.toLowerCase();
  if (cadence !== "daily" && cadence !== "weekly") {
    throw new ScheduleCommandError(
      words[0]
        ? `"${words[0]}" is not how often: say daily or weekly`
        : "a schedule needs how often (daily or weekly) and a time",
    );
  }
  const problems: string[] = [];
  let weekday: number | null = null;
  let rest = words.slice(1);
  if (cadence === "weekly") {
    const day = rest[0];
    weekday = day ? readWeekday(day) : null;
    if (weekday === null) {
      problems.push(day ? `"${day}" is not a day of the week` : "a weekly schedule needs a day");
    }
    rest = rest.slice(1);
  }
  if (rest[0]?.toLowerCase() === "at") rest = rest.slice(1);
  const timeWord = rest[0];
  const time = timeWord ? readTime(timeWord) : null;
  if (time === null) {
    problems.push(
      timeWord
        ? `"${timeWord}" is not a time of day (24-hour HH:MM, 00:00 to 23:59)`
        : "it needs a time of day, e.g. 09:00",
    );
  }
  const report = rest.slice(1).join(" ");
  if (problems.length === 0 && report !== "") {
    try {
      parseReportRequest(report);
    } catch (error) {
      if (!(error instanceof ReportRequestError)) throw error;
      problems.push(`after the time, ${error.message}`);
    }
  }
  if (problems.length > 0) throw new ScheduleCommandError(problems.join(", and "));
  return { kind: "create", cadence, weekday, time: time as string, report };
}

/** "mon", "Monday", "tues", "thursdays": any start of a day's name of two letters or more. */
function readWeekday(word: string): number | null {
  const lower = word.toLowerCase().replace(/s$/, "");
  if (lower.length < 2) return null;
  const index = WEEKDAYS.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index === -1 ? null : index + 1;
}

/** "09:00", "9:00" or "17:45" (24-hour), as "HH:MM"; null for anything else. */
function readTime(word: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(word);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${match[2]}`;
}
