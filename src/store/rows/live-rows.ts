import {
  dayToIso,
  type FactRecord,
  type FactTable,
  factTableFromRecords,
  isoToDay,
} from "../../ingest/index.js";
import type { LiveEventRow, LiveFactsOptions, LiveFeedItem, LiveMetricRow, Workspace } from "../store.js";
import { inWorkspace } from "../workspace-key.js";

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

const FIRST_DAY = "0000-01-01";
const LAST_DAY = "9999-12-31";

/** Every column a metrics row is written with, in the order both engines bind them. */
export const METRICS_COLUMNS = [
  "team",
  "enterprise",
  "source",
  "external_id",
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
  "received_at",
] as const satisfies readonly (keyof MetricsRow)[];

/**
 * Each metrics row as it stood at `asOf` (both engines' SQL, with their own parameters): the row itself
 * when its current version had arrived by then, else the newest version it replaced that had. History
 * keeps only replaced versions, so a new row costs one write.
 */
export function metricsAsOfSql(p: {
  team: string;
  enterprise: string;
  asOf: string;
  since: string;
  until: string;
}) {
  const columns = METRICS_COLUMNS.join(", ");
  const inRange = `date >= ${p.since} AND date <= ${p.until}`;
  return `
    SELECT id, ${columns} FROM live_metrics
    WHERE ${inWorkspace(p.team, p.enterprise)} AND received_at <= ${p.asOf} AND ${inRange}
    UNION ALL
    SELECT metrics_id, ${columns} FROM live_metric_pushes WHERE id IN (
      SELECT max(pushes.id) FROM live_metric_pushes AS pushes
      JOIN live_metrics ON live_metrics.id = pushes.metrics_id AND live_metrics.received_at > ${p.asOf}
      WHERE ${inWorkspace(p.team, p.enterprise, "pushes")} AND pushes.received_at <= ${p.asOf}
      GROUP BY pushes.metrics_id) AND ${inRange}
    ORDER BY date, id`;
}

/** Columns compared to tell a retried metrics row from a corrected one: all but whose row it is and when it came. */
export const METRICS_CONTENT = METRICS_COLUMNS.filter(
  (column) => !["team", "enterprise", "source", "external_id", "received_at"].includes(column),
);

export const EVENT_COLUMNS = [
  "team",
  "enterprise",
  "kind",
  "source",
  "external_id",
  "occurred_at",
  "day",
  "campaign",
  "channel",
  "value",
  "currency",
  "email",
  "received_at",
] as const satisfies readonly (keyof EventRow)[];

/**
 * The days a live-facts read covers: `since` to `until`, starting no earlier than `lastDays` before the
 * newest live day (`newest`, looked up by the engine only when `lastDays` is given).
 */
export function liveDays(options: LiveFactsOptions, newest: string | null | undefined) {
  const window =
    newest && options.lastDays !== undefined ? dayToIso(isoToDay(newest) - options.lastDays) : FIRST_DAY;
  const since = [options.since ?? FIRST_DAY, window].sort().at(-1) as string;
  return { since, until: options.until ?? LAST_DAY };
}

/** Metrics rows and events as one table of facts. */
export function liveFactTable(metrics: readonly MetricsRow[], events: Iterable<EventRow>): FactTable {
  const records: FactRecord[] = metrics.map(metricsFact);
  for (const event of events) records.push(eventFact(event));
  return factTableFromRecords(records);
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

function metricsFact(row: MetricsRow): FactRecord {
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
function eventFact(row: EventRow): FactRecord {
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
