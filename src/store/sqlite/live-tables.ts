import type { Database } from "better-sqlite3";
import type { FactTable } from "../../ingest/index.js";
import {
  type EventRow,
  eventRow,
  type FeedRow,
  feedItem,
  liveDays,
  liveFactTable,
  METRICS_COLUMNS,
  METRICS_CONTENT,
  type MetricsRow,
  metricsAsOfSql,
  metricsRow,
} from "../rows/live-rows.js";
import type {
  LiveBatch,
  LiveFactsOptions,
  LiveFeedItem,
  LiveFieldNames,
  LiveOutcome,
  Workspace,
} from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";

/**
 * Rows pushed by automation tools. Metrics rows with an id are upserted (a tool re-sending today's
 * figures each hour replaces them, and an identical re-send is a duplicate); leads and orders with an id
 * are stored once. Rows without an id are always new: the Idempotency-Key header covers their retries.
 */
export function liveTables(db: Database) {
  // A new row is the common case, so it costs one statement; only a repeated id needs a second one.
  // Positional parameters: binding by name looks up each name on the row, a cost on every delivery.
  const insertMetrics = db.prepare(`
    INSERT INTO live_metrics (${METRICS_COLUMNS.join(", ")})
    VALUES (${METRICS_COLUMNS.map(() => "?").join(", ")})
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
  const metricsAsOf = db.prepare<[Range & { asOf: number }], MetricsRow>(
    metricsAsOfSql({
      team: "@team",
      enterprise: "@enterprise",
      asOf: "@asOf",
      since: "@since",
      until: "@until",
    }),
  );
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
    const inserted = insertMetrics.run(...METRICS_COLUMNS.map((column) => row[column]));
    if (inserted.changes === 1) return "stored";
    return updateMetrics.run(row).changes === 1 ? "updated" : "duplicate";
  };

  const saveRows = (batch: LiveBatch): LiveOutcome[] => {
    const receivedAt = batch.receivedAt?.getTime() ?? Date.now();
    return batch.records.map((record) =>
      record.kind === "metrics"
        ? saveMetrics(metricsRow(batch.source, record, receivedAt, batch.workspace))
        : insertEvent.run(eventRow(batch.source, record, receivedAt, batch.workspace)).changes === 1
          ? "stored"
          : "duplicate",
    );
  };
  const saveTogether = db.transaction(saveRows);

  return {
    // Inside a transaction (each webhook delivery's) the batch is that transaction's: a row that fails
    // throws through it and undoes the batch with the rest, or with its savepoint when the caller nests
    // one (`tx.transaction`); a savepoint of its own here would cost every delivery two more statements.
    save: (batch: LiveBatch) => (db.inTransaction ? saveRows(batch) : saveTogether(batch)),
    facts: (options: LiveFactsOptions = {}): FactTable => {
      const workspace = workspaceParams(options.workspace);
      const newest = options.lastDays === undefined ? null : newestDay.get(workspace)?.day;
      const range = { ...workspace, ...liveDays(options, newest) };
      const asOf = options.asOf?.getTime();
      const metrics = asOf === undefined ? metricsInRange.all(range) : metricsAsOf.all({ ...range, asOf });
      const events =
        asOf === undefined ? eventsInRange.iterate(range) : eventsAsOf.iterate({ ...range, asOf });
      return liveFactTable(metrics, events);
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
