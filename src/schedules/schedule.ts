import type { Workspace } from "../store/index.js";

/**
 * A scheduled report: what follows `/report` (e.g. "by channel"), delivered to a channel daily or weekly
 * at a local time in the time zone of the person who scheduled it.
 */
export interface ScheduleRule {
  cadence: "daily" | "weekly";
  /** ISO weekday, 1 Monday to 7 Sunday; weekly only. */
  weekday: number | null;
  /** 24-hour local time, "HH:MM". */
  time: string;
  /** IANA name, e.g. "Europe/London", as Slack's users.info gives it. */
  timeZone: string;
}

export interface ScheduleRecord extends ScheduleRule {
  id: number;
  workspace: Workspace;
  channel: string;
  /** The words after `/report`, read by the report builder at each delivery. */
  report: string;
  /** When set, each delivery answers this question from the channel's latest data instead of a report. */
  question: string | null;
  createdBy: string | null;
  createdAt: Date;
  /** The next delivery the sweep looks for. */
  nextSlotAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

export interface NewSchedule extends ScheduleRule {
  workspace: Workspace;
  channel: string;
  report: string;
  question?: string | null;
  createdBy: string | null;
  createdAt: Date;
  nextSlotAt: Date;
}

/** Where schedules are kept: a table in the app's database, on SQLite or PostgreSQL. */
export interface ScheduleStore {
  add(input: NewSchedule): Promise<ScheduleRecord>;
  get(id: number): Promise<ScheduleRecord | null>;
  /** A channel's schedules still running, oldest first. */
  list(channel: string, workspace: Workspace): Promise<ScheduleRecord[]>;
  /** False when the channel (of the workspace) has no running schedule with that id. */
  remove(id: number, channel: string, workspace: Workspace): Promise<boolean>;
  /** Running schedules whose next slot is at or before `now`, across every workspace. */
  due(now: Date): Promise<ScheduleRecord[]>;
  /**
   * Moves a schedule's next slot from `from` to `to`; false when another sweep moved it first (or it
   * ended), so two instances never both advance it.
   */
  advance(id: number, from: Date, to: Date): Promise<boolean>;
  /** Stops a schedule for good, keeping its row and why (a deleted channel, the app removed). */
  end(id: number, reason: string, at: Date): Promise<void>;
  close(): Promise<void>;
}
