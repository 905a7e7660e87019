import type { AlertRecord, AlertRuleRecord } from "../store.js";

export interface RuleRow {
  id: number;
  team: string | null;
  enterprise: string | null;
  channel: string;
  definition: string;
  created_by: string | null;
  created_at: number;
}

export interface AlertRow {
  id: number;
  rule_id: number;
  key: string;
  channel: string;
  message_ts: string | null;
  summary: string;
  details: string;
  fired_at: number;
  resolved_at: number | null;
}

/** The columns of an alert rule, in a rule row's order. */
export const RULE_COLUMNS = "id, team, enterprise, channel, definition, created_by, created_at";

export function ruleOf(row: RuleRow): AlertRuleRecord {
  return {
    id: row.id,
    team: row.team,
    enterprise: row.enterprise,
    channel: row.channel,
    definition: row.definition,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function alertOf(row: AlertRow): AlertRecord {
  return {
    id: row.id,
    ruleId: row.rule_id,
    key: row.key,
    channel: row.channel,
    messageTs: row.message_ts,
    summary: row.summary,
    details: JSON.parse(row.details) as Record<string, unknown>,
    firedAt: new Date(row.fired_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
  };
}
