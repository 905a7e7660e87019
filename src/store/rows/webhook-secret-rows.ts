import type { WebhookSecretRecord } from "../store.js";

export interface WebhookSecretRow {
  team: string | null;
  enterprise: string | null;
  created_by: string | null;
  created_at: number;
}

/** What is read of a webhook secret: never its hash. */
export const WEBHOOK_SECRET_COLUMNS = "team, enterprise, created_by, created_at";

export function webhookSecretOf(row: WebhookSecretRow): WebhookSecretRecord {
  return {
    team: row.team,
    enterprise: row.enterprise,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
