import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPostgresSchedules, openSqliteSchedules, type ScheduleStore } from "../../src/schedules/index.js";
import { postgresDatabase, type TempDatabase } from "../jobs/temp-postgres.js";

export const ENGINES = ["sqlite", "postgres"] as const;

/** A real database of its own (a SQLite file, or a database on the suite's PostgreSQL), opened as often as asked. */
export interface TempSchedules {
  /** The SQLite file (also where a test's job queue lives). */
  file: string;
  open(): Promise<ScheduleStore>;
  remove(): Promise<void>;
}

export function tempSchedules(engine: (typeof ENGINES)[number]): TempSchedules {
  const folder = mkdtempSync(join(tmpdir(), "mpo-schedules-"));
  const file = join(folder, "mpo.db");
  const opened: ScheduleStore[] = [];
  let database: Promise<TempDatabase> | null = null;
  return {
    file,
    async open() {
      if (engine === "postgres" && !database) database = postgresDatabase();
      const store = database ? await openPostgresSchedules((await database).url) : openSqliteSchedules(file);
      opened.push(store);
      return store;
    },
    async remove() {
      for (const store of opened) await store.close().catch(() => undefined);
      if (database) await (await database).remove();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
