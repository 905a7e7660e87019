import { openPostgresTargets } from "./postgres-target-store.js";
import { openSqliteTargets } from "./sqlite-target-store.js";
import type { TargetStore } from "./target.js";

/** Targets where DATABASE_URL keeps everything else: PostgreSQL, or the SQLite file. */
export function openTargets(databaseUrl: string, databasePath: string): Promise<TargetStore> {
  if (/^postgres(?:ql)?:\/\//.test(databaseUrl)) return openPostgresTargets(databaseUrl);
  return Promise.resolve(openSqliteTargets(databasePath));
}
