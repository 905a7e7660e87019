import Database from "better-sqlite3";
import { type FactTable, readExport } from "../../src/ingest/index.js";
import { type TextDictionary, textDimension } from "../../src/ingest/text-dictionary.js";
import type { NewDataset } from "../../src/store/index.js";
import { onPostgresServer } from "./database-schema.js";
import type { TempStore } from "./temp-store.js";

/** Values as a file's reader keeps them: one UTF-8 buffer and an offset per value. */
function dictionaryOf(values: readonly string[]): TextDictionary {
  const encoded = values.map((value) => new TextEncoder().encode(value));
  const offsets = new Int32Array(values.length + 1);
  for (const [index, value] of encoded.entries())
    offsets[index + 1] = (offsets[index] as number) + value.length;
  const bytes = new Uint8Array(offsets[values.length] as number);
  for (const [index, value] of encoded.entries()) bytes.set(value, offsets[index]);
  return { bytes, offsets };
}

/**
 * A table with every kind of column, each far bigger than the small pieces the tests save in: dates, a
 * measure with NaN and -0, an undecoded text dimension and an identifier column of distinct values with
 * multi-byte characters.
 */
export function bigFacts(rows: number): FactTable {
  const spend = Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? Number.NaN : i * 0.25));
  spend[1] = -0;
  return {
    rowCount: rows,
    days: Int32Array.from({ length: rows }, (_, i) => 20_000 + (i % 90)),
    measures: { spend },
    extraMeasures: {},
    dimensions: {
      campaign: textDimension(
        Int32Array.from({ length: rows }, (_, i) => i % 3),
        dictionaryOf(["Brand", "Prospecting", "Ré-engagement"]),
      ),
    },
    identifiers: {
      search_term: {
        codes: Int32Array.from({ length: rows }, (_, i) => i),
        text: dictionaryOf(Array.from({ length: rows }, (_, i) => `terme n°${i} ✓`)),
      },
    },
  };
}

const RECEIPT = readExport({ bytes: Buffer.from("Campaign,Cost\nA,1\n"), name: "big.csv" }).receipt;

export function bigDataset(facts: FactTable, fileId: string | null = "F-big"): NewDataset {
  return { team: "T1", channel: "C1", threadTs: "1.1", fileId, name: "big.csv", receipt: RECEIPT, facts };
}

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
