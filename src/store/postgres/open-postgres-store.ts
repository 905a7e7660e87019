import type pg from "pg";
import { replayOrProduce } from "../replay-or-produce.js";
import { DEFAULT_PIECE_BYTES } from "../rows/column-pieces.js";
import { saveInPieces } from "../rows/save-in-pieces.js";
import type { Store } from "../store.js";
import { type StoreParts, storeFrom, type TableMethods } from "../store-from.js";
import { DEFAULT_HISTORY_LIMIT, DEFAULT_KEY_RETENTION_MS, type StoreOptions } from "../store-options.js";
import { openMigratedPool } from "./open-migrated-pool.js";
import { postgresAdoptUnownedRows } from "./postgres-adopt-unowned-rows.js";
import { postgresAlerts } from "./postgres-alerts.js";
import { postgresDatasetWriter, removeUnfinishedPostgresSaves } from "./postgres-dataset-writer.js";
import { postgresDatasets } from "./postgres-datasets.js";
import { postgresInstallations } from "./postgres-installations.js";
import { commitWithMarks, postgresJobsDue } from "./postgres-jobs-due.js";
import { postgresLive } from "./postgres-live.js";
import { LATEST_POSTGRES_VERSION, postgresSchemaVersion } from "./postgres-migrations.js";
import { postgresOnceOnly } from "./postgres-once-only.js";
import { postgresThreads } from "./postgres-threads.js";
import { postgresWebhookSecrets } from "./postgres-webhook-secrets.js";
import type { Sql } from "./sql.js";

export interface PostgresStoreOptions extends StoreOptions {
  /** Connections this process holds at most; 10 by default. */
  poolSize?: number;
}

/** A save writes a piece every few milliseconds: one silent this long is one whose process died. */
const ABANDONED_SAVE_MS = 10 * 60 * 1000;

/**
 * The PostgreSQL store: a connection pool, the schema migrated on open (instances starting together take
 * turns), and the same behaviour as the SQLite store, which the shared suite in test/store checks on both.
 * A transaction takes one connection for its work; nested ones are savepoints on it. Several instances
 * may share one database: file ids, event ids, idempotency keys and external ids are unique in the
 * database, so a delivery seen by two instances is stored once.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = await openMigratedPool(url, options.poolSize ?? 10);
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const onceOnly = postgresOnceOnly(options.keyRetentionMs ?? DEFAULT_KEY_RETENTION_MS);
  await onceOnly.prune(pool);
  await removeUnfinishedPostgresSaves(pool, options.abandonedSaveMs ?? ABANDONED_SAVE_MS);
  const pieceBytes = options.datasetPieceBytes ?? DEFAULT_PIECE_BYTES;

  /** The marks of due jobs each open transaction noted, written with its COMMIT. */
  const pendingMarks = new WeakMap<Sql, Set<string>>();

  const partsOn = (sql: Sql): StoreParts<false> => ({
    datasets: postgresDatasets(sql),
    threads: postgresThreads(sql, historyLimit),
    claimEvent: (key) => onceOnly.claim(sql, key),
    live: postgresLive(sql),
    alerts: postgresAlerts(sql),
    webhookSecrets: postgresWebhookSecrets(sql),
    installations: postgresInstallations(sql),
    adoptUnownedRows: (workspace) => postgresAdoptUnownedRows(sql, workspace),
    markJobDue: postgresJobsDue(sql, pendingMarks.get(sql)),
  });

  const storeOn = (sql: Sql, client: pg.PoolClient | null, depth: number): Store => {
    const transaction = async <T>(work: (tx: Store) => Promise<T>): Promise<T> => {
      if (!client) {
        const taken = await pool.connect();
        try {
          await taken.query("BEGIN");
          const marks = new Set<string>();
          pendingMarks.set(taken, marks);
          try {
            const result = await work(storeOn(taken, taken, 1));
            await commitWithMarks(taken, marks);
            return result;
          } catch (error) {
            await taken.query("ROLLBACK");
            throw error;
          }
        } finally {
          pendingMarks.delete(taken);
          taken.release();
        }
      }
      const savepoint = `nested_${depth}`;
      await client.query(`SAVEPOINT ${savepoint}`);
      try {
        const result = await work(storeOn(client, client, depth + 1));
        await client.query(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        await client.query(`RELEASE SAVEPOINT ${savepoint}`);
        throw error;
      }
    };
    /** Statements that commit together: a transaction of their own, or a savepoint inside the caller's. */
    const within = <T>(work: (inner: Sql) => Promise<T>): Promise<T> =>
      transaction(async (tx) => work(sqlOf(tx)));

    /** A method whose statements commit together, run on the transaction's connection. */
    const together = <K extends keyof TableMethods>(name: K): TableMethods[K] =>
      ((...args: unknown[]) =>
        within((inner) =>
          (storeFrom(partsOn(inner))[name] as (...values: unknown[]) => Promise<unknown>)(...args),
        )) as TableMethods[K];

    const store: Store = {
      ...storeFrom(partsOn(sql)),
      saveDataset: (input) => saveInPieces(input, postgresDatasetWriter(sql, within), { pieceBytes }),
      appendHistory: together("appendHistory"),
      saveLiveBatch: together("saveLiveBatch"),
      saveWebhookSecret: together("saveWebhookSecret"),
      adoptUnownedRows: together("adoptUnownedRows"),
      rememberResponse: (key, fingerprint, produce) =>
        transaction(async (tx) => {
          const inner = sqlOf(tx);
          await onceOnly.lockKey(inner, key);
          return replayOrProduce(tx, key, fingerprint, produce, {
            find: (found) => onceOnly.findResponse(inner, found),
            keep: (kept, print, response) => onceOnly.keepResponse(inner, kept, print, response),
          });
        }),
      transaction,
      ping: async () => ({
        engine: "postgres",
        schemaVersion: await postgresSchemaVersion(sql),
        latestSchemaVersion: LATEST_POSTGRES_VERSION,
      }),
      close: async () => {
        if (client) throw new Error("close the store, not a transaction");
        await pool.end();
      },
    };
    connections.set(store, sql);
    return store;
  };
  const connections = new WeakMap<Store, Sql>();
  const sqlOf = (tx: Store): Sql => connections.get(tx) as Sql;
  return storeOn(pool, null, 0);
}
