import {
  INSTALLATION_COLUMNS,
  type InstallationRow,
  installationId,
  installationOf,
} from "../installation-key.js";
import type { InstallationKey, InstallationRecord } from "../store.js";
import type { Sql } from "./sql.js";

/** Slack installations, as in SQLite (see ../sqlite/installation-table.ts). */
export function postgresInstallations(sql: Sql) {
  return {
    save: async (key: InstallationKey, sealed: string): Promise<void> => {
      const now = Date.now();
      await sql.query(
        `INSERT INTO slack_installations (id, ${INSTALLATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET team = excluded.team, enterprise = excluded.enterprise,
           enterprise_install = excluded.enterprise_install, sealed = excluded.sealed,
           updated_at = excluded.updated_at`,
        [installationId(key), key.team, key.enterprise, key.enterpriseInstall, sealed, now, now],
      );
    },
    find: async (key: InstallationKey): Promise<InstallationRecord | null> => {
      const { rows } = await sql.query<InstallationRow>(
        `SELECT ${INSTALLATION_COLUMNS} FROM slack_installations WHERE id = $1`,
        [installationId(key)],
      );
      return rows[0] ? installationOf(rows[0]) : null;
    },
    remove: async (key: InstallationKey): Promise<boolean> =>
      ((await sql.query("DELETE FROM slack_installations WHERE id = $1", [installationId(key)])).rowCount ??
        0) > 0,
  };
}
