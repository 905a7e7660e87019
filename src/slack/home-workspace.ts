import { webApi } from "@slack/bolt";
import type { HomeWorkspace } from "../http/ingest/delivery-receiver.js";
import type { Logger } from "../log/logger.js";
import type { Store, Workspace } from "../store/index.js";
import { clientLogger, slackClientOptions } from "./slack-client-options.js";

/**
 * The one workspace a single-workspace install (SLACK_BOT_TOKEN, or the sandbox) runs in, as Slack's
 * auth.test names it. It adopts the rows stored before workspaces were recorded, and owns what arrives
 * with WEBHOOK_SECRET and what LIVE_READ_TOKEN reads. Without a bot token of its own (several workspaces
 * through OAuth) there is none, and WEBHOOK_SECRET's deliveries are refused rather than stored where no
 * one would ever see them. When Slack cannot say, deliveries are refused as retryable and the next one asks
 * again.
 */
export function homeWorkspaceOf(options: {
  botToken: string | undefined;
  apiUrl: string;
  store: Pick<Store, "adoptUnownedRows">;
  logger: Logger;
}): HomeWorkspace {
  const { botToken, store, logger } = options;
  if (!botToken) {
    return async () => ({
      refusal: {
        status: 403,
        message:
          "WEBHOOK_SECRET belongs to a single-workspace install (SLACK_BOT_TOKEN); installed in several workspaces, send a workspace's own secret (/webhook new in Slack) as Authorization: Bearer <secret>",
      },
    });
  }
  const client = new webApi.WebClient(botToken, {
    ...slackClientOptions(options.apiUrl),
    logger: clientLogger(logger),
  });
  let known: Promise<Workspace> | null = null;
  const learn = async (): Promise<Workspace> => {
    const identity = await client.auth.test();
    if (!identity.team_id && !identity.enterprise_id) throw new Error("auth.test named no team");
    const workspace = { team: identity.team_id ?? null, enterprise: identity.enterprise_id ?? null };
    const adopted = await store.adoptUnownedRows(workspace);
    if (Object.values(adopted).some((count) => count > 0)) {
      logger.info("store: rows stored before workspaces were recorded now belong to this workspace", {
        team: workspace.team,
        ...adopted,
      });
    }
    return workspace;
  };
  let learned: Workspace | undefined;
  const home: HomeWorkspace = async () => {
    known ??= learn();
    try {
      learned = await known;
      return { workspace: learned };
    } catch (error) {
      known = null;
      logger.warn("slack: could not learn the bot token's workspace", {
        error: error instanceof Error ? error.message : String(error),
      });
      return {
        refusal: {
          status: 503,
          message: "the app could not yet learn its Slack workspace, so nothing was stored: retry shortly",
        },
      };
    }
  };
  return Object.assign(home, { known: () => learned });
}
