import type { Store } from "./store.js";

/**
 * Everything a table answers by itself; transactions, replays, status and closing are each engine's, and so
 * is saving a dataset, which takes several transactions (see rows/save-in-pieces.ts).
 */
export type TableMethods = Omit<Store, "transaction" | "rememberResponse" | "ping" | "close" | "saveDataset">;

/** A store method answered at once, as better-sqlite3 does. */
type Synchronous<M> = M extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;

/** The table methods as an engine answers them: at once (SQLite, `Sync` true) or as promises (PostgreSQL). */
export type Answered<Sync extends boolean> = {
  [K in keyof TableMethods]: Sync extends true ? Synchronous<TableMethods[K]> : TableMethods[K];
};

type Method<Sync extends boolean, K extends keyof TableMethods> = Answered<Sync>[K];

/** What each engine supplies: its statements for each kind of row, named by what they do. */
export interface StoreParts<Sync extends boolean> {
  datasets: {
    get: Method<Sync, "getDataset">;
    findByFile: Method<Sync, "findDatasetByFile">;
    latest: Method<Sync, "latestDataset">;
    list: Method<Sync, "listDatasets">;
    forThread: Method<Sync, "datasetForThread">;
  };
  threads: {
    get: Method<Sync, "getThread">;
    bind: Method<Sync, "bindThread">;
    append: Method<Sync, "appendHistory">;
    replace: Method<Sync, "replaceHistory">;
  };
  claimEvent: Method<Sync, "claimEvent">;
  live: {
    save: Method<Sync, "saveLiveBatch">;
    facts: Method<Sync, "liveFacts">;
    recent: Method<Sync, "recentEvents">;
    fieldNames: Method<Sync, "liveFieldNames">;
  };
  alerts: {
    addRule: Method<Sync, "addAlertRule">;
    getRule: Method<Sync, "getAlertRule">;
    listRules: Method<Sync, "listAlertRules">;
    ruleWorkspaces: Method<Sync, "alertRuleWorkspaces">;
    removeRule: Method<Sync, "removeAlertRule">;
    openAlert: Method<Sync, "openAlert">;
    setMessage: Method<Sync, "setAlertMessage">;
    resolve: Method<Sync, "resolveAlert">;
    discard: Method<Sync, "discardAlert">;
    getAlert: Method<Sync, "getAlert">;
    latest: Method<Sync, "latestAlert">;
    open: Method<Sync, "openAlerts">;
  };
  webhookSecrets: {
    save: Method<Sync, "saveWebhookSecret">;
    workspaceOf: Method<Sync, "webhookSecretWorkspace">;
    of: Method<Sync, "webhookSecretOf">;
    remove: Method<Sync, "removeWebhookSecret">;
  };
  installations: {
    save: Method<Sync, "saveInstallation">;
    find: Method<Sync, "findInstallation">;
    remove: Method<Sync, "removeInstallation">;
  };
  adoptUnownedRows: Method<Sync, "adoptUnownedRows">;
  /** Only an engine whose database holds the job queue's table (SQLite). */
  enqueueJob?: Method<Sync, "enqueueJob">;
  /** Only an engine whose job queue is pg-boss (PostgreSQL). */
  markJobDue?: Method<Sync, "markJobDue">;
}

/** The store's table methods from an engine's parts: the one place a store method is mapped to its statements. */
export function storeFrom<Sync extends boolean>(parts: StoreParts<Sync>): Answered<Sync> {
  const { datasets, threads, live, alerts, webhookSecrets, installations } = parts;
  return {
    getDataset: datasets.get,
    findDatasetByFile: datasets.findByFile,
    latestDataset: datasets.latest,
    listDatasets: datasets.list,
    datasetForThread: datasets.forThread,

    getThread: threads.get,
    bindThread: threads.bind,
    appendHistory: threads.append,
    replaceHistory: threads.replace,

    claimEvent: parts.claimEvent,

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

    adoptUnownedRows: parts.adoptUnownedRows,
    ...(parts.enqueueJob ? { enqueueJob: parts.enqueueJob } : {}),
    ...(parts.markJobDue ? { markJobDue: parts.markJobDue } : {}),
  };
}
