import { DEFAULT_PIECE_BYTES } from "../rows/column-pieces.js";
import { assertLittleEndian } from "../rows/fact-columns.js";
import type { Store } from "../store.js";
import { storeFrom } from "../store-from.js";
import { DEFAULT_HISTORY_LIMIT, DEFAULT_KEY_RETENTION_MS, type StoreOptions } from "../store-options.js";
import { adoptUnownedRows } from "./adopt-unowned-rows.js";
import { alertTables } from "./alert-tables.js";
import { type BackgroundCheckpoints, checkpointInBackground } from "./background-checkpoints.js";
import { datasetTable } from "./dataset-table.js";
import { removeUnfinishedSaves, sqliteDatasetWriter } from "./dataset-writer.js";
import { installationTable } from "./installation-table.js";
import { jobInsert } from "./job-rows.js";
import { liveTables } from "./live-tables.js";
import { LATEST_SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import { onceOnlyTables } from "./once-only.js";
import { openMigratedDatabase } from "./open-migrated-database.js";
import { sqliteAsyncStore } from "./sqlite-async-store.js";
import { threadTable } from "./thread-table.js";
import { webhookSecretTable } from "./webhook-secret-table.js";

export interface SqliteStoreOptions extends StoreOptions {
  /**
   * "normal" (the default) makes a commit survive the process being killed; "full" also survives the
   * machine losing power, at the price of an fsync per commit. See `openSqliteStore`.
   */
  durability?: "normal" | "full";
}

/**
 * The SQLite store: one file (or ":memory:"), WAL journal, schema migrated on open.
 *
 * Durability: in WAL mode a commit appends the transaction to the -wal file with write(2) before it
 * returns, so once a route has committed, the records are in the operating system's page cache and a
 * kill -9 of this process cannot lose them; on restart SQLite replays the WAL. That holds with
 * `synchronous = NORMAL`, which fsyncs only at checkpoints, and those run on a worker thread with a
 * connection of their own (`checkpointInBackground`), so no request waits for them. FULL adds an fsync to every commit (costly on
 * network disks; the webhook bench measures it), which only matters if the machine itself crashes or loses power;
 * it is one option away (`durability: "full"`) for deployments that want that too.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  assertLittleEndian();
  const db = openMigratedDatabase(path, [
    `synchronous = ${options.durability === "full" ? "FULL" : "NORMAL"}`,
    "foreign_keys = ON",
  ]);

  const onceOnly = onceOnlyTables(db, options.keyRetentionMs ?? DEFAULT_KEY_RETENTION_MS);
  const ping = db.prepare("SELECT 1");
  onceOnly.prune();
  removeUnfinishedSaves(db, options.abandonedSaveMs ?? 0);
  const checkpoints: BackgroundCheckpoints | null =
    path === ":memory:" ? null : checkpointInBackground(db, path);

  const tables = storeFrom<true>({
    datasets: datasetTable(db),
    threads: threadTable(db, options.historyLimit ?? DEFAULT_HISTORY_LIMIT),
    claimEvent: onceOnly.claim,
    live: liveTables(db),
    alerts: alertTables(db),
    webhookSecrets: webhookSecretTable(db),
    installations: installationTable(db),
    adoptUnownedRows: adoptUnownedRows(db),
    enqueueJob: jobInsert(db),
  });
  const store = sqliteAsyncStore({
    db,
    tables,
    responses: { find: onceOnly.findResponse, keep: onceOnly.keepResponse },
    datasets: {
      writer: sqliteDatasetWriter(db),
      pieceBytes: options.datasetPieceBytes ?? DEFAULT_PIECE_BYTES,
    },
    status: () => {
      ping.get();
      return {
        engine: "sqlite",
        schemaVersion: schemaVersion(db),
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
      };
    },
  });
  if (!checkpoints) return store;
  return {
    ...store,
    // The worker's connection first, so the store's own is the last to close and removes the WAL.
    close: async () => {
      await checkpoints.stop();
      await store.close();
    },
  };
}
