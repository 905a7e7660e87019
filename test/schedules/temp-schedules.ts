import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openPostgresSchedules, openSqliteSchedules, type ScheduleStore } from "../../src/schedules/index.js";

export const ENGINES = ["sqlite", "postgres"] as const;

/** A real database of its own (a SQLite file, or a schema on the suite's PostgreSQL), opened as often as asked. */
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
  const server = engine === "postgres" ? inject("postgresUrl") : "";
  const schema = `schedules_${randomBytes(6).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let created: Promise<void> | null = null;
  return {
    file,
    async open() {
      let store: ScheduleStore;
      if (engine === "sqlite") store = openSqliteSchedules(file);
      else {
        created ??= admin(`CREATE SCHEMA ${schema}`);
        await created;
        const url = new URL(server);
        url.searchParams.set("options", `-c search_path=${schema}`);
        store = await openPostgresSchedules(url.toString());
      }
      opened.push(store);
      return store;
    },
    async remove() {
      for (const store of opened) await store.close().catch(() => undefined);
      if (created) await admin(`DROP SCHEMA ${schema} CASCADE`);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
