import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import type { TempStore } from "./temp-store.js";

export interface ColumnShape {
  name: string;
  /** As the engine declares it: `TEXT`, `INTEGER`… on SQLite, `text`, `bigint`… on PostgreSQL. */
  type: string;
  notNull: boolean;
}

/** Table name to its columns, in the order they were made. */
export type SchemaShape = Record<string, ColumnShape[]>;

/** Work with an administrator's connection to the suite's PostgreSQL server (see postgres-server.ts). */
export async function onPostgresServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The tables and columns of a temporary store's database, read from the engine's own catalogue. */
export async function schemaOf(temp: TempStore): Promise<SchemaShape> {
  if (temp.kind === "sqlite") {
    const db = new Database(temp.path, { readonly: true });
    try {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all();
      const shape: SchemaShape = {};
      for (const { name } of tables) {
        const columns = db
          .prepare<[string], { name: string; type: string; notnull: number; pk: number }>(
            'SELECT name, type, "notnull", pk FROM pragma_table_info(?)',
          )
          .all(name);
        // A primary key never holds NULL here (SQLite would allow it in a text key; the app never writes one).
        shape[name] = columns.map((column) => ({
          name: column.name,
          type: column.type,
          notNull: column.notnull === 1 || column.pk > 0,
        }));
      }
      return shape;
    } finally {
      db.close();
    }
  }
  const rows = await onPostgresServer(
    async (client) =>
      (
        await client.query<{
          table_name: string;
          column_name: string;
          data_type: string;
          is_nullable: string;
        }>(
          `SELECT columns.table_name, column_name, data_type, is_nullable FROM information_schema.columns
           JOIN information_schema.tables USING (table_schema, table_name)
           WHERE table_schema = $1 AND table_type = 'BASE TABLE'
           ORDER BY columns.table_name, ordinal_position`,
          [temp.path],
        )
      ).rows,
  );
  const shape: SchemaShape = {};
  for (const row of rows) {
    const columns = shape[row.table_name] ?? [];
    columns.push({ name: row.column_name, type: row.data_type, notNull: row.is_nullable === "NO" });
    shape[row.table_name] = columns;
  }
  return shape;
}

/** Every row of the given tables and columns, in a fixed order: what a migration must not lose. */
export async function contentsOf(
  temp: TempStore,
  shape: SchemaShape,
): Promise<Record<string, Record<string, unknown>[]>> {
  const select = (table: string) => {
    const columns = (shape[table] ?? []).map((column) => `"${column.name}"`).join(", ");
    return `SELECT ${columns} FROM ${temp.kind === "postgres" ? `"${temp.path}".` : ""}"${table}" ORDER BY ${columns}`;
  };
  const contents: Record<string, Record<string, unknown>[]> = {};
  if (temp.kind === "sqlite") {
    const db = new Database(temp.path, { readonly: true });
    try {
      for (const table of Object.keys(shape))
        contents[table] = db.prepare(select(table)).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
    return contents;
  }
  await onPostgresServer(async (client) => {
    for (const table of Object.keys(shape)) contents[table] = (await client.query(select(table))).rows;
  });
  return contents;
}
