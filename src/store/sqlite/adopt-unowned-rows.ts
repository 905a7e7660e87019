import type { Database } from "better-sqlite3";
import type { AdoptedRows, Workspace } from "../store.js";
import { ofWorkspace } from "../workspace-key.js";

const UNOWNED = "team IS NULL AND enterprise IS NULL";
const NOTHING: AdoptedRows = { datasets: 0, threads: 0, liveRows: 0, alertRules: 0, webhookSecrets: 0 };

/**
 * Gives the unknown workspace's rows to `workspace` in one transaction. The first workspace to adopt is
 * their owner for good: a later call by another workspace (the bot token changed) adopts nothing. A live row, thread or secret whose
 * key the workspace already holds stays where it is rather than break the workspace's unique keys.
 */
export function adoptUnownedRows(db: Database) {
  const owned = (table: string, key: string) =>
    `NOT EXISTS (SELECT 1 FROM ${table} AS mine WHERE coalesce(mine.team, '') = @team
       AND coalesce(mine.enterprise, '') = @enterprise AND ${key})`;
  const update = (table: string, key?: string) =>
    db.prepare<[{ team: string; enterprise: string }]>(
      `UPDATE ${table} SET team = nullif(@team, ''), enterprise = nullif(@enterprise, '')
       WHERE ${UNOWNED}${key ? ` AND ${owned(table, key)}` : ""}`,
    );
  const statements = {
    datasets: [update("datasets")],
    threads: [update("threads", `mine.channel = threads.channel AND mine.thread_ts = threads.thread_ts`)],
    liveRows: [
      update(
        "live_metrics",
        "mine.source = live_metrics.source AND mine.external_id = live_metrics.external_id",
      ),
      update(
        "live_events",
        "mine.source = live_events.source AND mine.kind = live_events.kind AND mine.external_id = live_events.external_id",
      ),
    ],
    alertRules: [update("alert_rules")],
    webhookSecrets: [update("webhook_secrets", "1 = 1")],
  };
  const pushes = db.prepare<[{ team: string; enterprise: string }]>(
    `UPDATE live_metric_pushes SET team = nullif(@team, ''), enterprise = nullif(@enterprise, '')
     WHERE ${UNOWNED} AND metrics_id IN (SELECT id FROM live_metrics WHERE coalesce(team, '') = @team
       AND coalesce(enterprise, '') = @enterprise)`,
  );
  const claimOwner = db.prepare<[string | null, string | null, number]>(
    "INSERT INTO unowned_rows_owner (id, team, enterprise, adopted_at) VALUES (1, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const owner = db.prepare<[], Workspace>("SELECT team, enterprise FROM unowned_rows_owner WHERE id = 1");
  return db.transaction((workspace: Workspace): AdoptedRows => {
    if (!workspace.team && !workspace.enterprise) return NOTHING;
    claimOwner.run(workspace.team, workspace.enterprise, Date.now());
    if (!ofWorkspace(owner.get() as Workspace, workspace)) return NOTHING;
    const params = { team: workspace.team ?? "", enterprise: workspace.enterprise ?? "" };
    const count = (list: ReturnType<typeof update>[]) =>
      list.reduce((sum, statement) => sum + statement.run(params).changes, 0);
    const adopted = {
      datasets: count(statements.datasets),
      threads: count(statements.threads),
      liveRows: count(statements.liveRows),
      alertRules: count(statements.alertRules),
      webhookSecrets: count(statements.webhookSecrets),
    };
    pushes.run(params);
    return adopted;
  });
}
