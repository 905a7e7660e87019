import type { App, Context } from "@slack/bolt";
import type { InstallationKey } from "../../../store/index.js";
import { forgetInstallation } from "../../flows/forget-installation.js";
import type { SlackDeps } from "../../slack-deps.js";

function installationOf(context: Context): InstallationKey {
  const enterpriseInstall = context.isEnterpriseInstall === true;
  return {
    team: enterpriseInstall ? null : (context.teamId ?? null),
    enterprise: context.enterpriseId ?? null,
    enterpriseInstall,
  };
}

/** Slack says the app was removed, or its bot token revoked (user tokens alone are not ours to care about). */
export function registerUninstallListeners(app: App, deps: SlackDeps): void {
  app.event("app_uninstalled", async ({ context }) => {
    await forgetInstallation(deps, installationOf(context), "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forgetInstallation(deps, installationOf(context), "tokens_revoked");
  });
}
