import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

export function registerHomeListener(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, context }) => {
    if (event.tab !== "home") return;
    await deps.jobs.enqueue(
      { kind: "publish-home", payload: { user: event.user, workspace: workspaceOf(context) } },
      `home:${event.user}:${event.event_ts}`,
    );
  });
}
