import type { Workspace } from "../store/index.js";
import { openMigratedPool } from "../store/postgres/open-migrated-pool.js";
import type { NewSchedule, ScheduleStore } from "./schedule.js";
import { INSERT_COLUMNS, insertValues, type ScheduleRow, scheduleFromRow } from "./schedule-row.js";

/**
 * Schedules in the deployment's PostgreSQL database, on a small pool of their own. Several instances
 * share the table: the sweep's update names the slot it moves from, so one instance advances it.
 */
export async function openPostgresSchedules(url: string): Promise<ScheduleStore> {
  const pool = await openMigratedPool(url);
  /** A channel's running schedules, its three values numbered from `first`. */
  const place = (first: number) =>
    `channel = $${first} AND team IS NOT DISTINCT FROM $${first + 1} AND enterprise IS NOT DISTINCT FROM $${first + 2} AND ended_at IS NULL`;
  const rows = async (text: string, values: unknown[]) => (await pool.query<ScheduleRow>(text, values)).rows;
  const where = (channel: string, workspace: Workspace) => [channel, workspace.team, workspace.enterprise];

  return {
    add: async (input: NewSchedule) => {
      const [row] = await rows(
        `INSERT INTO report_schedules (${INSERT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        insertValues(input),
      );
      return scheduleFromRow(row as ScheduleRow);
    },
    get: async (id) => {
      const [row] = await rows("SELECT * FROM report_schedules WHERE id = $1", [id]);
      return row ? scheduleFromRow(row) : null;
    },
    list: async (channel, workspace) =>
      (
        await rows(`SELECT * FROM report_schedules WHERE ${place(1)} ORDER BY id`, where(channel, workspace))
      ).map(scheduleFromRow),
    remove: async (id, channel, workspace) =>
      ((
        await pool.query(`DELETE FROM report_schedules WHERE id = $1 AND ${place(2)}`, [
          id,
          ...where(channel, workspace),
        ])
      ).rowCount ?? 0) > 0,
    due: async (now) =>
      (
        await rows(
          "SELECT * FROM report_schedules WHERE ended_at IS NULL AND next_slot_at <= $1 ORDER BY next_slot_at, id",
          [now.getTime()],
        )
      ).map(scheduleFromRow),
    advance: async (id, from, to) =>
      ((
        await pool.query(
          "UPDATE report_schedules SET next_slot_at = $1 WHERE id = $2 AND next_slot_at = $3 AND ended_at IS NULL",
          [to.getTime(), id, from.getTime()],
        )
      ).rowCount ?? 0) > 0,
    end: async (id, reason, at) => {
      await pool.query(
        "UPDATE report_schedules SET ended_at = $1, end_reason = $2 WHERE id = $3 AND ended_at IS NULL",
        [at.getTime(), reason, id],
      );
    },
    close: () => pool.end(),
  };
}
