import type { Pool } from "pg";
import { StoreError } from "../store-error.js";
import type { Sql } from "./sql.js";

/**
 * PostgreSQL's schema, one step per version, the same tables and columns as SQLite's (see
 * ../sqlite/migrations.ts) written in PostgreSQL's types: times are epoch milliseconds (bigint), facts
 * are bytea blobs, ids grow from identity columns that never hand out a removed row's number. Steps are
 * only ever appended. `schema_migrations` records how many a database has had.
 */
export const POSTGRES_STEPS: readonly string[] = [
  `
  CREATE TABLE datasets (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    team text,
    enterprise text,
    channel text NOT NULL,
    thread_ts text,
    file_id text UNIQUE,
    name text NOT NULL,
    uploaded_by text,
    created_at bigint NOT NULL,
    row_count integer NOT NULL,
    receipt text NOT NULL,
    totals_check text
  );
  CREATE INDEX datasets_by_channel ON datasets (channel, created_at);
  CREATE INDEX datasets_by_thread ON datasets (channel, thread_ts);
  CREATE INDEX datasets_by_team ON datasets (team, created_at);

  CREATE TABLE dataset_columns (
    dataset_id text NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    position integer NOT NULL,
    role text NOT NULL CHECK (role IN ('days', 'measure', 'extra', 'dimension')),
    name text NOT NULL,
    data bytea NOT NULL,
    dictionary text,
    UNIQUE (dataset_id, position)
  );

  CREATE TABLE threads (
    channel text NOT NULL,
    thread_ts text NOT NULL,
    dataset_id text REFERENCES datasets (id) ON DELETE SET NULL,
    team text,
    enterprise text,
    history text NOT NULL DEFAULT '[]',
    updated_at bigint NOT NULL,
    PRIMARY KEY (channel, thread_ts)
  );

  CREATE TABLE processed_events (
    key text PRIMARY KEY,
    claimed_at bigint NOT NULL
  );
  CREATE INDEX processed_events_by_age ON processed_events (claimed_at);

  CREATE TABLE idempotent_responses (
    key text PRIMARY KEY,
    fingerprint text NOT NULL,
    status integer NOT NULL,
    body text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX idempotent_responses_by_age ON idempotent_responses (created_at);

  CREATE TABLE live_metrics (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source text NOT NULL,
    external_id text,
    date text NOT NULL,
    campaign text,
    channel text,
    spend double precision,
    impressions double precision,
    clicks double precision,
    conversions double precision,
    revenue double precision,
    currency text,
    dimensions text,
    extra_measures text,
    received_at bigint NOT NULL
  );
  CREATE UNIQUE INDEX live_metrics_by_external_id ON live_metrics (source, external_id)
    WHERE external_id IS NOT NULL;
  CREATE INDEX live_metrics_by_date ON live_metrics (date);

  -- Every push of a metrics row as it arrived (see the SQLite step that adds it).
  CREATE TABLE live_metric_pushes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    metrics_id bigint NOT NULL,
    source text NOT NULL,
    external_id text,
    date text NOT NULL,
    campaign text,
    channel text,
    spend double precision,
    impressions double precision,
    clicks double precision,
    conversions double precision,
    revenue double precision,
    currency text,
    dimensions text,
    extra_measures text,
    received_at bigint NOT NULL
  );
  CREATE INDEX live_metric_pushes_by_time ON live_metric_pushes (received_at);

  CREATE TABLE live_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('lead', 'order')),
    source text NOT NULL,
    external_id text,
    occurred_at text NOT NULL,
    day text NOT NULL,
    campaign text,
    channel text,
    value double precision,
    currency text,
    email text,
    received_at bigint NOT NULL
  );
  CREATE UNIQUE INDEX live_events_by_external_id ON live_events (source, kind, external_id)
    WHERE external_id IS NOT NULL;
  CREATE INDEX live_events_by_day ON live_events (day);

  CREATE TABLE alert_rules (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team text,
    enterprise text,
    channel text NOT NULL,
    definition text NOT NULL,
    created_by text,
    created_at bigint NOT NULL
  );
  CREATE INDEX alert_rules_by_channel ON alert_rules (channel);

  CREATE TABLE alerts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id bigint NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    key text NOT NULL,
    channel text NOT NULL,
    message_ts text,
    summary text NOT NULL,
    details text NOT NULL,
    fired_at bigint NOT NULL,
    resolved_at bigint
  );
  CREATE INDEX alerts_by_rule_key ON alerts (rule_id, key, id);
  `,
  // Scheduled reports (src/schedules), as SQLite's step of the same name.
  `
  CREATE TABLE report_schedules (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team text,
    enterprise text,
    channel text NOT NULL,
    cadence text NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    weekday integer CHECK (weekday BETWEEN 1 AND 7),
    local_time text NOT NULL,
    time_zone text NOT NULL,
    report text NOT NULL,
    created_by text,
    created_at bigint NOT NULL,
    next_slot_at bigint NOT NULL,
    ended_at bigint,
    end_reason text
  );
  CREATE INDEX report_schedules_due ON report_schedules (next_slot_at) WHERE ended_at IS NULL;
  CREATE INDEX report_schedules_by_channel ON report_schedules (channel, id);
  `,
  // Targets (src/targets), as SQLite's step of the same name, and what durable jobs keep beside pg-boss's
  // own schema (src/jobs/postgres): every key ever enqueued, so a late duplicate adds nothing even after
  // its job is done (pg-boss's singletonKey only holds while a job waits); the lease of each running job,
  // so a dead worker's jobs are resumed without waiting out pg-boss's expiry; and each job's once-only
  // steps, as SQLite's job_steps.
  `
  CREATE TABLE targets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team text,
    enterprise text,
    channel text NOT NULL,
    metric text NOT NULL,
    value double precision NOT NULL,
    period text,
    scope_dimension text,
    scope_value text,
    created_by text,
    created_at bigint NOT NULL
  );
  CREATE INDEX targets_by_channel ON targets (channel, id);

  CREATE TABLE job_keys (
    key text PRIMARY KEY,
    job_id text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX job_keys_by_age ON job_keys (created_at);

  CREATE TABLE job_leases (
    job_id text PRIMARY KEY,
    owner text NOT NULL,
    lease_until bigint NOT NULL
  );
  CREATE INDEX job_leases_by_owner ON job_leases (owner);

  CREATE TABLE job_steps (
    job_id text NOT NULL,
    step text NOT NULL,
    result text,
    started_at bigint NOT NULL,
    PRIMARY KEY (job_id, step)
  );
  CREATE INDEX job_steps_by_age ON job_steps (started_at);
  `,
  // Live data, threads and webhook secrets belong to a workspace (see the SQLite step of the same name).
  `
  ALTER TABLE live_metrics ADD COLUMN team text, ADD COLUMN enterprise text;
  DROP INDEX live_metrics_by_external_id;
  CREATE UNIQUE INDEX live_metrics_by_external_id
    ON live_metrics ((coalesce(team, '')), (coalesce(enterprise, '')), source, external_id)
    WHERE external_id IS NOT NULL;
  DROP INDEX live_metrics_by_date;
  CREATE INDEX live_metrics_by_workspace_date
    ON live_metrics ((coalesce(team, '')), (coalesce(enterprise, '')), date);

  ALTER TABLE live_events ADD COLUMN team text, ADD COLUMN enterprise text;
  DROP INDEX live_events_by_external_id;
  CREATE UNIQUE INDEX live_events_by_external_id
    ON live_events ((coalesce(team, '')), (coalesce(enterprise, '')), source, kind, external_id)
    WHERE external_id IS NOT NULL;
  DROP INDEX live_events_by_day;
  CREATE INDEX live_events_by_workspace_day
    ON live_events ((coalesce(team, '')), (coalesce(enterprise, '')), day);

  ALTER TABLE live_metric_pushes ADD COLUMN team text, ADD COLUMN enterprise text;

  ALTER TABLE threads DROP CONSTRAINT threads_pkey;
  CREATE UNIQUE INDEX threads_by_key
    ON threads ((coalesce(team, '')), (coalesce(enterprise, '')), channel, thread_ts);

  CREATE TABLE webhook_secrets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team text,
    enterprise text,
    secret_hash text NOT NULL UNIQUE,
    created_by text,
    created_at bigint NOT NULL
  );
  CREATE UNIQUE INDEX webhook_secrets_by_workspace
    ON webhook_secrets ((coalesce(team, '')), (coalesce(enterprise, '')));

  CREATE TABLE unowned_rows_owner (
    id integer PRIMARY KEY CHECK (id = 1),
    team text,
    enterprise text,
    adopted_at bigint NOT NULL
  );
  `,
  // Slack installations with their tokens sealed (see the SQLite step of the same name).
  `
  CREATE TABLE slack_installations (
    id text PRIMARY KEY,
    team text,
    enterprise text,
    enterprise_install boolean NOT NULL DEFAULT false,
    sealed text NOT NULL,
    installed_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  `,
  // A scheduled answer to a question, as SQLite's step of the same name.
  `
  ALTER TABLE report_schedules ADD COLUMN question text;
  `,
  // Text kept as bytes, and identifier columns (see the SQLite step of the same name).
  `
  ALTER TABLE dataset_columns
    DROP CONSTRAINT dataset_columns_role_check,
    ADD CONSTRAINT dataset_columns_role_check
      CHECK (role IN ('days', 'measure', 'extra', 'dimension', 'identifier')),
    ADD COLUMN text_bytes bytea,
    ADD COLUMN text_offsets bytea;
  `,
  // Push history keeps only the versions a push replaced (see the SQLite step of the same name).
  `
  DELETE FROM live_metric_pushes WHERE id IN (
    SELECT max(pushes.id) FROM live_metric_pushes AS pushes
    JOIN live_metrics ON live_metrics.id = pushes.metrics_id AND live_metrics.received_at = pushes.received_at
    GROUP BY pushes.metrics_id);
  `,
  // Column blobs are stored uncompressed (PostgreSQL only; SQLite never compresses): a big column is read
  // in pieces (see postgres-column-blobs.ts), and a piece of a compressed value costs decompressing the
  // whole value again. Packed numbers and distinct text hardly compress anyway. Blobs stored before keep
  // their compression.
  `
  ALTER TABLE dataset_columns
    ALTER COLUMN data SET STORAGE EXTERNAL,
    ALTER COLUMN text_bytes SET STORAGE EXTERNAL,
    ALTER COLUMN text_offsets SET STORAGE EXTERNAL;
  `,
  // Jobs a live push made due (its alert evaluation), marked in the push's own transaction and moved into
  // pg-boss by a relay (PostgreSQL only: SQLite writes the job itself in that transaction). No unique key,
  // so a push never waits on another instance's mark, and a kill -9 after the commit loses nothing.
  `
  CREATE TABLE jobs_due (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    marked_at bigint NOT NULL
  );
  `,
  // A big dataset is saved in pieces (see the SQLite step of the same name).
  `
  ALTER TABLE datasets ADD COLUMN saving_at bigint;
  CREATE INDEX datasets_being_saved ON datasets (saving_at) WHERE saving_at IS NOT NULL;
  CREATE TABLE dataset_column_pieces (
    dataset_id text NOT NULL,
    position integer NOT NULL,
    field text NOT NULL CHECK (field IN ('data', 'text_bytes', 'text_offsets')),
    piece integer NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (dataset_id, position, field, piece),
    FOREIGN KEY (dataset_id, position) REFERENCES dataset_columns (dataset_id, position) ON DELETE CASCADE
  );
  ALTER TABLE dataset_column_pieces ALTER COLUMN bytes SET STORAGE EXTERNAL;
  `,
];

export const LATEST_POSTGRES_VERSION = POSTGRES_STEPS.length;

/** Any number fits: instances starting together take turns on it, so a step runs once. */
const MIGRATION_LOCK = 7_117_001;

export async function postgresSchemaVersion(sql: Sql): Promise<number> {
  const result = await sql.query<{ version: number }>(
    "SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations",
  );
  return result.rows[0]?.version ?? 0;
}

export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at bigint NOT NULL)",
    );
    const result = await client.query<{ version: number }>(
      "SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations",
    );
    const version = result.rows[0]?.version ?? 0;
    if (version > POSTGRES_STEPS.length) {
      throw new StoreError(
        `the database has schema version ${version}, newer than this program knows (${POSTGRES_STEPS.length}): upgrade the program or point DATABASE_URL at another database`,
      );
    }
    for (let step = version; step < POSTGRES_STEPS.length; step++) {
      await client.query("BEGIN");
      try {
        await client.query(POSTGRES_STEPS[step] as string);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [
          step + 1,
          Date.now(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
