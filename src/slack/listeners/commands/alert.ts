import type { App } from "@slack/bolt";
import { handleAlertCommand } from "../../../alerts/index.js";
import { withReader } from "../../../format/reader-locale.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

export function registerAlertCommand(app: App, deps: SlackDeps): void {
  app.command("/alert", async ({ command, ack, context, client }) => {
    const workspace = workspaceOf(context);
    // The rule's figures ("CPA above R$ 60,00") are written the way the person who typed it reads them.
    const reader = await deps.readers.readerOf(client, workspace, command.user_id, deps.logger);
    const reply = await withReader(reader, () =>
      handleAlertCommand(command.text, {
        store: deps.store,
        targets: deps.targets,
        channel: command.channel_id,
        user: command.user_id,
        workspace,
        alertChannel: deps.config.alertChannel,
        onRulesChanged: () => deps.alerts?.notifyDataArrived(),
      }),
    );
    await ack({ response_type: "ephemeral", text: reply.text });
  });
}
