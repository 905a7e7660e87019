import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Workspace } from "../store/index.js";
import { migrate } from "../store/sqlite/migrations.js";
import type { BudgetPeriod, NewTarget, TargetMetric, TargetRecord, TargetStore } from "./target.js";

interface TargetRow {
  id: number;
  channel: string;
  metric: string;
  value: number;
  period: string | null;
  scope_dimension: string | null;
  scope_value: string | null;
  created_by: string | null;
  created_at: number;
}

/**
 * Targets in the app's SQLite file, on a connection of their own (as the job queue has): the schema is
 * the store's, migrated on open, so either may open the file first.
 */
export function openSqliteTargets(path: string): TargetStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const place = "channel = ? AND team IS ? AND enterprise IS ?";
  const insert = db.prepare(
    `INSERT INTO targets (team, enterprise, channel, metric, value, period, scope_dimension, scope_value, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const replaced = db.prepare(
    `DELETE FROM targets WHERE ${place} AND metric = ? AND period IS ? AND scope_dimension IS ? AND lower(scope_value) IS lower(?)`,
  );
  const ofChannel = db.prepare<[string, string | null, string | null], TargetRow>(
    `SELECT * FROM targets WHERE ${place} ORDER BY id`,
  );
  const byId = db.prepare<[number], TargetRow>("SELECT * FROM targets WHERE id = ?");
  const remove = db.prepare(`DELETE FROM targets WHERE id = ? AND ${place}`);
  const where = (channel: string, workspace?: Workspace) =>
    [channel, workspace?.team ?? null, workspace?.enterprise ?? null] as const;

  const set = db.transaction((input: NewTarget): TargetRecord => {
    const at = where(input.channel, input.workspace);
    const scope = [input.scope?.dimension ?? null, input.scope?.value ?? null] as const;
    replaced.run(...at, input.metric, input.period, ...scope);
    const { lastInsertRowid } = insert.run(
      at[1],
      at[2],
      input.channel,
      input.metric,
      input.value,
      input.period,
      ...scope,
      input.createdBy ?? null,
      Date.now(),
    );
    return record(byId.get(Number(lastInsertRowid)) as TargetRow);
  });

  return {
    set: async (input) => set(input),
    list: async (channel, workspace) => ofChannel.all(...where(channel, workspace)).map(record),
    remove: async (id, channel, workspace) => remove.run(id, ...where(channel, workspace)).changes > 0,
    close: async () => {
      db.close();
    },
  };
}

function record(row: TargetRow): TargetRecord {
  return {
    id: row.id,
    channel: row.channel,
    metric: row.metric as TargetMetric,
    value: row.value,
    period: row.period as BudgetPeriod | null,
    scope:
      row.scope_dimension !== null && row.scope_value !== null
        ? { dimension: row.scope_dimension, value: row.scope_value }
        : null,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
