import Database from "better-sqlite3";
import { onPostgresServer } from "./database-schema.js";
import type { TempStore } from "./temp-store.js";

/** Runs statements on a temporary store's database directly, as another connection would. */
export async function onDatabase<T>(
  temp: TempStore,
  work: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  if (temp.kind === "sqlite") {
    const db = new Database(temp.path);
    try {
      return await work(async (sql) => {
        if (/^\s*select/i.test(sql)) return db.prepare(sql).all() as Record<string, unknown>[];
        db.exec(sql);
        return [];
      });
    } finally {
      db.close();
    }
  }
  return onPostgresServer(async (client) => {
    await client.query(`SET search_path = ${temp.path}`);
    return work(async (sql) => (await client.query(sql)).rows);
  });
}

/** How many rows a table of the store's database holds. */
export async function countRows(temp: TempStore, table: string, where = "true"): Promise<number> {
  return onDatabase(temp, async (query) => {
    const [row] = await query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
    return Number(row?.n);
  });
}

/** Makes every insert of the `failing`-th piece of any blob fail, as a full disk would. */
export async function failPieces(temp: TempStore, failing: number): Promise<void> {
  await onDatabase(temp, async (query) => {
    if (temp.kind === "sqlite") {
      await query(`CREATE TRIGGER disk_full BEFORE INSERT ON dataset_column_pieces WHEN NEW.piece = ${failing}
        BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      return;
    }
    await query(`CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await query(`CREATE TRIGGER disk_full BEFORE INSERT ON dataset_column_pieces
      FOR EACH ROW WHEN (NEW.piece = ${failing}) EXECUTE FUNCTION disk_full()`);
  });
}

export async function mendDisk(temp: TempStore): Promise<void> {
  await onDatabase(temp, async (query) => {
    await query(
      temp.kind === "sqlite" ? "DROP TRIGGER disk_full" : "DROP TRIGGER disk_full ON dataset_column_pieces",
    );
  });
}
