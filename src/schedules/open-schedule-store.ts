import { openPostgresSchedules } from "./postgres-schedule-store.js";
import type { ScheduleStore } from "./schedule.js";
import { openSqliteSchedules } from "./sqlite-schedule-store.js";

/** Schedules where DATABASE_URL keeps everything else: PostgreSQL, or the SQLite file. */
export function openSchedules(databaseUrl: string, databasePath: string): Promise<ScheduleStore> {
  if (/^postgres(?:ql)?:\/\//.test(databaseUrl)) return openPostgresSchedules(databaseUrl);
  return Promise.resolve(openSqliteSchedules(databasePath));
}
