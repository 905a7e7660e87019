import type { Workspace } from "../store/index.js";
import { openMigratedDatabase } from "../store/sqlite/open-migrated-database.js";
import type { NewSchedule, ScheduleStore } from "./schedule.js";
import { INSERT_COLUMNS, insertValues, type ScheduleRow, scheduleFromRow } from "./schedule-row.js";

/**
 * Schedules in the app's SQLite file, on a connection of their own. Two processes on one file advance a
 * schedule once: the update names the slot it moves from.
 */
export function openSqliteSchedules(path: string): ScheduleStore {
  const db = openMigratedDatabase(path);
  const place = "channel = ? AND team IS ? AND enterprise IS ? AND ended_at IS NULL";
  const insert = db.prepare(
    `INSERT INTO report_schedules (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const byId = db.prepare<[number], ScheduleRow>("SELECT * FROM report_schedules WHERE id = ?");
  const ofChannel = db.prepare<[string, string | null, string | null], ScheduleRow>(
    `SELECT * FROM report_schedules WHERE ${place} ORDER BY id`,
  );
  const remove = db.prepare(`DELETE FROM report_schedules WHERE id = ? AND ${place}`);
  const due = db.prepare<[number], ScheduleRow>(
    "SELECT * FROM report_schedules WHERE ended_at IS NULL AND next_slot_at <= ? ORDER BY next_slot_at, id",
  );
  const advance = db.prepare(
    "UPDATE report_schedules SET next_slot_at = ? WHERE id = ? AND next_slot_at = ? AND ended_at IS NULL",
  );
  const end = db.prepare(
    "UPDATE report_schedules SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
  );
  const where = (channel: string, workspace: Workspace) =>
    [channel, workspace.team, workspace.enterprise] as const;

  return {
    add: async (input: NewSchedule) => scheduleFromRow(insert.get(...insertValues(input)) as ScheduleRow),
    get: async (id) => {
      const row = byId.get(id);
      return row ? scheduleFromRow(row) : null;
    },
    list: async (channel, workspace) => ofChannel.all(...where(channel, workspace)).map(scheduleFromRow),
    remove: async (id, channel, workspace) => remove.run(id, ...where(channel, workspace)).changes > 0,
    due: async (now) => due.all(now.getTime()).map(scheduleFromRow),
    advance: async (id, from, to) => advance.run(to.getTime(), id, from.getTime()).changes > 0,
    end: async (id, reason, at) => {
      end.run(at.getTime(), reason, id);
    },
    close: async () => {
      db.close();
    },
  };
}
