/**
 * Persistence behind one interface: the Slack app, the HTTP routes and the alerts depend on `Store` only,
 * never on SQLite or PostgreSQL. Methods return promises because PostgreSQL answers over the network; the
 * SQLite store answers each call synchronously inside its promise, so its fast paths stay fast.
 */
import type { FactTable, ParseReceipt, TotalsCheck } from "../ingest/index.js";
import type { Enqueued, NewJob } from "../jobs/job-queue.js";

/**
 * The Slack workspace a row belongs to: its team id and, on Enterprise Grid, its enterprise id. A null
 * part is unknown (rows stored before workspaces were recorded, or a caller outside Slack).
 *
 * Every read that selects rows by conversation or over many rows (datasets of a channel, a thread, live
 * figures, the live feed, alert rules) sees one workspace only: the one given, matched exactly on both
 * parts, or, when none is given, the unknown workspace (rows whose team and enterprise are both null),
 * never every workspace. Rows stored before workspaces were recorded are in that unknown workspace until
 * the single workspace the app was installed in adopts them (`adoptUnownedRows`, at start); a second
 * workspace never sees them. Reads by an id a caller got from such a read (`getDataset`, `getAlert`,
 * `getAlertRule`) check the workspace when one is given.
 */
export interface Workspace {
  team: string | null;
  enterprise: string | null;
}

/** A CSV someone shared, where it was shared, and how it was read. */
export interface DatasetRecord {
  id: string;
  team: string | null;
  enterprise: string | null;
  channel: string;
  /** The message the analysis replies under (usually the file's own message). */
  threadTs: string | null;
  /** Slack file id; unique, so a redelivered upload is recognised. */
  fileId: string | null;
  name: string;
  uploadedBy: string | null;
  /** ISO timestamp. */
  createdAt: string;
  rowCount: number;
  receipt: ParseReceipt;
  totalsCheck: TotalsCheck | null;
}

export interface NewDataset {
  team?: string | null;
  enterprise?: string | null;
  channel: string;
  threadTs?: string | null;
  fileId?: string | null;
  name: string;
  uploadedBy?: string | null;
  receipt: ParseReceipt;
  totalsCheck?: TotalsCheck | null;
  facts: FactTable;
  createdAt?: Date;
}

export interface StoredDataset {
  record: DatasetRecord;
  facts: FactTable;
}

export interface SavedDataset {
  record: DatasetRecord;
  /** False when a dataset with the same file id was stored before; that one is returned, untouched. */
  created: boolean;
}

/** One message of the agent's conversation, as the agent wrote it (stored as JSON). */
export type HistoryEntry = Record<string, unknown>;

export interface ThreadRecord {
  channel: string;
  threadTs: string;
  datasetId: string | null;
  /** Oldest first, at most the store's history limit. */
  history: HistoryEntry[];
  updatedAt: string;
}

/** A row of ad figures pushed by an automation tool; `date` is the day the figures belong to. */
export interface LiveMetricRow {
  kind: "metrics";
  externalId?: string | null;
  /** YYYY-MM-DD */
  date: string;
  campaign?: string | null;
  channel?: string | null;
  spend?: number | null;
  impressions?: number | null;
  clicks?: number | null;
  conversions?: number | null;
  revenue?: number | null;
  currency?: string | null;
  /** Other text fields (ad_group, country...), kept by name. */
  dimensions?: Record<string, string>;
  /** Other numeric fields (reach, sessions...), kept by name. */
  extraMeasures?: Record<string, number>;
}

/** A lead or an order as it happened. */
export interface LiveEventRow {
  kind: "lead" | "order";
  externalId?: string | null;
  /** ISO date-time as sent; its calendar date (as written, in the sender's time zone) is the event's day. */
  occurredAt: string;
  campaign?: string | null;
  channel?: string | null;
  value?: number | null;
  currency?: string | null;
  email?: string | null;
}

export type LiveRecord = LiveMetricRow | LiveEventRow;

export interface LiveBatch {
  /** Which tool or workflow sent it ("n8n", "zapier-shopify"); ids are unique per source and workspace. */
  source: string;
  /** The workspace whose webhook secret the delivery came with. */
  workspace?: Workspace;
  records: readonly LiveRecord[];
  receivedAt?: Date;
}

/**
 * What became of each record: newly stored; a metrics row whose id was stored before with other figures
 * (the latest figures for a day replace the earlier ones); or the same record again, stored nothing.
 */
export type LiveOutcome = "stored" | "updated" | "duplicate";

export type LiveFeedItem = (LiveMetricRow | LiveEventRow) & {
  id: number;
  source: string;
  /** ISO timestamp of arrival. */
  receivedAt: string;
};

export interface LiveFieldNames {
  dimensions: string[];
  measures: string[];
}

