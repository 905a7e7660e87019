import type { Database } from "better-sqlite3";
import {
  dayToIso,
  type FactRecord,
  type FactTable,
  factTableFromRecords,
  isoToDay,
} from "../../ingest/index.js";
import type {
  LiveBatch,
  LiveEventRow,
  LiveFactsOptions,
  LiveFeedItem,
  LiveFieldNames,
  LiveMetricRow,
  LiveOutcome,
  Workspace,
} from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";

export interface MetricsRow {
  team: string | null;
  enterprise: string | null;
  source: string;
  external_id: string | null;
  date: string;
  campaign: string | null;
  channel: string | null;
  spend: number | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  revenue: number | null;
  currency: string | null;
  dimensions: string | null;
  extra_measures: string | null;
  received_at: number;
}

export interface EventRow {
  team: string | null;
  enterprise: string | null;
  kind: "lead" | "order";
  source: string;
  external_id: string | null;
  occurred_at: string;
  day: string;
  campaign: string | null;
  channel: string | null;
  value: number | null;
  currency: string | null;
  email: string | null;
  received_at: number;
}

/** Columns compared to tell a retried metrics row from a corrected one. */
export const METRICS_CONTENT = [
  "date",
  "campaign",
  "channel",
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  "currency",
  "dimensions",
  "extra_measures",
] as const;

export const FIRST_DAY = "0000-01-01";
export const LAST_DAY = "9999-12-31";

/**
 * Rows pushed by automation tools. Metrics rows with an id are upserted (a tool re-sending today's
 * figures each hour replaces them, and an identical re-send is a duplicate); leads and orders with an id
 * are stored once. Rows without an id are always new: the Idempotency-Key header covers their retries.
 */
