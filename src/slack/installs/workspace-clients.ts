import { webApi } from "@slack/bolt";
import type { Workspace } from "../../store/index.js";
import type { BotTokens } from "./bot-tokens.js";
import { NotInstalledError } from "./sealed-installations.js";

/**
 * A Web API client per workspace, for work that starts outside a Slack request (alerts fired by live
 * data): it posts with the workspace's own bot token, and fails when the app is no longer installed there.
 */
export function workspaceClients(
  tokens: BotTokens,
  options: webApi.WebClientOptions,
): (workspace: Workspace | undefined) => Promise<webApi.WebClient> {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspace) => {
    const token = workspace ? await tokens.of(workspace) : null;
    if (!token)
      throw new NotInstalledError(`the app is not installed in workspace ${workspace?.team ?? "(none)"}`);
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, options);
      clients.set(token, client);
    }
    return client;
  };
}