export interface LiveFactsOptions {
  /** Inclusive ISO days. */
  since?: string;
  until?: string;
  /** Only this many days up to the newest live row (with `since`, whichever starts later). */
  lastDays?: number;
  /** The figures as they stood at this moment: each metrics row as last pushed by then, events received by then. */
  asOf?: Date;
  /** Whose live data (see `Workspace`). */
  workspace?: Workspace;
}

/** An HTTP answer kept under an idempotency key, replayed byte for byte on a retried delivery. */
export interface StoredResponse {
  status: number;
  body: string;
}

export type RememberedResponse =
  | { outcome: "fresh" | "replayed"; response: StoredResponse }
  /** The key was used before for a different request body. */
  | { outcome: "conflict" };

export interface AlertRuleRecord {
  id: number;
  team: string | null;
  enterprise: string | null;
  /** Where its alerts are posted. */
  channel: string;
  /** The rule as the alerts parser reads it, e.g. "roas < 2 window 24h by campaign min spend 100". */
  definition: string;
  createdBy: string | null;
  createdAt: string;
}

export interface NewAlertRule {
  team?: string | null;
  enterprise?: string | null;
  channel: string;
  definition: string;
  createdBy?: string | null;
}

/** One firing of a rule for one key (a campaign, a channel, or "all"). */
export interface AlertRecord {
  id: number;
  ruleId: number;
  key: string;
  channel: string;
  /** The alert message's ts, once posted: its thread holds the chart and the resolution. */
  messageTs: string | null;
  /** One line a person can read, e.g. "ROAS 1.42x is below 2.00x today for campaign Summer Sale". */
  summary: string;
  details: Record<string, unknown>;
  firedAt: string;
  resolvedAt: string | null;
}

export interface NewAlert {
  ruleId: number;
  key: string;
  channel: string;
  summary: string;
  details?: Record<string, unknown>;
  firedAt?: Date;
}

export interface DatasetQuery {
  limit?: number;
  channel?: string;
  /** Whose datasets (see `Workspace`). */
  workspace?: Workspace;
  /** Only datasets shared in these conversations: the ones the asking person belongs to. */
  channels?: readonly string[];
}

/** A workspace's webhook secret, as the store keeps it: its SHA-256, never the secret. */
export interface WebhookSecretRecord {
  team: string | null;
  enterprise: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface NewWebhookSecret {
  workspace: Workspace;
  /** Hex SHA-256 of the secret. */
  secretHash: string;
  createdBy?: string | null;
}

/** Which Slack installation: a workspace's, or (`enterpriseInstall`) a whole Enterprise Grid organisation's. */
export interface InstallationKey {
  team: string | null;
  enterprise: string | null;
  enterpriseInstall: boolean;
}

/** An installation as stored: its key in the clear, the rest (its tokens) sealed by the app. */
export interface InstallationRecord extends InstallationKey {
  sealed: string;
  installedAt: string;
  updatedAt: string;
}

/** How many rows of each kind `adoptUnownedRows` gave to the workspace. */
export type AdoptedRows = Record<
  "datasets" | "threads" | "liveRows" | "alertRules" | "webhookSecrets",
  number
>;

export interface StoreStatus {
  engine: "sqlite" | "postgres";
  /** Migration steps this database has had, and how many this program knows. */
  schemaVersion: number;
  latestSchemaVersion: number;
}

export interface Store {
  saveDataset(input: NewDataset): Promise<SavedDataset>;
  getDataset(id: string, workspace?: Workspace): Promise<StoredDataset | null>;
  findDatasetByFile(fileId: string): Promise<DatasetRecord | null>;
  /** The newest dataset shared in a channel (of the workspace, when given). */
  latestDataset(channel: string, workspace?: Workspace): Promise<StoredDataset | null>;
  /** Newest first. */
  listDatasets(options?: DatasetQuery): Promise<DatasetRecord[]>;
  /**
   * The dataset bound to a thread, else the dataset whose analysis started that thread; of the workspace,
   * when given.
   */
  datasetForThread(channel: string, threadTs: string, workspace?: Workspace): Promise<StoredDataset | null>;

  /** Threads are the workspace's: a channel shared by two organisations has the same id in both. */
  getThread(channel: string, threadTs: string, workspace?: Workspace): Promise<ThreadRecord | null>;
  bindThread(channel: string, threadTs: string, datasetId: string, workspace?: Workspace): Promise<void>;
  /** Adds entries and keeps only the newest, up to the history limit; returns the kept history. */
  appendHistory(
    channel: string,
    threadTs: string,
    entries: readonly HistoryEntry[],
    workspace?: Workspace,
  ): Promise<HistoryEntry[]>;
  /** Swaps the history for a shorter one (a summary); still bounded by the history limit. */
  replaceHistory(
    channel: string,
    threadTs: string,
    entries: readonly HistoryEntry[],
    workspace?: Workspace,
  ): Promise<void>;

  /** True only the first time a key is claimed (Slack event ids, file ids); old keys are pruned. */
  claimEvent(key: string): Promise<boolean>;

