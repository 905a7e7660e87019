import type { App } from "@slack/bolt";
import { publishHome } from "../../flows/publish-home.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

export function registerHomeListener(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, { user: event.user, workspace: workspaceOf(context) });
  });
}
