import {
  WEBHOOK_SECRET_COLUMNS,
  type WebhookSecretRow,
  webhookSecretOf,
} from "../rows/webhook-secret-rows.js";
import type { NewWebhookSecret, Workspace } from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";
import type { Sql } from "./sql.js";

/** Webhook secrets, as in SQLite (see ../sqlite/webhook-secret-table.ts). */
export function postgresWebhookSecrets(sql: Sql) {
  const remove = async (workspace: Workspace) =>
    (await sql.query(`DELETE FROM webhook_secrets WHERE ${inWorkspace("$1", "$2")}`, workspaceKey(workspace)))
      .rowCount ?? 0;
  return {
    /** Called inside a transaction: the old secret goes as the new one comes. */
    save: async (input: NewWebhookSecret) => {
      await remove(input.workspace);
      const row = (
        await sql.query<WebhookSecretRow>(
          `INSERT INTO webhook_secrets (team, enterprise, secret_hash, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING ${WEBHOOK_SECRET_COLUMNS}`,
          [
            input.workspace.team,
            input.workspace.enterprise,
            input.secretHash,
            input.createdBy ?? null,
            Date.now(),
          ],
        )
      ).rows[0] as WebhookSecretRow;
      return webhookSecretOf(row);
    },
    workspaceOf: async (secretHash: string): Promise<Workspace | null> =>
      (
        await sql.query<Workspace>("SELECT team, enterprise FROM webhook_secrets WHERE secret_hash = $1", [
          secretHash,
        ])
      ).rows[0] ?? null,
    of: async (workspace: Workspace) => {
      const row = (
        await sql.query<WebhookSecretRow>(
          `SELECT ${WEBHOOK_SECRET_COLUMNS} FROM webhook_secrets WHERE ${inWorkspace("$1", "$2")}`,
          workspaceKey(workspace),
        )
      ).rows[0];
      return row ? webhookSecretOf(row) : null;
    },
    remove: async (workspace: Workspace) => (await remove(workspace)) > 0,
  };
}
