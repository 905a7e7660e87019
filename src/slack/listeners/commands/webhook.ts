import type { App } from "@slack/bolt";
import { handleWebhookCommand } from "../../../webhook-secrets/index.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

/** The secret is in the ack itself: ephemeral, so only the person who asked sees it, and nothing logs it. */
export function registerWebhookCommand(app: App, deps: SlackDeps): void {
  app.command("/webhook", async ({ command, ack, context }) => {
    const text = await handleWebhookCommand(command.text, {
      store: deps.store,
      workspace: workspaceOf(context),
      user: command.user_id,
    });
    await ack({ response_type: "ephemeral", text });
  });
}
