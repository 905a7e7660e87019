import type { BudgetPeriod, TargetMetric, TargetRecord } from "./target.js";

/** A targets row as either engine returns it (PostgreSQL's bigint columns come back as text). */
export interface TargetRow {
  id: number | string;
  channel: string;
  metric: string;
  value: number;
  period: string | null;
  scope_dimension: string | null;
  scope_value: string | null;
  created_by: string | null;
  created_at: number | string;
}

export function targetFromRow(row: TargetRow): TargetRecord {
  return {
    id: Number(row.id),
    channel: row.channel,
    metric: row.metric as TargetMetric,
    value: row.value,
    period: row.period as BudgetPeriod | null,
    scope:
      row.scope_dimension !== null && row.scope_value !== null
        ? { dimension: row.scope_dimension, value: row.scope_value }
        : null,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}
