import type { InstallationKey } from "./store.js";

/**
 * The one text an installation is found by on both engines: an organisation-wide install by its enterprise,
 * any other by its team (Slack's team ids are unique across enterprises).
 */
export function installationId(key: InstallationKey): string {
  if (key.enterpriseInstall) {
    if (!key.enterprise) throw new Error("an organisation-wide installation needs its enterprise id");
    return `enterprise:${key.enterprise}`;
  }
  if (!key.team) throw new Error("a workspace installation needs its team id");
  return `team:${key.team}`;
}

export interface InstallationRow {
  team: string | null;
  enterprise: string | null;
  enterprise_install: number | boolean;
  sealed: string;
  installed_at: number;
  updated_at: number;
}

export const INSTALLATION_COLUMNS = "team, enterprise, enterprise_install, sealed, installed_at, updated_at";

export function installationOf(row: InstallationRow) {
  return {
    team: row.team,
    enterprise: row.enterprise,
    enterpriseInstall: Boolean(row.enterprise_install),
    sealed: row.sealed,
    installedAt: new Date(row.installed_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
