import type pg from "pg";
import type { RememberedResponse, Store, StoredResponse } from "../store.js";
import { openMigratedPool } from "./open-migrated-pool.js";
import { postgresAdoptUnownedRows } from "./postgres-adopt-unowned-rows.js";
import { postgresAlerts } from "./postgres-alerts.js";
import { postgresDatasets } from "./postgres-datasets.js";
import { postgresInstallations } from "./postgres-installations.js";
import { postgresLive } from "./postgres-live.js";
import { LATEST_POSTGRES_VERSION, postgresSchemaVersion } from "./postgres-migrations.js";
import { postgresOnceOnly } from "./postgres-once-only.js";
import { postgresThreads } from "./postgres-threads.js";
import { postgresWebhookSecrets } from "./postgres-webhook-secrets.js";
import type { Sql } from "./sql.js";

export interface PostgresStoreOptions {
  /** Newest agent messages kept per thread; 40 by default. */
  historyLimit?: number;
  /** How long processed event ids and idempotency keys are remembered; 7 days by default. */
  keyRetentionMs?: number;
  /** Connections this process holds at most; 10 by default. */
  poolSize?: number;
}

const DEFAULT_HISTORY_LIMIT = 40;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

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
  const onceOnly = postgresOnceOnly(options.keyRetentionMs ?? WEEK_MS);
  await onceOnly.prune(pool);

  const storeOn = (sql: Sql, client: pg.PoolClient | null, depth: number): Store => {
    const datasets = postgresDatasets(sql);
    const threads = postgresThreads(sql, historyLimit);
    const live = postgresLive(sql);
    const alerts = postgresAlerts(sql);
    const webhookSecrets = postgresWebhookSecrets(sql);
    const installations = postgresInstallations(sql);

    const transaction = async <T>(work: (tx: Store) => Promise<T>): Promise<T> => {
      if (!client) {
        const taken = await pool.connect();
        try {
          await taken.query("BEGIN");
          try {
            const result = await work(storeOn(taken, taken, 1));
            await taken.query("COMMIT");
            return result;
          } catch (error) {
            await taken.query("ROLLBACK");
            throw error;
          }
        } finally {
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

    const store: Store = {
      saveDataset: (input) => within((inner) => postgresDatasets(inner).save(input)),
      getDataset: datasets.get,
      findDatasetByFile: datasets.findByFile,
      latestDataset: datasets.latest,
      listDatasets: datasets.list,
      datasetForThread: datasets.forThread,

      getThread: threads.get,
      bindThread: threads.bind,
      appendHistory: (channel, threadTs, entries, workspace) =>
        within((inner) => postgresThreads(inner, historyLimit).append(channel, threadTs, entries, workspace)),
      replaceHistory: threads.replace,

      claimEvent: (key) => onceOnly.claim(sql, key),

      saveLiveBatch: (batch) => within((inner) => postgresLive(inner).save(batch)),
      rememberResponse: (
        key: string,
        fingerprint: string,
        produce: (tx: Store) => Promise<StoredResponse>,
      ): Promise<RememberedResponse> =>
        transaction(async (tx) => {
          const inner = sqlOf(tx);
          await onceOnly.lockKey(inner, key);
          const earlier = await onceOnly.findResponse(inner, key);
          if (earlier) {
            if (earlier.fingerprint !== fingerprint) return { outcome: "conflict" };
            return { outcome: "replayed", response: { status: earlier.status, body: earlier.body } };
          }
          const response = await produce(tx);
          // A server error is not an answer to replay: the retry deserves another try.
          if (response.status < 500) await onceOnly.keepResponse(inner, key, fingerprint, response);
          return { outcome: "fresh", response };
        }),
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

      saveWebhookSecret: (input) => within((inner) => postgresWebhookSecrets(inner).save(input)),
      webhookSecretWorkspace: webhookSecrets.workspaceOf,
      webhookSecretOf: webhookSecrets.of,
      removeWebhookSecret: webhookSecrets.remove,
      saveInstallation: installations.save,
      findInstallation: installations.find,
      removeInstallation: installations.remove,
      adoptUnownedRows: (workspace) => within((inner) => postgresAdoptUnownedRows(inner, workspace)),

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
