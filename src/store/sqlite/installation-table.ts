import type { Database } from "better-sqlite3";
import {
  INSTALLATION_COLUMNS,
  type InstallationRow,
  installationId,
  installationOf,
} from "../installation-key.js";
import type { InstallationKey, InstallationRecord } from "../store.js";

/** Slack installations, one per workspace or organisation; the store never sees a token in the clear. */
export function installationTable(db: Database) {
  const upsert = db.prepare<[string, string | null, string | null, number, string, number, number]>(
    `INSERT INTO slack_installations (id, ${INSTALLATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET team = excluded.team, enterprise = excluded.enterprise,
       enterprise_install = excluded.enterprise_install, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const find = db.prepare<[string], InstallationRow>(
    `SELECT ${INSTALLATION_COLUMNS} FROM slack_installations WHERE id = ?`,
  );
  const remove = db.prepare<[string]>("DELETE FROM slack_installations WHERE id = ?");

  return {
    save: (key: InstallationKey, sealed: string): void => {
      const now = Date.now();
      upsert.run(
        installationId(key),
        key.team,
        key.enterprise,
        key.enterpriseInstall ? 1 : 0,
        sealed,
        now,
        now,
      );
    },
    find: (key: InstallationKey): InstallationRecord | null => {
      const row = find.get(installationId(key));
      return row ? installationOf(row) : null;
    },
    remove: (key: InstallationKey): boolean => remove.run(installationId(key)).changes > 0,
  };
}
