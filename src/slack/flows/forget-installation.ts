import type { InstallationKey } from "../../store/index.js";
import type { SlackDeps } from "../slack-deps.js";

/**
 * The app was removed from a workspace (or its bot token revoked): its installation is forgotten, so its
 * token is used no more and later events from it go unanswered. Told twice (Slack sends both events), the
 * second time finds nothing.
 */
export async function forgetInstallation(
  deps: SlackDeps,
  key: InstallationKey,
  reason: "app_uninstalled" | "tokens_revoked",
): Promise<void> {
  const forgotten = await deps.botTokens.forget(key);
  if (forgotten) {
    deps.logger.info("slack: the app was removed from a workspace; its installation is forgotten", {
      team: key.team,
      enterprise: key.enterprise,
      reason,
    });
  }
}
