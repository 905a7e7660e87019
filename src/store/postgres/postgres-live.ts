import {
  EVENT_COLUMNS,
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
import type { LiveBatch, LiveFactsOptions, LiveFieldNames, LiveOutcome, Workspace } from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";
import { placeholders, type Sql } from "./sql.js";

const INSERT_METRICS = `INSERT INTO live_metrics (${METRICS_COLUMNS.join(", ")})
  VALUES (${placeholders(METRICS_COLUMNS.length)})
  ON CONFLICT ((coalesce(team, '')), (coalesce(enterprise, '')), source, external_id)
    WHERE external_id IS NOT NULL DO NOTHING`;
// Changes nothing when the stored row already has this content: that re-send is a duplicate. The version
// it replaces is kept as history, as SQLite's trigger keeps it.
const UPDATE_METRICS = `WITH replaced AS (
    SELECT * FROM live_metrics
    WHERE ${inWorkspace("coalesce($1, '')", "coalesce($2, '')")} AND source = $3 AND external_id = $4
      AND (${METRICS_CONTENT.map((column) => `${column} IS DISTINCT FROM $${METRICS_COLUMNS.indexOf(column) + 1}`).join(" OR ")})
    FOR UPDATE),
  changed AS (
    UPDATE live_metrics SET ${METRICS_COLUMNS.map((column, index) => `${column} = $${index + 1}`).join(", ")}
    FROM replaced WHERE live_metrics.id = replaced.id
    RETURNING replaced.*)
  INSERT INTO live_metric_pushes (metrics_id, ${METRICS_COLUMNS.join(", ")})
  SELECT id, ${METRICS_COLUMNS.join(", ")} FROM changed`;
const INSERT_EVENT = `INSERT INTO live_events (${EVENT_COLUMNS.join(", ")}) VALUES (${placeholders(EVENT_COLUMNS.length)})
  ON CONFLICT ((coalesce(team, '')), (coalesce(enterprise, '')), source, kind, external_id)
    WHERE external_id IS NOT NULL DO NOTHING`;
const RECENT = `
  SELECT * FROM (
    SELECT * FROM (
      SELECT 'metrics' AS kind, id, source, external_id, received_at, date, NULL::text AS occurred_at,
             campaign, channel, spend, impressions, clicks, conversions, revenue, currency, dimensions,
             extra_measures, NULL::double precision AS value, NULL::text AS email
      FROM live_metrics WHERE ${inWorkspace("$2", "$3")} ORDER BY id DESC LIMIT $1) AS metrics
    UNION ALL
    SELECT * FROM (
      SELECT kind, id, source, external_id, received_at, NULL::text, occurred_at, campaign, channel,
             NULL::double precision, NULL::double precision, NULL::double precision, NULL::double precision,
             NULL::double precision, currency, NULL::text, NULL::text, value, email
      FROM live_events WHERE ${inWorkspace("$2", "$3")} ORDER BY id DESC LIMIT $1) AS events) AS feed
  ORDER BY received_at DESC, id DESC
  LIMIT $1`;

/** Rows pushed by automation tools, as in SQLite (see ../sqlite/live-tables.ts). */
export function postgresLive(sql: Sql) {
  const newestDay = async (workspace: [string, string]) =>
    (
      await sql.query<{ day: string | null }>(
        `SELECT max(day) AS day FROM (SELECT max(date) AS day FROM live_metrics WHERE ${inWorkspace("$1", "$2")}
           UNION ALL SELECT max(day) FROM live_events WHERE ${inWorkspace("$1", "$2")}) AS days`,
        workspace,
      )
    ).rows[0]?.day;
  const namesOf = async (column: "dimensions" | "extra_measures", source: string, workspace?: Workspace) =>
    (
      await sql.query<{ key: string }>(
        `SELECT DISTINCT jsonb_object_keys(${column}::jsonb) AS key FROM live_metrics
         WHERE ${inWorkspace("$2", "$3")} AND source = $1 AND ${column} IS NOT NULL`,
        [source, ...workspaceKey(workspace)],
      )
    ).rows.map((row) => row.key);

  return {
    /** Called inside a transaction: the batch commits whole or not at all. */
    save: async (batch: LiveBatch): Promise<LiveOutcome[]> => {
      const receivedAt = batch.receivedAt?.getTime() ?? Date.now();
      const outcomes: LiveOutcome[] = [];
      for (const record of batch.records) {
        if (record.kind === "metrics") {
          const row = metricsRow(batch.source, record, receivedAt, batch.workspace);
          const values = METRICS_COLUMNS.map((column) => row[column]);
          if ((await sql.query(INSERT_METRICS, values)).rowCount === 1) outcomes.push("stored");
          else
            outcomes.push((await sql.query(UPDATE_METRICS, values)).rowCount === 1 ? "updated" : "duplicate");
        } else {
          const row = eventRow(batch.source, record, receivedAt, batch.workspace);
          const inserted = await sql.query(
            INSERT_EVENT,
            EVENT_COLUMNS.map((column) => row[column]),
          );
          outcomes.push(inserted.rowCount === 1 ? "stored" : "duplicate");
        }
      }
      return outcomes;
    },
    facts: async (options: LiveFactsOptions = {}) => {
      const workspace = workspaceKey(options.workspace);
      const newest = options.lastDays === undefined ? null : await newestDay(workspace);
      const { since, until } = liveDays(options, newest);
      const asOf = options.asOf?.getTime();
      const metrics =
        asOf === undefined
          ? await sql.query<MetricsRow>(
              `SELECT * FROM live_metrics WHERE ${inWorkspace("$3", "$4")} AND date >= $1 AND date <= $2
               ORDER BY date, id`,
              [since, until, ...workspace],
            )
          : await sql.query<MetricsRow>(
              metricsAsOfSql({ team: "$4", enterprise: "$5", asOf: "$3", since: "$1", until: "$2" }),
              [since, until, asOf, ...workspace],
            );
      const events = await sql.query<EventRow>(
        `SELECT * FROM live_events WHERE ${inWorkspace("$4", "$5")} AND day >= $1 AND day <= $2
           AND ($3::bigint IS NULL OR received_at <= $3)
         ORDER BY day, id`,
        [since, until, asOf ?? null, ...workspace],
      );
      return liveFactTable(metrics.rows, events.rows);
    },
    recent: async (limit: number, workspace?: Workspace) =>
      (await sql.query<FeedRow>(RECENT, [limit, ...workspaceKey(workspace)])).rows.map(feedItem),
    fieldNames: async (source: string, workspace?: Workspace): Promise<LiveFieldNames> => ({
      dimensions: await namesOf("dimensions", source, workspace),
      measures: await namesOf("extra_measures", source, workspace),
    }),
  };
}
