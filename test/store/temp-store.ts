import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import {
  openPostgresStore,
  openSqliteStore,
  type SqliteStoreOptions,
  type Store,
} from "../../src/store/index.js";

/** The engines the shared store suite runs on: every behaviour is checked on both. */
export const STORE_KINDS = ["sqlite", "postgres"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export type TempStoreOptions = Pick<
  SqliteStoreOptions,
  "historyLimit" | "keyRetentionMs" | "datasetPieceBytes" | "abandonedSaveMs"
>;

/** A real database of its own (a SQLite file, or a PostgreSQL schema), reopened as often as a test likes. */
export interface TempStore {
  kind: StoreKind;
  /** The SQLite file, or the PostgreSQL schema. */
  path: string;
  open(options?: TempStoreOptions): Promise<Store>;
  /** Closes every store opened here and deletes the database. */
  remove(): Promise<void>;
}

export function tempStore(kind: StoreKind = "sqlite"): TempStore {
  return kind === "sqlite" ? sqliteTemp() : postgresTemp();
}

function sqliteTemp(): TempStore {
  const folder = mkdtempSync(join(tmpdir(), "mpo-store-"));
  const path = join(folder, "data", "mpo.db");
  const opened: Store[] = [];
  return {
    kind: "sqlite",
    path,
    async open(options) {
      const store = openSqliteStore(path, options);
      opened.push(store);
      return store;
    },
    async remove() {
      for (const store of opened) await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A schema of its own on the suite's PostgreSQL server (see postgres-server.ts), found through search_path. */
function postgresTemp(): TempStore {
  const server = inject("postgresUrl");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const opened: Store[] = [];
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
    kind: "postgres",
    path: schema,
    async open(options) {
      created ??= admin(`CREATE SCHEMA ${schema}`);
      await created;
      const store = await openPostgresStore(url.toString(), { ...options, poolSize: 4 });
      opened.push(store);
      return store;
    },
    async remove() {
      for (const store of opened) await store.close().catch(() => undefined);
      if (created) await admin(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
