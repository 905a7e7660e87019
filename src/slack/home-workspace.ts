import type { webApi } from "@slack/bolt";
import type { Logger } from "../log/logger.js";
import type { Store, Workspace } from "../store/index.js";

/**
 * The one workspace a single-workspace install (SLACK_BOT_TOKEN, or the sandbox) runs in, as Slack's
 * auth.test names it. It adopts the rows stored before workspaces were recorded, and owns what arrives
 * with WEBHOOK_SECRET and what LIVE_READ_TOKEN reads. Null when there is no bot token of its own (several
 * workspaces through OAuth) or Slack cannot say: those rows then stay in the unknown workspace, seen by
 * no workspace, until a start that knows.
 */
export async function resolveHomeWorkspace(
  client: webApi.WebClient,
  botToken: string | undefined,
  store: Pick<Store, "adoptUnownedRows">,
  logger: Pick<Logger, "info" | "warn">,
): Promise<Workspace | null> {
  if (!botToken) return null;
  let workspace: Workspace;
  try {
    const identity = await client.auth.test({ token: botToken });
    if (!identity.team_id && !identity.enterprise_id) throw new Error("auth.test named no team");
    workspace = { team: identity.team_id ?? null, enterprise: identity.enterprise_id ?? null };
  } catch (error) {
    logger.warn("slack: could not learn the bot token's workspace; WEBHOOK_SECRET's rows stay unassigned", {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
  const adopted = await store.adoptUnownedRows(workspace);
  if (Object.values(adopted).some((count) => count > 0)) {
    logger.info("store: rows stored before workspaces were recorded now belong to this workspace", {
      team: workspace.team,
      ...adopted,
    });
  }
  return workspace;
}
