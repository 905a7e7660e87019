import type { AdoptedRows, Workspace } from "../store.js";
import { ofWorkspace } from "../workspace-key.js";
import type { Sql } from "./sql.js";

const UNOWNED = "team IS NULL AND enterprise IS NULL";
const NOTHING: AdoptedRows = { datasets: 0, threads: 0, liveRows: 0, alertRules: 0, webhookSecrets: 0 };

/** As SQLite's (see ../sqlite/adopt-unowned-rows.ts), first owner for good; called inside a transaction. */
export async function postgresAdoptUnownedRows(sql: Sql, workspace: Workspace): Promise<AdoptedRows> {
  if (!workspace.team && !workspace.enterprise) return NOTHING;
  await sql.query(
    `INSERT INTO unowned_rows_owner (id, team, enterprise, adopted_at) VALUES (1, $1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [workspace.team, workspace.enterprise, Date.now()],
  );
  // FOR UPDATE: two instances starting together adopt one after the other.
  const owner = (
    await sql.query<Workspace>("SELECT team, enterprise FROM unowned_rows_owner WHERE id = 1 FOR UPDATE")
  ).rows[0] as Workspace;
  if (!ofWorkspace(owner, workspace)) return NOTHING;
  const values = [workspace.team ?? "", workspace.enterprise ?? ""];
  const update = async (table: string, key?: string) =>
    (
      await sql.query(
        `UPDATE ${table} SET team = nullif($1, ''), enterprise = nullif($2, '')
         WHERE ${UNOWNED}${
           key
             ? ` AND NOT EXISTS (SELECT 1 FROM ${table} AS mine WHERE coalesce(mine.team, '') = $1
                 AND coalesce(mine.enterprise, '') = $2 AND ${key})`
             : ""
         }`,
        values,
      )
    ).rowCount ?? 0;
  const adopted: AdoptedRows = {
    datasets: await update("datasets"),
    threads: await update("threads", "mine.channel = threads.channel AND mine.thread_ts = threads.thread_ts"),
    liveRows:
      (await update(
        "live_metrics",
        "mine.source = live_metrics.source AND mine.external_id = live_metrics.external_id",
      )) +
      (await update(
        "live_events",
        "mine.source = live_events.source AND mine.kind = live_events.kind AND mine.external_id = live_events.external_id",
      )),
    alertRules: await update("alert_rules"),
    webhookSecrets: await update("webhook_secrets", "true"),
  };
  await sql.query(
    `UPDATE live_metric_pushes SET team = nullif($1, ''), enterprise = nullif($2, '')
     WHERE ${UNOWNED} AND metrics_id IN (SELECT id FROM live_metrics
       WHERE coalesce(team, '') = $1 AND coalesce(enterprise, '') = $2)`,
    values,
  );
  return adopted;
}
