import type { App } from "@slack/bolt";
import { handleTargetCommand } from "../../../targets/index.js";
import { targetData } from "../../flows/channel-view.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

export function registerTargetCommand(app: App, deps: SlackDeps): void {
  app.command("/target", async ({ command, ack, context }) => {
    const place = { channel: command.channel_id, workspace: workspaceOf(context) };
    const text = await handleTargetCommand(command.text, {
      targets: deps.targets,
      ...place,
      user: command.user_id,
      loadData: () => targetData(deps, place),
    });
    await ack({ response_type: "ephemeral", text });
  });
}
