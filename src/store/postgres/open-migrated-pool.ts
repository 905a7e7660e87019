import pg from "pg";
import { migratePostgres } from "./postgres-migrations.js";

const INT8 = 20;

/**
 * A pool on the deployment's PostgreSQL database, the store's or a small one of a part that keeps its own
 * table there (targets, schedules), with the schema migrated (instances starting together take turns).
 * Epoch milliseconds and ids are bigint columns, read as numbers: every one of them fits.
 */
export async function openMigratedPool(url: string, max = 2): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
