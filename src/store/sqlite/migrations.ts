import type { Database } from "better-sqlite3";
import { StoreError } from "../store-error.js";

/**
 * The schema, one step per version; `PRAGMA user_version` records how many steps a file has had. Steps
 * are only ever appended: a released step is never edited, because files already carry it.
 */
export const STEPS: readonly string[] = [
  `
  CREATE TABLE datasets (
    id TEXT PRIMARY KEY,
    team TEXT,
    channel TEXT NOT NULL,
    thread_ts TEXT,
    file_id TEXT UNIQUE,
    name TEXT NOT NULL,
    uploaded_by TEXT,
    created_at INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    receipt TEXT NOT NULL,
    totals_check TEXT
  );
  CREATE INDEX datasets_by_channel ON datasets (channel, created_at);
  CREATE INDEX datasets_by_thread ON datasets (channel, thread_ts);

  -- One row per column of a dataset, its values as one blob (see fact-columns.ts).
  CREATE TABLE dataset_columns (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('days', 'measure', 'extra', 'dimension')),
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    dictionary TEXT,
    UNIQUE (dataset_id, position)
  );

  CREATE TABLE threads (
    channel TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    dataset_id TEXT REFERENCES datasets (id) ON DELETE SET NULL,
    history TEXT NOT NULL DEFAULT '[]',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (channel, thread_ts)
  );

  CREATE TABLE processed_events (
    key TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  );
  CREATE INDEX processed_events_by_age ON processed_events (claimed_at);

  -- Live rows are written one delivery at a time, so every index costs each webhook call a page write:
  -- only the lookups that need one have one (ids for idempotency, dates for reports). The feed reads
  -- the newest rows by rowid, which grows with arrival.
  CREATE TABLE live_metrics (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    external_id TEXT,
    date TEXT NOT NULL,
    campaign TEXT,
    channel TEXT,
    spend REAL,
    impressions REAL,
    clicks REAL,
    conversions REAL,
    revenue REAL,
    currency TEXT,
    dimensions TEXT,
    extra_measures TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX live_metrics_by_external_id ON live_metrics (source, external_id)
    WHERE external_id IS NOT NULL;
  CREATE INDEX live_metrics_by_date ON live_metrics (date);

  CREATE TABLE live_events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('lead', 'order')),
    source TEXT NOT NULL,
    external_id TEXT,
    occurred_at TEXT NOT NULL,
    day TEXT NOT NULL,
    campaign TEXT,
    channel TEXT,
    value REAL,
    currency TEXT,
    email TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX live_events_by_external_id ON live_events (source, kind, external_id)
    WHERE external_id IS NOT NULL;
  CREATE INDEX live_events_by_day ON live_events (day);

  CREATE TABLE idempotent_responses (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX idempotent_responses_by_age ON idempotent_responses (created_at);

  -- AUTOINCREMENT: a removed rule's number is never given to a new rule, so "/alert remove 3" typed
  -- late cannot delete somebody else's newer rule.
  CREATE TABLE alert_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX alert_rules_by_channel ON alert_rules (channel);

  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    channel TEXT NOT NULL,
    message_ts TEXT,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    fired_at INTEGER NOT NULL,
    resolved_at INTEGER
  );
  CREATE INDEX alerts_by_rule_key ON alerts (rule_id, key, id);
  `,
  // Every row a workspace owns names its team and, on Enterprise Grid, its enterprise. Rows stored before
  // this step keep NULL: the workspace they came from is not known (see the README on data scoping).
  `
  ALTER TABLE datasets ADD COLUMN enterprise TEXT;
  CREATE INDEX datasets_by_team ON datasets (team, created_at);
  ALTER TABLE threads ADD COLUMN team TEXT;
  ALTER TABLE threads ADD COLUMN enterprise TEXT;
  ALTER TABLE alert_rules ADD COLUMN team TEXT;
  ALTER TABLE alert_rules ADD COLUMN enterprise TEXT;
  `,
  // Durable jobs (src/jobs): every Slack event is written here before Slack gets its 200. `key` makes a
  // redelivered event the same job; `job_steps` records each outward effect (a posted message) so a rerun
  // after a crash does not repeat it. Finished jobs are kept for a week, as processed event ids are.
  `
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX jobs_due ON jobs (state, run_at, id);
  CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

  CREATE TABLE job_steps (
    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    result TEXT,
    started_at INTEGER NOT NULL,
    PRIMARY KEY (job_id, step)
  );
  `,
  // Targets (src/targets): a budget or a KPI goal per workspace and channel, for the channel's whole data
  // or for one campaign (or other value) of it.
  `
  CREATE TABLE targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team TEXT,
    enterprise TEXT,
    channel TEXT NOT NULL,
    metric TEXT NOT NULL,
    value REAL NOT NULL,
    period TEXT,
    scope_dimension TEXT,
    scope_value TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX targets_by_channel ON targets (channel, id);
  `,
  // Every push of a live metrics row as it arrived: live_metrics keeps one row per id, replaced on each
  // push, so the hour-by-hour history an alert chart draws is kept here, written by triggers so every
  // path that stores live rows keeps it.
  `
  CREATE TABLE live_metric_pushes (
    id INTEGER PRIMARY KEY,
    metrics_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    external_id TEXT,
    date TEXT NOT NULL,
    campaign TEXT,
    channel TEXT,
    spend REAL,
    impressions REAL,
    clicks REAL,
    conversions REAL,
    revenue REAL,
    currency TEXT,
    dimensions TEXT,
    extra_measures TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX live_metric_pushes_by_time ON live_metric_pushes (received_at);
  CREATE TRIGGER live_metric_pushes_on_insert AFTER INSERT ON live_metrics BEGIN
    INSERT INTO live_metric_pushes (metrics_id, source, external_id, date, campaign, channel, spend,
      impressions, clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (NEW.id, NEW.source, NEW.external_id, NEW.date, NEW.campaign, NEW.channel, NEW.spend,
      NEW.impressions, NEW.clicks, NEW.conversions, NEW.revenue, NEW.currency, NEW.dimensions,
      NEW.extra_measures, NEW.received_at);
  END;
  CREATE TRIGGER live_metric_pushes_on_update AFTER UPDATE ON live_metrics BEGIN
    INSERT INTO live_metric_pushes (metrics_id, source, external_id, date, campaign, channel, spend,
      impressions, clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (NEW.id, NEW.source, NEW.external_id, NEW.date, NEW.campaign, NEW.channel, NEW.spend,
      NEW.impressions, NEW.clicks, NEW.conversions, NEW.revenue, NEW.currency, NEW.dimensions,
      NEW.extra_measures, NEW.received_at);
  END;
  `,
  // Scheduled reports (src/schedules): a /report request delivered to a channel daily or weekly at a
  // local time in the time zone of the person who scheduled it. \`next_slot_at\` is the next delivery the
  // sweep looks for; an ended schedule (its channel deleted, the app removed) keeps its row and the reason.
  `
  CREATE TABLE report_schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team TEXT,
    enterprise TEXT,
    channel TEXT NOT NULL,
    cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
    local_time TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    report TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    next_slot_at INTEGER NOT NULL,
    ended_at INTEGER,
    end_reason TEXT
  );
  CREATE INDEX report_schedules_due ON report_schedules (next_slot_at) WHERE ended_at IS NULL;
  CREATE INDEX report_schedules_by_channel ON report_schedules (channel, id);
  `,
  // Live data, threads and webhook secrets belong to a workspace (issue 17, item 3). Ids from a source
  // are unique within a workspace, so two workspaces' "n8n" never collide; the unique keys read an unknown
  // part as '' so that NULL (a row stored before this step, or outside Slack) is one workspace too. Reads
  // filter on the same expressions, which lets SQLite use these indexes. Threads are keyed by workspace
  // as well: a channel shared between two organisations has one id in both. A workspace's webhook secret
  // is kept only as its SHA-256.
  `
  ALTER TABLE live_metrics ADD COLUMN team TEXT;
  ALTER TABLE live_metrics ADD COLUMN enterprise TEXT;
  DROP INDEX live_metrics_by_external_id;
  CREATE UNIQUE INDEX live_metrics_by_external_id
    ON live_metrics (coalesce(team, ''), coalesce(enterprise, ''), source, external_id)
    WHERE external_id IS NOT NULL;
  DROP INDEX live_metrics_by_date;
  CREATE INDEX live_metrics_by_workspace_date ON live_metrics (coalesce(team, ''), coalesce(enterprise, ''), date);

  ALTER TABLE live_events ADD COLUMN team TEXT;
  ALTER TABLE live_events ADD COLUMN enterprise TEXT;
  DROP INDEX live_events_by_external_id;
  CREATE UNIQUE INDEX live_events_by_external_id
    ON live_events (coalesce(team, ''), coalesce(enterprise, ''), source, kind, external_id)
    WHERE external_id IS NOT NULL;
  DROP INDEX live_events_by_day;
  CREATE INDEX live_events_by_workspace_day ON live_events (coalesce(team, ''), coalesce(enterprise, ''), day);

  ALTER TABLE live_metric_pushes ADD COLUMN team TEXT;
  ALTER TABLE live_metric_pushes ADD COLUMN enterprise TEXT;
  DROP TRIGGER live_metric_pushes_on_insert;
  DROP TRIGGER live_metric_pushes_on_update;
  CREATE TRIGGER live_metric_pushes_on_insert AFTER INSERT ON live_metrics BEGIN
    INSERT INTO live_metric_pushes (metrics_id, team, enterprise, source, external_id, date, campaign, channel,
      spend, impressions, clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (NEW.id, NEW.team, NEW.enterprise, NEW.source, NEW.external_id, NEW.date, NEW.campaign, NEW.channel,
      NEW.spend, NEW.impressions, NEW.clicks, NEW.conversions, NEW.revenue, NEW.currency, NEW.dimensions,
      NEW.extra_measures, NEW.received_at);
  END;
  -- Only an update that sets the arrival time is a push; giving old rows their workspace is not.
  CREATE TRIGGER live_metric_pushes_on_update AFTER UPDATE OF received_at ON live_metrics BEGIN
    INSERT INTO live_metric_pushes (metrics_id, team, enterprise, source, external_id, date, campaign, channel,
      spend, impressions, clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (NEW.id, NEW.team, NEW.enterprise, NEW.source, NEW.external_id, NEW.date, NEW.campaign, NEW.channel,
      NEW.spend, NEW.impressions, NEW.clicks, NEW.conversions, NEW.revenue, NEW.currency, NEW.dimensions,
      NEW.extra_measures, NEW.received_at);
  END;

  CREATE TABLE threads_by_workspace (
    channel TEXT NOT NULL,
    thread_ts TEXT NOT NULL,
    dataset_id TEXT REFERENCES datasets (id) ON DELETE SET NULL,
    history TEXT NOT NULL DEFAULT '[]',
    updated_at INTEGER NOT NULL,
    team TEXT,
    enterprise TEXT
  );
  INSERT INTO threads_by_workspace (channel, thread_ts, dataset_id, history, updated_at, team, enterprise)
    SELECT channel, thread_ts, dataset_id, history, updated_at, team, enterprise FROM threads;
  DROP TABLE threads;
  ALTER TABLE threads_by_workspace RENAME TO threads;
  CREATE UNIQUE INDEX threads_by_key ON threads (coalesce(team, ''), coalesce(enterprise, ''), channel, thread_ts);

  CREATE TABLE webhook_secrets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team TEXT,
    enterprise TEXT,
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX webhook_secrets_by_workspace ON webhook_secrets (coalesce(team, ''), coalesce(enterprise, ''));

  -- The one workspace that adopted the rows stored without one: no other workspace ever adopts any.
  CREATE TABLE unowned_rows_owner (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    team TEXT,
    enterprise TEXT,
    adopted_at INTEGER NOT NULL
  );
  `,
  // Slack installations, one per workspace (or Enterprise Grid organisation) that added the app through
  // OAuth (issue 17, item 3), found by 'team:<id>' or 'enterprise:<id>'. `sealed` is the installation as
  // Slack's installer gives it, tokens included, encrypted by the app with ENCRYPTION_KEY: the database
  // never holds a token in the clear.
  `
  CREATE TABLE slack_installations (
    id TEXT PRIMARY KEY,
    team TEXT,
    enterprise TEXT,
    enterprise_install INTEGER NOT NULL DEFAULT 0,
    sealed TEXT NOT NULL,
    installed_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // A scheduled delivery may be an answer to a question (the "Send this every Monday" button under an
  // answer) instead of a /report: the question, asked again of the channel's latest data at each slot.
  `
  ALTER TABLE report_schedules ADD COLUMN question TEXT;
  `,
  // Text kept as bytes (issue 16): a text column's distinct values as one UTF-8 buffer (`text_bytes`) and
  // an offset per value (`text_offsets`, 32-bit, little-endian), as the FactTable holds them, instead of a
  // JSON list of strings; and identifier columns (text with too many distinct values to group by, such as
  // search terms), which the role CHECK refused. SQLite cannot change a CHECK, so the table is rebuilt.
  `
  CREATE TABLE dataset_columns_next (
    dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('days', 'measure', 'extra', 'dimension', 'identifier')),
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    dictionary TEXT,
    text_bytes BLOB,
    text_offsets BLOB,
    UNIQUE (dataset_id, position)
  );
  INSERT INTO dataset_columns_next (dataset_id, position, role, name, data, dictionary)
    SELECT dataset_id, position, role, name, data, dictionary FROM dataset_columns;
  DROP TABLE dataset_columns;
  ALTER TABLE dataset_columns_next RENAME TO dataset_columns;
  `,
  // Push history keeps only the versions a push replaced (issue 15): the current version is the
  // live_metrics row itself, so a new row is one write instead of two. A row's newest push, which repeats
  // its current version, is dropped.
  `
  DROP TRIGGER live_metric_pushes_on_insert;
  DROP TRIGGER live_metric_pushes_on_update;
  CREATE TRIGGER live_metric_pushes_on_update AFTER UPDATE OF received_at ON live_metrics BEGIN
    INSERT INTO live_metric_pushes (metrics_id, team, enterprise, source, external_id, date, campaign, channel,
      spend, impressions, clicks, conversions, revenue, currency, dimensions, extra_measures, received_at)
    VALUES (OLD.id, OLD.team, OLD.enterprise, OLD.source, OLD.external_id, OLD.date, OLD.campaign, OLD.channel,
      OLD.spend, OLD.impressions, OLD.clicks, OLD.conversions, OLD.revenue, OLD.currency, OLD.dimensions,
      OLD.extra_measures, OLD.received_at);
  END;
  DELETE FROM live_metric_pushes WHERE id IN (
    SELECT max(pushes.id) FROM live_metric_pushes AS pushes
    JOIN live_metrics ON live_metrics.id = pushes.metrics_id AND live_metrics.received_at = pushes.received_at
    GROUP BY pushes.metrics_id);
  `,
  // A big dataset is saved in pieces (issue 16): its columns' bytes are written in short transactions of
  // their own, so saving a 200 MB upload holds the app for one piece at a time, not for seconds. A
  // dataset being saved has \`saving_at\` (when its latest piece was written) and no file id yet: every
  // read skips it, one last small transaction completes it, and opening the store removes one whose save
  // was cut short. A column's bytes are its dataset_columns blob followed by its pieces in order.
  `
  ALTER TABLE datasets ADD COLUMN saving_at INTEGER;
  CREATE INDEX datasets_being_saved ON datasets (saving_at) WHERE saving_at IS NOT NULL;
  CREATE TABLE dataset_column_pieces (
    dataset_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    field TEXT NOT NULL CHECK (field IN ('data', 'text_bytes', 'text_offsets')),
    piece INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (dataset_id, position, field, piece),
    FOREIGN KEY (dataset_id, position) REFERENCES dataset_columns (dataset_id, position) ON DELETE CASCADE
  );
  `,
];

export const LATEST_SCHEMA_VERSION = STEPS.length;

export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrate(db: Database): void {
  const version = schemaVersion(db);
  if (version > STEPS.length) {
    throw new StoreError(
      `the database has schema version ${version}, newer than this program knows (${STEPS.length}): upgrade the program or point DATABASE_URL at another file`,
    );
  }
  STEPS.slice(version).forEach((step, offset) => {
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + offset + 1}`);
    })();
  });
}
