import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Store } from "../store.js";
import { adoptUnownedRows } from "./adopt-unowned-rows.js";
import { alertTables } from "./alert-tables.js";
import { type BackgroundCheckpoints, checkpointInBackground } from "./background-checkpoints.js";
import { datasetTable } from "./dataset-table.js";
import { assertLittleEndian } from "./fact-columns.js";
import { installationTable } from "./installation-table.js";
import { liveTables } from "./live-tables.js";
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from "./migrations.js";
import { onceOnlyTables } from "./once-only.js";
import { type SqliteTables, sqliteAsyncStore } from "./sqlite-async-store.js";
import { threadTable } from "./thread-table.js";
import { webhookSecretTable } from "./webhook-secret-table.js";

export interface SqliteStoreOptions {
  /** Newest agent messages kept per thread; 40 by default. */
  historyLimit?: number;
  /** How long processed event ids and idempotency keys are remembered; 7 days by default. */
  keyRetentionMs?: number;
  /**
   * "normal" (the default) makes a commit survive the process being killed; "full" also survives the
   * machine losing power, at the price of an fsync per commit. See `openSqliteStore`.
   */
  durability?: "normal" | "full";
}

const DEFAULT_HISTORY_LIMIT = 40;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

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
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma(`synchronous = ${options.durability === "full" ? "FULL" : "NORMAL"}`);
    db.pragma("foreign_keys = ON");
    // Another process (the CLI, a second server during a deploy) may hold the write lock for a moment.
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const datasets = datasetTable(db);
  const threads = threadTable(db, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  const onceOnly = onceOnlyTables(db, options.keyRetentionMs ?? WEEK_MS);
  const live = liveTables(db);
  const alerts = alertTables(db);
  const webhookSecrets = webhookSecretTable(db);
  const installations = installationTable(db);
  const ping = db.prepare("SELECT 1");
  onceOnly.prune();
  const checkpoints: BackgroundCheckpoints | null =
    path === ":memory:" ? null : checkpointInBackground(db, path);

  const tables: SqliteTables = {
    saveDataset: datasets.save,
    getDataset: datasets.get,
    findDatasetByFile: datasets.findByFile,
    latestDataset: datasets.latest,
    listDatasets: datasets.list,
    datasetForThread: datasets.forThread,

    getThread: threads.get,
    bindThread: threads.bind,
    appendHistory: threads.append,
    replaceHistory: threads.replace,

    claimEvent: onceOnly.claim,

    saveLiveBatch: live.save,
    liveFacts: live.facts,
    recentEvents: live.recent,
    liveFieldNames: live.fieldNames,

    addAlertRule: alerts.addRule,
    getAlertRule: alerts.getRule,
    listAlertRules: alerts.listRules,
    alertRuleWorkspaces: alerts.ruleWorkspaces,
    removeAlertRule: alerts.removeRule,
    openAlert: alerts.openAlert,
    setAlertMessage: alerts.setMessage,
    resolveAlert: alerts.resolve,
    discardAlert: alerts.discard,
    getAlert: alerts.getAlert,
    latestAlert: alerts.latest,
    openAlerts: alerts.open,

    saveWebhookSecret: webhookSecrets.save,
    webhookSecretWorkspace: webhookSecrets.workspaceOf,
    webhookSecretOf: webhookSecrets.of,
    removeWebhookSecret: webhookSecrets.remove,
    saveInstallation: installations.save,
    findInstallation: installations.find,
    removeInstallation: installations.remove,
    adoptUnownedRows: adoptUnownedRows(db),
  };
  const store = sqliteAsyncStore({
    db,
    tables,
    findResponse: onceOnly.findResponse,
    keepResponse: onceOnly.keepResponse,
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
