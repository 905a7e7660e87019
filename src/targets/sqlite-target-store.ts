import type { Workspace } from "../store/index.js";
import { openMigratedDatabase } from "../store/sqlite/open-migrated-database.js";
import type { NewTarget, TargetRecord, TargetStore } from "./target.js";
import { type TargetRow, targetFromRow } from "./target-row.js";

/**
 * Targets in the app's SQLite file, on a connection of their own (as the job queue has): the schema is
 * the store's, migrated on open, so either may open the file first.
 */
export function openSqliteTargets(path: string): TargetStore {
  const db = openMigratedDatabase(path);
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
    return targetFromRow(byId.get(Number(lastInsertRowid)) as TargetRow);
  });

  return {
    set: async (input) => set(input),
    list: async (channel, workspace) => ofChannel.all(...where(channel, workspace)).map(targetFromRow),
    remove: async (id, channel, workspace) => remove.run(id, ...where(channel, workspace)).changes > 0,
    close: async () => {
      db.close();
    },
  };
}
