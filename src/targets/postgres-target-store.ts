import type { Workspace } from "../store/index.js";
import { openMigratedPool } from "../store/postgres/open-migrated-pool.js";
import type { NewTarget, TargetStore } from "./target.js";
import { type TargetRow, targetFromRow } from "./target-row.js";

/** Targets in the deployment's PostgreSQL database, on a small pool of their own, as in SQLite's file. */
export async function openPostgresTargets(url: string): Promise<TargetStore> {
  const pool = await openMigratedPool(url);
  /** A channel of a workspace, its three values numbered from `first`. */
  const place = (first: number) =>
    `channel = $${first} AND team IS NOT DISTINCT FROM $${first + 1} AND enterprise IS NOT DISTINCT FROM $${first + 2}`;
  const where = (channel: string, workspace?: Workspace) => [
    channel,
    workspace?.team ?? null,
    workspace?.enterprise ?? null,
  ];

  return {
    set: async (input: NewTarget) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const at = where(input.channel, input.workspace);
        const scope = [input.scope?.dimension ?? null, input.scope?.value ?? null];
        // A target of the same metric, period and scope in the channel is replaced.
        await client.query(
          `DELETE FROM targets WHERE ${place(1)} AND metric = $4 AND period IS NOT DISTINCT FROM $5
             AND scope_dimension IS NOT DISTINCT FROM $6 AND lower(scope_value) IS NOT DISTINCT FROM lower($7)`,
          [...at, input.metric, input.period, ...scope],
        );
        const inserted = await client.query<TargetRow>(
          `INSERT INTO targets (channel, team, enterprise, metric, value, period, scope_dimension, scope_value,
             created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
          [...at, input.metric, input.value, input.period, ...scope, input.createdBy ?? null, Date.now()],
        );
        await client.query("COMMIT");
        return targetFromRow(inserted.rows[0] as TargetRow);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    list: async (channel, workspace) =>
      (
        await pool.query<TargetRow>(
          `SELECT * FROM targets WHERE ${place(1)} ORDER BY id`,
          where(channel, workspace),
        )
      ).rows.map(targetFromRow),
    remove: async (id, channel, workspace) =>
      ((
        await pool.query(`DELETE FROM targets WHERE id = $1 AND ${place(2)}`, [
          id,
          ...where(channel, workspace),
        ])
      ).rowCount ?? 0) > 0,
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
