import type { Workspace } from "../workspace.js";

/**
 * Someone removes the app from the workspace: Slack tells the app (`tokens_revoked`, then
 * `app_uninstalled`), and from then on its bot token is refused and no event is sent. A new install issues
 * a new token.
 */
export function uninstallApp(ws: Workspace): void {
  if (!ws.config.installed) return;
  ws.publisher.publish({
    type: "tokens_revoked",
    tokens: { oauth: [], bot: [ws.config.botUserId] },
    event_ts: ws.ids.ts(),
  });
  ws.publisher.publish({ type: "app_uninstalled", event_ts: ws.ids.ts() });
  ws.config.installed = false;
  ws.config.botToken = `xoxb-${ws.store.team.id}-${ws.ids.secret(24)}`;
}
