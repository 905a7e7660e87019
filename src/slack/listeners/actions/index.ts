import type { App, BlockButtonAction } from "@slack/bolt";
import { OPEN_ANALYST_ACTION } from "../../../alerts/index.js";
import { mention, mrkdwn } from "../../../format/slack-text.js";
import { openAlertAnalyst } from "../../flows/open-alert-analyst.js";
import { replyToQuestion } from "../../flows/reply-to-question.js";
import type { SlackDeps } from "../../slack-deps.js";
import { ASK_SUGGESTED_ACTION } from "../../views/analysis-blocks.js";
import { workspaceOf } from "../workspace-of.js";

/** Buttons: a suggested question under an analysis, and "Ask the analyst" under an alert. */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ASK_SUGGESTED_ACTION}`),
    async ({ ack, body, action, client, context }) => {
      await ack();
      const channel = body.channel?.id;
      const message = body.message;
      if (!channel || !message) return;
      const threadTs = (message.thread_ts as string | undefined) ?? message.ts;
      await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: mrkdwn`${mention(body.user.id)} asked: ${action.value ?? ""}`,
      });
      await replyToQuestion(deps, client, action.value ?? "", {
        channel,
        threadTs,
        anyChannel: false,
        user: body.user.id,
        workspace: workspaceOf(context),
      });
    },
  );

  app.action<BlockButtonAction>(OPEN_ANALYST_ACTION, async ({ ack, action, body, client, context }) => {
    await ack();
    const alertId = Number(action.value);
    if (Number.isInteger(alertId)) {
      await openAlertAnalyst(deps, client, alertId, { user: body.user.id, workspace: workspaceOf(context) });
    }
  });
}
