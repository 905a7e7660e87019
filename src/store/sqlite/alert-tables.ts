import type { Database } from "better-sqlite3";
import { type AlertRow, alertOf, type RuleRow, ruleOf } from "../rows/alert-rows.js";
import type { AlertRecord, AlertRuleRecord, NewAlert, NewAlertRule, Workspace } from "../store.js";
import { inWorkspace, ofWorkspace, workspaceKey } from "../workspace-key.js";

/** Alert rules per channel, and every firing of a rule per key: what cooldown and resolution look at. */
export function alertTables(db: Database) {
  const insertRule = db.prepare<[string | null, string | null, string, string, string | null, number]>(
    "INSERT INTO alert_rules (team, enterprise, channel, definition, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const ruleById = db.prepare<[number], RuleRow>("SELECT * FROM alert_rules WHERE id = ?");
  // A null channel leaves its condition out; @team and @enterprise are `workspaceKey`'s values.
  const rulesOf = db.prepare<[RuleQuery], RuleRow>(
    `SELECT * FROM alert_rules WHERE ${inWorkspace("@team", "@enterprise")}
     AND (@channel IS NULL OR channel = @channel) ORDER BY id`,
  );
  const ruleWorkspaces = db.prepare<[], Workspace>(
    "SELECT DISTINCT team, enterprise FROM alert_rules ORDER BY team, enterprise",
  );
  const deleteRule = db.prepare<[RuleQuery & { id: number }]>(
    `DELETE FROM alert_rules WHERE id = @id AND ${inWorkspace("@team", "@enterprise")}
     AND (@channel IS NULL OR channel = @channel)`,
  );
  const ruleOfAlert = db.prepare<[number], RuleRow>(
    "SELECT alert_rules.* FROM alerts JOIN alert_rules ON alert_rules.id = alerts.rule_id WHERE alerts.id = ?",
  );

  const insertAlert = db.prepare<[number, string, string, string, string, number]>(
    "INSERT INTO alerts (rule_id, key, channel, summary, details, fired_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const alertById = db.prepare<[number], AlertRow>("SELECT * FROM alerts WHERE id = ?");
  const setMessage = db.prepare<[string, number]>("UPDATE alerts SET message_ts = ? WHERE id = ?");
  const resolve = db.prepare<[number, number]>(
    "UPDATE alerts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
  );
  const deleteAlert = db.prepare<[number]>("DELETE FROM alerts WHERE id = ?");
  const latestForKey = db.prepare<[number, string], AlertRow>(
    "SELECT * FROM alerts WHERE rule_id = ? AND key = ? ORDER BY id DESC LIMIT 1",
  );
  const openOfRule = db.prepare<[number], AlertRow>(
    "SELECT * FROM alerts WHERE rule_id = ? AND resolved_at IS NULL ORDER BY id",
  );

  return {
    addRule: (input: NewAlertRule): AlertRuleRecord => {
      const createdAt = Date.now();
      const { lastInsertRowid } = insertRule.run(
        input.team ?? null,
        input.enterprise ?? null,
        input.channel,
        input.definition,
        input.createdBy ?? null,
        createdAt,
      );
      return ruleOf({
        id: Number(lastInsertRowid),
        team: input.team ?? null,
        enterprise: input.enterprise ?? null,
        channel: input.channel,
        definition: input.definition,
        created_by: input.createdBy ?? null,
        created_at: createdAt,
      });
    },
    getRule: (id: number, workspace?: Workspace) => {
      const row = ruleById.get(id);
      return row && (!workspace || ofWorkspace(row, workspace)) ? ruleOf(row) : null;
    },
    listRules: (channel?: string, workspace?: Workspace) =>
      rulesOf.all(ruleQuery(channel, workspace)).map(ruleOf),
    ruleWorkspaces: () => ruleWorkspaces.all(),
    removeRule: (id: number, channel?: string, workspace?: Workspace) =>
      deleteRule.run({ id, ...ruleQuery(channel, workspace) }).changes === 1,

    openAlert: (input: NewAlert): AlertRecord => {
      const firedAt = (input.firedAt ?? new Date()).getTime();
      const details = JSON.stringify(input.details ?? {});
      const { lastInsertRowid } = insertAlert.run(
        input.ruleId,
        input.key,
        input.channel,
        input.summary,
        details,
        firedAt,
      );
      return alertOf(alertById.get(Number(lastInsertRowid)) as AlertRow);
    },
    setMessage: (id: number, messageTs: string) => {
      setMessage.run(messageTs, id);
    },
    resolve: (id: number, at: Date = new Date()) => {
      resolve.run(at.getTime(), id);
    },
    discard: (id: number) => {
      deleteAlert.run(id);
    },
    getAlert: (id: number, workspace?: Workspace) => {
      const row = alertById.get(id);
      if (!row) return null;
      const rule = workspace ? ruleOfAlert.get(id) : undefined;
      return !workspace || (rule && ofWorkspace(rule, workspace)) ? alertOf(row) : null;
    },
    latest: (ruleId: number, key: string) => {
      const row = latestForKey.get(ruleId, key);
      return row ? alertOf(row) : null;
    },
    open: (ruleId: number) => openOfRule.all(ruleId).map(alertOf),
  };
}

interface RuleQuery {
  channel: string | null;
  team: string;
  enterprise: string;
}

function ruleQuery(channel: string | undefined, workspace: Workspace | undefined): RuleQuery {
  const [team, enterprise] = workspaceKey(workspace);
  return { channel: channel ?? null, team, enterprise };
}
