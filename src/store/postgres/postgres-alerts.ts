import { type AlertRow, alertOf, RULE_COLUMNS, type RuleRow, ruleOf } from "../rows/alert-rows.js";
import type { NewAlert, NewAlertRule, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";
import type { Sql } from "./sql.js";

/** Alert rules and firings, as in SQLite (see ../sqlite/alert-tables.ts). */
export function postgresAlerts(sql: Sql) {
  const rules = async (text: string, values: unknown[]) =>
    (await sql.query<RuleRow>(text, values)).rows.map(ruleOf);
  const alerts = async (text: string, values: unknown[]) =>
    (await sql.query<AlertRow>(text, values)).rows.map(alertOf);

  return {
    addRule: async (input: NewAlertRule) =>
      (
        await rules(
          `INSERT INTO alert_rules (team, enterprise, channel, definition, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RULE_COLUMNS}`,
          [
            input.team ?? null,
            input.enterprise ?? null,
            input.channel,
            input.definition,
            input.createdBy ?? null,
            Date.now(),
          ],
        )
      )[0] as ReturnType<typeof ruleOf>,
    getRule: async (id: number, workspace?: Workspace) => {
      const rule = (await rules(`SELECT ${RULE_COLUMNS} FROM alert_rules WHERE id = $1`, [id]))[0];
      return rule && (!workspace || ofWorkspace(rule, workspace)) ? rule : null;
    },
    // A null channel leaves its condition out; $2 and $3 are `workspaceKey`'s values.
    listRules: (channel?: string, workspace?: Workspace) =>
      rules(
        `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE ${inWorkspace("$2", "$3")}
         AND ($1::text IS NULL OR channel = $1) ORDER BY id`,
        [channel ?? null, ...workspaceKey(workspace)],
      ),
    ruleWorkspaces: async (): Promise<Workspace[]> =>
      (
        await sql.query<Workspace>(
          "SELECT DISTINCT team, enterprise FROM alert_rules ORDER BY team NULLS FIRST, enterprise NULLS FIRST",
        )
      ).rows,
    removeRule: async (id: number, channel?: string, workspace?: Workspace) =>
      (
        await sql.query(
          `DELETE FROM alert_rules WHERE id = $1 AND ${inWorkspace("$3", "$4")}
           AND ($2::text IS NULL OR channel = $2)`,
          [id, channel ?? null, ...workspaceKey(workspace)],
        )
      ).rowCount === 1,

    openAlert: async (input: NewAlert) =>
      (
        await alerts(
          `INSERT INTO alerts (rule_id, key, channel, summary, details, fired_at) VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING *`,
          [
            input.ruleId,
            input.key,
            input.channel,
            input.summary,
            JSON.stringify(input.details ?? {}),
            (input.firedAt ?? new Date()).getTime(),
          ],
        )
      )[0] as ReturnType<typeof alertOf>,
    setMessage: async (id: number, messageTs: string) => {
      await sql.query("UPDATE alerts SET message_ts = $1 WHERE id = $2", [messageTs, id]);
    },
    resolve: async (id: number, at: Date = new Date()) => {
      await sql.query("UPDATE alerts SET resolved_at = $1 WHERE id = $2 AND resolved_at IS NULL", [
        at.getTime(),
        id,
      ]);
    },
    discard: async (id: number) => {
      await sql.query("DELETE FROM alerts WHERE id = $1", [id]);
    },
    getAlert: async (id: number, workspace?: Workspace) =>
      (workspace
        ? await alerts(
            `SELECT alerts.* FROM alerts JOIN alert_rules ON alert_rules.id = alerts.rule_id
             WHERE alerts.id = $1 AND ${inWorkspace("$2", "$3", "alert_rules")}`,
            [id, ...workspaceKey(workspace)],
          )
        : await alerts("SELECT * FROM alerts WHERE id = $1", [id]))[0] ?? null,
    latest: async (ruleId: number, key: string) =>
      (
        await alerts("SELECT * FROM alerts WHERE rule_id = $1 AND key = $2 ORDER BY id DESC LIMIT 1", [
          ruleId,
          key,
        ])
      )[0] ?? null,
    open: (ruleId: number) =>
      alerts("SELECT * FROM alerts WHERE rule_id = $1 AND resolved_at IS NULL ORDER BY id", [ruleId]),
  };
}
