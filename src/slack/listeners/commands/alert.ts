import type { App } from "@slack/bolt";
import { handleAlertCommand } from "../../../alerts/index.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

export function registerAlertCommand(app: App, deps: SlackDeps): void {
  app.command("/alert", async ({ command, ack, context }) => {
    const reply = await handleAlertCommand(command.text, {
      store: deps.store,
      targets: deps.targets,
      channel: command.channel_id,
      user: command.user_id,
      workspace: workspaceOf(context),
      alertChannel: deps.config.alertChannel,
      onRulesChanged: () => deps.alerts?.notifyDataArrived(),
    });
    await ack({ response_type: "ephemeral", text: reply.text });
  });
}
