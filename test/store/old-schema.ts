import { renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import type pg from "pg";
import { decodeAll } from "../../src/ingest/text-dictionary.js";
import { POSTGRES_STEPS } from "../../src/store/postgres/postgres-migrations.js";
import { STEPS } from "../../src/store/sqlite/migrations.js";
import { onPostgresServer } from "./database-schema.js";
import type { TempStore } from "./temp-store.js";

/**
 * Turns a closed temporary store's database into what an older program, at schema `version`, left: a new
 * database made by that version's steps alone, holding every row's columns of that version. A dataset
 * column the current program keeps as bytes is written as the JSON list older programs wrote. Later steps
 * (whoever adds them) need no change here.
 */
export async function downgrade(temp: TempStore, version: number): Promise<void> {
  if (temp.kind === "sqlite") downgradeSqlite(temp.path, version);
  else await onPostgresServer((client) => downgradePostgres(client, temp.path, version));
}

interface TextRow {
  dataset_id: string;
  position: number;
  role: string;
  text_bytes: Uint8Array;
  text_offsets: Uint8Array;
}

/** The JSON list an older program kept for each text column the current one keeps as bytes. */
function oldDictionaries(rows: readonly TextRow[]) {
  return rows.map((row) => {
    if (row.role !== "dimension")
      throw new Error(`a schema before identifier columns cannot hold a ${row.role}`);
    const offsets = new Int32Array(row.text_offsets.byteLength / 4);
    new Uint8Array(offsets.buffer).set(row.text_offsets);
    const dictionary = JSON.stringify(decodeAll({ bytes: row.text_bytes, offsets }));
    return { datasetId: row.dataset_id, position: row.position, dictionary };
  });
}

const FOREIGN_KEY_VIOLATION = "23503";

const TEXT_ROWS = `SELECT dataset_id, position, role, text_bytes, text_offsets FROM {current}dataset_columns
  WHERE text_bytes IS NOT NULL`;

function downgradeSqlite(path: string, version: number): void {
  const old = `${path}.old`;
  const db = new Database(old);
  for (const step of STEPS.slice(0, version)) db.exec(step);
  db.exec(`ATTACH DATABASE '${path}' AS current`);
  // Copied rows are stored pushes already: the triggers that record pushes must not add them again.
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'",
    )
    .all();
  for (const trigger of triggers) db.exec(`DROP TRIGGER main.${trigger.name}`);
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all();
  for (const { name } of tables) {
    const columns = db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}', 'main')`)
      .all()
      .map((column) => column.name)
      .join(", ");
    db.exec(`INSERT INTO main.${name} (${columns}) SELECT ${columns} FROM current.${name}`);
  }
  const oldColumns = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('dataset_columns', 'main')")
    .all();
  if (!oldColumns.some((column) => column.name === "text_bytes")) {
    const setDictionary = db.prepare(
      "UPDATE main.dataset_columns SET dictionary = ? WHERE dataset_id = ? AND position = ?",
    );
    for (const row of oldDictionaries(
      db.prepare<[], TextRow>(TEXT_ROWS.replace("{current}", "current.")).all(),
    )) {
      setDictionary.run(row.dictionary, row.datasetId, row.position);
    }
  }
  for (const trigger of triggers) db.exec(trigger.sql);
  db.exec("DETACH DATABASE current");
  db.pragma(`user_version = ${version}`);
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  renameSync(old, path);
}

async function downgradePostgres(client: pg.Client, schema: string, version: number): Promise<void> {
  const old = `${schema}_old`;
  await client.query("BEGIN");
  await client.query(`CREATE SCHEMA ${old}`);
  await client.query(`SET LOCAL search_path = ${old}`);
  await client.query(
    "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)",
  );
  for (const [index, step] of POSTGRES_STEPS.slice(0, version).entries()) {
    await client.query(step);
    await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [index + 1, 0]);
  }
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    is_identity: string;
  }>(
    `SELECT columns.table_name, column_name, is_identity FROM information_schema.columns
     JOIN information_schema.tables USING (table_schema, table_name)
     WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND columns.table_name <> 'schema_migrations'
     ORDER BY columns.table_name, ordinal_position`,
    [old],
  );
  // Parents before children: a table whose rows refer to a table not yet copied waits for the next round.
  let waiting = [...new Set(columns.map((column) => column.table_name))];
  while (waiting.length > 0) {
    const next: string[] = [];
    for (const table of waiting) {
      const names = columns
        .filter((column) => column.table_name === table)
        .map((column) => `"${column.column_name}"`)
        .join(", ");
      await client.query("SAVEPOINT copy");
      try {
        await client.query(
          `INSERT INTO ${old}."${table}" (${names}) OVERRIDING SYSTEM VALUE SELECT ${names} FROM ${schema}."${table}"`,
        );
      } catch (error) {
        if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
        await client.query("ROLLBACK TO SAVEPOINT copy");
        next.push(table);
      }
    }
    if (next.length === waiting.length)
      throw new Error(`cannot copy ${next.join(", ")}: their rows refer to each other`);
    waiting = next;
  }
  // Identities go on from the copied rows, as they would have in the old database.
  for (const column of columns.filter((candidate) => candidate.is_identity === "YES")) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${old}."${column.table_name}"', '${column.column_name}'),
                     coalesce((SELECT max("${column.column_name}") FROM ${old}."${column.table_name}"), 0) + 1, false)`,
    );
  }
  if (
    !columns.some((column) => column.table_name === "dataset_columns" && column.column_name === "text_bytes")
  ) {
    const { rows } = await client.query<TextRow>(TEXT_ROWS.replace("{current}", `${schema}.`));
    for (const row of oldDictionaries(rows)) {
      await client.query(
        `UPDATE ${old}.dataset_columns SET dictionary = $1 WHERE dataset_id = $2 AND position = $3`,
        [row.dictionary, row.datasetId, row.position],
      );
    }
  }
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.query(`ALTER SCHEMA ${old} RENAME TO ${schema}`);
  await client.query("COMMIT");
}