export function liveTables(db: Database) {
  // A new row is the common case, so it costs one statement; only a repeated id needs a second one.
  // Positional parameters: binding by name looks up each name on the row, a cost on every delivery.
  const insertMetrics = db.prepare(`
    INSERT INTO live_metrics (team, enterprise, source, external_id, date, campaign, channel, spend, impressions,
                              clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING`);
  // Changes nothing when the stored row already has this content: that re-send is a duplicate.
  const updateMetrics = db.prepare(`
    UPDATE live_metrics SET date = @date, campaign = @campaign, channel = @channel, spend = @spend,
      impressions = @impressions, clicks = @clicks, conversions = @conversions, revenue = @revenue,
      currency = @currency, dimensions = @dimensions, extra_measures = @extra_measures,
      received_at = @received_at
    WHERE ${inWorkspace("coalesce(@team, '')", "coalesce(@enterprise, '')")}
      AND source = @source AND external_id = @external_id
      AND (${METRICS_CONTENT.map((column) => `${column} IS NOT @${column}`).join(" OR ")})`);
  // ON CONFLICT rather than INSERT OR IGNORE: only a repeated id is skipped, a broken row still fails.
  const insertEvent = db.prepare(`
    INSERT INTO live_events (team, enterprise, kind, source, external_id, occurred_at, day, campaign, channel,
                             value, currency, email, received_at)
    VALUES (@team, @enterprise, @kind, @source, @external_id, @occurred_at, @day, @campaign, @channel, @value,
            @currency, @email, @received_at)
    ON CONFLICT DO NOTHING`);
  // Every read is one workspace's: @team and @enterprise are `workspaceKey`'s values.
  const scoped = inWorkspace("@team", "@enterprise");
  const metricsInRange = db.prepare<[Range], MetricsRow>(
    `SELECT * FROM live_metrics WHERE ${scoped} AND date >= @since AND date <= @until ORDER BY date, id`,
  );
  const eventsInRange = db.prepare<[Range], EventRow>(
    `SELECT * FROM live_events WHERE ${scoped} AND day >= @since AND day <= @until ORDER BY day, id`,
  );
  // Each metrics row as last pushed at or before a moment: the newest push of each row by then.
  const metricsAsOf = db.prepare<[Range & { asOf: number }], MetricsRow>(`
    SELECT * FROM live_metric_pushes WHERE id IN (
      SELECT max(id) FROM live_metric_pushes
      WHERE ${scoped} AND received_at <= @asOf AND date >= @since AND date <= @until
      GROUP BY metrics_id)
    ORDER BY date, id`);
  const eventsAsOf = db.prepare<[Range & { asOf: number }], EventRow>(
    `SELECT * FROM live_events WHERE ${scoped} AND day >= @since AND day <= @until AND received_at <= @asOf
     ORDER BY day, id`,
  );
  const newestDay = db.prepare<[WorkspaceParams], { day: string | null }>(
    `SELECT max(day) AS day FROM (SELECT max(date) AS day FROM live_metrics WHERE ${scoped}
                                  UNION ALL SELECT max(day) FROM live_events WHERE ${scoped})`,
  );
  // Each table's newest rows by rowid (no index on arrival time needed), then merged by arrival time.
  const recent = db.prepare<[WorkspaceParams & { limit: number }], FeedRow>(`
    SELECT * FROM (
      SELECT 'metrics' AS kind, id, source, external_id, received_at, date, NULL AS occurred_at, campaign,
             channel, spend, impressions, clicks, conversions, revenue, currency, dimensions, extra_measures,
             NULL AS value, NULL AS email
      FROM live_metrics WHERE ${scoped} ORDER BY id DESC LIMIT @limit)
    UNION ALL
    SELECT * FROM (
      SELECT kind, id, source, external_id, received_at, NULL, occurred_at, campaign, channel, NULL, NULL,
             NULL, NULL, NULL, currency, NULL, NULL, value, email
      FROM live_events WHERE ${scoped} ORDER BY id DESC LIMIT @limit)
    ORDER BY received_at DESC, id DESC
    LIMIT @limit`);

  const namesOf = (column: "dimensions" | "extra_measures") =>
    db.prepare<[WorkspaceParams & { source: string }], { key: string }>(
      `SELECT DISTINCT field.key FROM live_metrics, json_each(live_metrics.${column}) AS field
       WHERE ${inWorkspace("@team", "@enterprise", "live_metrics")}
         AND live_metrics.source = @source AND live_metrics.${column} IS NOT NULL`,
    );
  const dimensionNames = namesOf("dimensions");
  const measureNames = namesOf("extra_measures");

  const saveMetrics = (row: MetricsRow): LiveOutcome => {
    const inserted = insertMetrics.run(
      row.team,
      row.enterprise,
      row.source,
      row.external_id,
      row.date,
      row.campaign,
      row.channel,
      row.spend,
      row.impressions,
      row.clicks,
      row.conversions,
      row.revenue,
      row.currency,
      row.dimensions,
      row.extra_measures,
      row.received_at,
    );
    if (inserted.changes === 1) return "stored";
    return updateMetrics.run(row).changes === 1 ? "updated" : "duplicate";
  };

  const save = db.transaction((batch: LiveBatch): LiveOutcome[] => {
    const receivedAt = batch.receivedAt?.getTime() ?? Date.now();
    return batch.records.map((record) =>
      record.kind === "metrics"
        ? saveMetrics(metricsRow(batch.source, record, receivedAt, batch.workspace))
        : insertEvent.run(eventRow(batch.source, record, receivedAt, batch.workspace)).changes === 1
          ? "stored"
          : "duplicate",
    );
  });

  const windowStart = (lastDays: number | undefined, workspace: WorkspaceParams): string => {
    const newest = lastDays === undefined ? null : newestDay.get(workspace)?.day;
    if (!newest || lastDays === undefined) return FIRST_DAY;
    return dayToIso(isoToDay(newest) - lastDays);
  };

  return {
    save: (batch: LiveBatch) => save(batch),
    facts: (options: LiveFactsOptions = {}): FactTable => {
      const workspace = workspaceParams(options.workspace);
      const until = options.until ?? LAST_DAY;
      const since = [options.since ?? FIRST_DAY, windowStart(options.lastDays, workspace)]
        .sort()
        .at(-1) as string;
      const range = { ...workspace, since, until };
      const asOf = options.asOf?.getTime();
      const metrics = asOf === undefined ? metricsInRange.all(range) : metricsAsOf.all({ ...range, asOf });
      const records: FactRecord[] = metrics.map(metricsFact);
      const events =
        asOf === undefined ? eventsInRange.iterate(range) : eventsAsOf.iterate({ ...range, asOf });
      for (const event of events) records.push(eventFact(event));
      return factTableFromRecords(records);
    },
    recent: (limit: number, workspace?: Workspace): LiveFeedItem[] =>
      recent.all({ ...workspaceParams(workspace), limit }).map(feedItem),
    fieldNames: (source: string, workspace?: Workspace): LiveFieldNames => {
      const params = { ...workspaceParams(workspace), source };
      return {
        dimensions: dimensionNames.all(params).map((row) => row.key),
        measures: measureNames.all(params).map((row) => row.key),
      };
    },
  };
}

