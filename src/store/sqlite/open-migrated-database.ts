import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrations.js";

/**
 * A connection of its own on the app's SQLite file, for a part that keeps its own table there (targets,
 * schedules) or the store's own: WAL so another process may read while one writes, the caller's `pragmas`,
 * a wait instead of an error when the file is busy (the CLI or a second server during a deploy may hold the
 * write lock for a moment), and the store's schema migrated on open, so any part may open the file first.
 */
export function openMigratedDatabase(path: string, pragmas: readonly string[] = []): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    for (const pragma of pragmas) db.pragma(pragma);
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
