import type { InstallationKey, Workspace } from "../../store/index.js";
import type { SealedInstallations } from "./sealed-installations.js";

/** Which bot token a workspace's work is done with. */
export interface BotTokens {
  /** The workspace's bot token; null when the app is not (or no longer) installed there. */
  of(workspace: Workspace): Promise<string | null>;
  /** Forgets an installation the app was removed from; false when there was none to forget. */
  forget(key: InstallationKey): Promise<boolean>;
}

/** One workspace, one SLACK_BOT_TOKEN: every job uses it, as before installs were kept. */
export function singleBotToken(token: string): BotTokens {
  return { of: async () => token, forget: async () => false };
}

/** Installed through OAuth: each workspace's own token, from its sealed installation. */
export function installedBotTokens(installations: SealedInstallations): BotTokens {
  return {
    of: (workspace) => installations.botTokenOf(workspace),
    forget: (key) => installations.forget(key),
  };
}