interface WorkspaceParams {
  team: string;
  enterprise: string;
}

interface Range extends WorkspaceParams {
  since: string;
  until: string;
}

function workspaceParams(workspace: Workspace | undefined): WorkspaceParams {
  const [team, enterprise] = workspaceKey(workspace);
  return { team, enterprise };
}

export function metricsRow(
  source: string,
  record: LiveMetricRow,
  receivedAt: number,
  workspace?: Workspace,
): MetricsRow {
  return {
    team: workspace?.team ?? null,
    enterprise: workspace?.enterprise ?? null,
    source,
    external_id: record.externalId ?? null,
    date: record.date,
    campaign: record.campaign ?? null,
    channel: record.channel ?? null,
    spend: record.spend ?? null,
    impressions: record.impressions ?? null,
    clicks: record.clicks ?? null,
    conversions: record.conversions ?? null,
    revenue: record.revenue ?? null,
    currency: record.currency ?? null,
    dimensions: sortedJson(record.dimensions),
    extra_measures: sortedJson(record.extraMeasures),
    received_at: receivedAt,
  };
}

export function eventRow(
  source: string,
  record: LiveEventRow,
  receivedAt: number,
  workspace?: Workspace,
): EventRow {
  return {
    team: workspace?.team ?? null,
    enterprise: workspace?.enterprise ?? null,
    kind: record.kind,
    source,
    external_id: record.externalId ?? null,
    occurred_at: record.occurredAt,
    day: record.occurredAt.slice(0, 10),
    campaign: record.campaign ?? null,
    channel: record.channel ?? null,
    value: record.value ?? null,
    currency: record.currency ?? null,
    email: record.email ?? null,
    received_at: receivedAt,
  };
}

/** Keys in order, so the same fields sent in another order compare equal; null when there are none. */
function sortedJson(fields: Record<string, string | number> | undefined): string | null {
  if (!fields || Object.keys(fields).length === 0) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));
}

export function metricsFact(row: MetricsRow): FactRecord {
  return {
    ...(row.dimensions ? (JSON.parse(row.dimensions) as Record<string, string>) : {}),
    ...(row.extra_measures ? (JSON.parse(row.extra_measures) as Record<string, number>) : {}),
    date: row.date,
    campaign: row.campaign,
    channel: row.channel,
    currency: row.currency,
    spend: row.spend,
    impressions: row.impressions,
    clicks: row.clicks,
    conversions: row.conversions,
    revenue: row.revenue,
  };
}

/**
 * Leads and orders join the facts as their own counts (`leads`, `orders`, `order_value`) rather than as
 * conversions and revenue: the ad platforms' rows already count those, and adding both would double them.
 */
export function eventFact(row: EventRow): FactRecord {
  const base = { date: row.day, campaign: row.campaign, channel: row.channel, currency: row.currency };
  return row.kind === "lead" ? { ...base, leads: 1 } : { ...base, orders: 1, order_value: row.value };
}

export interface FeedRow {
  kind: "metrics" | "lead" | "order";
  id: number;
  source: string;
  external_id: string | null;
  received_at: number;
  date: string | null;
  occurred_at: string | null;
  campaign: string | null;
  channel: string | null;
  spend: number | null;
  impressions: number | null;
  clicks: number | null;
  conversions: number | null;
  revenue: number | null;
  currency: string | null;
  dimensions: string | null;
  extra_measures: string | null;
  value: number | null;
  email: string | null;
}

export function feedItem(row: FeedRow): LiveFeedItem {
  const common = {
    id: row.id,
    source: row.source,
    receivedAt: new Date(row.received_at).toISOString(),
    externalId: row.external_id,
    campaign: row.campaign,
    channel: row.channel,
    currency: row.currency,
  };
  if (row.kind === "metrics") {
    return {
      ...common,
      kind: "metrics",
      date: row.date ?? "",
      spend: row.spend,
      impressions: row.impressions,
      clicks: row.clicks,
      conversions: row.conversions,
      revenue: row.revenue,
      dimensions: row.dimensions ? JSON.parse(row.dimensions) : {},
      extraMeasures: row.extra_measures ? JSON.parse(row.extra_measures) : {},
    };
  }
  return { ...common, kind: row.kind, occurredAt: row.occurred_at ?? "", value: row.value, email: row.email };
}