  /** Stores a batch in one transaction; one outcome per record, in order. */
  saveLiveBatch(batch: LiveBatch): Promise<LiveOutcome[]>;
  /**
   * Writes a durable job into the job queue's table, in the caller's transaction when called on a `tx`,
   * so the job commits with the rows that call for it (a known key adds nothing). Only where the queue
   * lives in the store's own database (SQLite); on PostgreSQL the jobs are pg-boss's.
   */
  enqueueJob?(job: NewJob): Promise<Enqueued>;
  /**
   * Marks, in the caller's transaction, that a job of `kind` is due, so it commits with the rows that call
   * for it; `JobQueue.relayDue` turns the marks into the job. Where the queue is another system's (pg-boss
   * on PostgreSQL): a mark never waits on another instance's, unlike a job key.
   */
  markJobDue?(kind: string): Promise<void>;
  /**
   * Runs `produce` (which may store things through `tx`) and keeps its response under `key`, in one
   * transaction; a later call with the same key and fingerprint replays that response without running
   * `produce`. Calls with the same key wait for each other, across instances too. A 5xx response is not kept.
   */
  rememberResponse(
    key: string,
    fingerprint: string,
    produce: (tx: Store) => Promise<StoredResponse>,
  ): Promise<RememberedResponse>;
  /** Live figures as facts: metrics rows, plus `leads`, `orders` and `order_value` per event's day. */
  liveFacts(options?: LiveFactsOptions): Promise<FactTable>;
  /** A workspace's, newest first. */
  recentEvents(limit: number, workspace?: Workspace): Promise<LiveFeedItem[]>;
  /** The names of the extra dimensions and measures a source's metrics rows carry, each once. */
  liveFieldNames(source: string, workspace?: Workspace): Promise<LiveFieldNames>;

  addAlertRule(input: NewAlertRule): Promise<AlertRuleRecord>;
  getAlertRule(id: number, workspace?: Workspace): Promise<AlertRuleRecord | null>;
  /** A workspace's rules, or one channel's of them, oldest first. */
  listAlertRules(channel?: string, workspace?: Workspace): Promise<AlertRuleRecord[]>;
  /** Every workspace that has an alert rule: the alert engine evaluates each on its own live data. */
  alertRuleWorkspaces(): Promise<Workspace[]>;
  /** False when no such rule (in that channel and workspace, when given). */
  removeAlertRule(id: number, channel?: string, workspace?: Workspace): Promise<boolean>;
  openAlert(input: NewAlert): Promise<AlertRecord>;
  setAlertMessage(id: number, messageTs: string): Promise<void>;
  resolveAlert(id: number, at?: Date): Promise<void>;
  /** Forgets an alert that could not be posted, so the next evaluation tries again. */
  discardAlert(id: number): Promise<void>;
  /** With a workspace, null for an alert of another workspace's rule. */
  getAlert(id: number, workspace?: Workspace): Promise<AlertRecord | null>;
  /** The newest alert of a rule for a key, open or resolved. */
  latestAlert(ruleId: number, key: string): Promise<AlertRecord | null>;
  /** Alerts of a rule not yet resolved. */
  openAlerts(ruleId: number): Promise<AlertRecord[]>;

  /** Keeps a workspace's webhook secret (its hash), replacing the one it had: the old secret stops working. */
  saveWebhookSecret(input: NewWebhookSecret): Promise<WebhookSecretRecord>;
  /** The workspace a webhook secret belongs to, found by the secret's hash. */
  webhookSecretWorkspace(secretHash: string): Promise<Workspace | null>;
  /** Who made a workspace's webhook secret and when (never the secret), or null when it has none. */
  webhookSecretOf(workspace: Workspace): Promise<WebhookSecretRecord | null>;
  /** False when the workspace had no webhook secret. */
  removeWebhookSecret(workspace: Workspace): Promise<boolean>;

  /** Keeps a Slack installation, replacing the one of the same workspace (a reinstall, new scopes). */
  saveInstallation(key: InstallationKey, sealed: string): Promise<void>;
  findInstallation(key: InstallationKey): Promise<InstallationRecord | null>;
  /** False when there was none (an uninstall told twice). */
  removeInstallation(key: InstallationKey): Promise<boolean>;

  /**
   * Gives the rows stored in the unknown workspace (before workspaces were recorded) to this one: the
   * single workspace the app is installed in. A live row whose id that workspace already has stays unknown.
   */
  adoptUnownedRows(workspace: Workspace): Promise<AdoptedRows>;

  /**
   * Runs `work` atomically: everything it stores through `tx` commits together, or nothing does when it
   * throws. `tx.transaction` nests (an inner one that throws undoes only its own part); await one nested
   * call before starting the next. Inside `work`, store through `tx` only: on SQLite the store itself
   * waits for the transaction to end, so a call on it from inside would never return.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  /** What /readyz reports; rejects when the database cannot answer. */
  ping(): Promise<StoreStatus>;
  close(): Promise<void>;
}
