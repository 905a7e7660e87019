import type { Database } from "better-sqlite3";
import {
  WEBHOOK_SECRET_COLUMNS,
  type WebhookSecretRow,
  webhookSecretOf,
} from "../rows/webhook-secret-rows.js";
import type { NewWebhookSecret, WebhookSecretRecord, Workspace } from "../store.js";
import { inWorkspace, workspaceKey } from "../workspace-key.js";

/** One webhook secret per workspace, kept as its hash: a new one replaces the old in one transaction. */
export function webhookSecretTable(db: Database) {
  const remove = db.prepare<[string, string]>(`DELETE FROM webhook_secrets WHERE ${inWorkspace("?", "?")}`);
  const insert = db.prepare<[string | null, string | null, string, string | null, number]>(
    "INSERT INTO webhook_secrets (team, enterprise, secret_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const byHash = db.prepare<[string], Workspace>(
    "SELECT team, enterprise FROM webhook_secrets WHERE secret_hash = ?",
  );
  const ofWorkspace = db.prepare<[string, string], WebhookSecretRow>(
    `SELECT ${WEBHOOK_SECRET_COLUMNS} FROM webhook_secrets WHERE ${inWorkspace("?", "?")}`,
  );

  const save = db.transaction((input: NewWebhookSecret): WebhookSecretRecord => {
    remove.run(...workspaceKey(input.workspace));
    const row: WebhookSecretRow = {
      team: input.workspace.team,
      enterprise: input.workspace.enterprise,
      created_by: input.createdBy ?? null,
      created_at: Date.now(),
    };
    insert.run(row.team, row.enterprise, input.secretHash, row.created_by, row.created_at);
    return webhookSecretOf(row);
  });

  return {
    save: (input: NewWebhookSecret) => save(input),
    workspaceOf: (secretHash: string): Workspace | null => byHash.get(secretHash) ?? null,
    of: (workspace: Workspace) => {
      const row = ofWorkspace.get(...workspaceKey(workspace));
      return row ? webhookSecretOf(row) : null;
    },
    remove: (workspace: Workspace) => remove.run(...workspaceKey(workspace)).changes > 0,
  };
}
