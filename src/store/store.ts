/**
 * Persistence behind one interface: the Slack app, the HTTP routes and the alerts depend on `Store` only,
 * never on SQLite. Methods are synchronous because the embedded engine is (better-sqlite3 answers in
 * microseconds, and a synchronous call cannot interleave with another request's writes); a networked
 * engine would wrap this interface rather than change its callers' logic.
 */
import type { FactTable, ParseReceipt, TotalsCheck } from "../ingest/index.js";

/**
 * The Slack workspace a row belongs to: its team id and, on Enterprise Grid, its enterprise id. A null
 * part is unknown (rows stored before workspaces were recorded, or a caller outside Slack).
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
  /** Which tool or workflow sent it ("n8n", "zapier-shopify"); ids are unique per source. */
  source: string;
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
  /** Only this workspace's datasets (and those stored before workspaces were recorded). */
  workspace?: Workspace;
  /** Only datasets shared in these conversations: the ones the asking person belongs to. */
  channels?: readonly string[];
}

export interface Store {
  saveDataset(input: NewDataset): SavedDataset;
  getDataset(id: string): StoredDataset | null;
  findDatasetByFile(fileId: string): DatasetRecord | null;
  /** The newest dataset shared in a channel (of the workspace, when given). */
  latestDataset(channel: string, workspace?: Workspace): StoredDataset | null;
  /** Newest first. */
  listDatasets(options?: DatasetQuery): DatasetRecord[];
  /**
   * The dataset bound to a thread, else the dataset whose analysis started that thread; of the workspace,
   * when given.
   */
  datasetForThread(channel: string, threadTs: string, workspace?: Workspace): StoredDataset | null;

  getThread(channel: string, threadTs: string): ThreadRecord | null;
  bindThread(channel: string, threadTs: string, datasetId: string, workspace?: Workspace): void;
  /** Adds entries and keeps only the newest, up to the history limit; returns the kept history. */
  appendHistory(channel: string, threadTs: string, entries: readonly HistoryEntry[]): HistoryEntry[];
  /** Swaps the history for a shorter one (a summary); still bounded by the history limit. */
  replaceHistory(channel: string, threadTs: string, entries: readonly HistoryEntry[]): void;

  /** True only the first time a key is claimed (Slack event ids, file ids); old keys are pruned. */
  claimEvent(key: string): boolean;

  /** Stores a batch in one transaction; one outcome per record, in order. */
  saveLiveBatch(batch: LiveBatch): LiveOutcome[];
  /**
   * Runs `produce` (which may store things) and keeps its response under `key`, in one transaction; a later
   * call with the same key and fingerprint replays that response without running `produce`. A 5xx response
   * is not kept.
   */
  rememberResponse(key: string, fingerprint: string, produce: () => StoredResponse): RememberedResponse;
  /** Live figures as facts: metrics rows, plus `leads`, `orders` and `order_value` per event's day. */
  liveFacts(options?: LiveFactsOptions): FactTable;
  /** Newest first. */
  recentEvents(limit: number): LiveFeedItem[];
  /** The names of the extra dimensions and measures a source's metrics rows carry, each once. */
  liveFieldNames(source: string): LiveFieldNames;

  addAlertRule(input: NewAlertRule): AlertRuleRecord;
  getAlertRule(id: number): AlertRuleRecord | null;
  /** Every rule, or a channel's, oldest first. */
  listAlertRules(channel?: string): AlertRuleRecord[];
  /** False when no such rule (in that channel, when given). */
  removeAlertRule(id: number, channel?: string): boolean;
  openAlert(input: NewAlert): AlertRecord;
  setAlertMessage(id: number, messageTs: string): void;
  resolveAlert(id: number, at?: Date): void;
  /** Forgets an alert that could not be posted, so the next evaluation tries again. */
  discardAlert(id: number): void;
  getAlert(id: number): AlertRecord | null;
  /** The newest alert of a rule for a key, open or resolved. */
  latestAlert(ruleId: number, key: string): AlertRecord | null;
  /** Alerts of a rule not yet resolved. */
  openAlerts(ruleId: number): AlertRecord[];

  /**
   * Runs `work` atomically: everything it stores commits together, or nothing does when it throws. Calls
   * nest (an inner one that throws undoes only its own part).
   */
  transaction<T>(work: () => T): T;

  /** Throws when the database cannot answer (for /healthz). */
  ping(): void;
  close(): void;
}
