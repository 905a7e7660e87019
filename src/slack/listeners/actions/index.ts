import type { App, BlockButtonAction } from "@slack/bolt";
import { OPEN_ANALYST_ACTION } from "../../../alerts/index.js";
import { mention, mrkdwn } from "../../../format/slack-text.js";
import { triggerKey } from "../../../jobs/slack/slack-jobs.js";
import type { SlackDeps } from "../../slack-deps.js";
import { ASK_SUGGESTED_ACTION } from "../../views/analysis-blocks.js";
import { SCHEDULE_WEEKLY_ACTION, scheduledDelivery } from "../../views/schedule-button.js";
import { workspaceOf } from "../workspace-of.js";

/**
 * Buttons: a suggested question under an analysis, "Ask the analyst" under an alert, and "Send this every
 * Monday" under a report or an answer. Each click is written down as a job before it is acknowledged.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ASK_SUGGESTED_ACTION}`),
    async ({ ack, body, action, context }) => {
      const channel = body.channel?.id;
      const message = body.message;
      if (channel && message) {
        const threadTs = (message.thread_ts as string | undefined) ?? message.ts;
        const question = action.value ?? "";
        await deps.jobs.enqueue(
          {
            kind: "answer-question",
            payload: {
              question,
              place: {
                channel,
                threadTs,
                anyChannel: false,
                user: body.user.id,
                workspace: workspaceOf(context),
              },
              announce: mrkdwn`${mention(body.user.id)} asked: ${question}`,
            },
          },
          triggerKey(body.trigger_id),
        );
      }
      await ack();
    },
  );

  app.action<BlockButtonAction>(OPEN_ANALYST_ACTION, async ({ ack, action, body, context }) => {
    const alertId = Number(action.value);
    if (Number.isInteger(alertId)) {
      await deps.jobs.enqueue(
        {
          kind: "open-alert-analyst",
          payload: { alertId, user: body.user.id, workspace: workspaceOf(context) },
        },
        triggerKey(body.trigger_id),
      );
    }
    await ack();
  });

  app.action<BlockButtonAction>(
    new RegExp(`^${SCHEDULE_WEEKLY_ACTION}`),
    async ({ ack, action, body, context }) => {
      const delivery = scheduledDelivery(action.value);
      const channel = body.channel?.id;
      if (delivery && channel && body.response_url) {
        await deps.jobs.enqueue(
          {
            kind: "schedule-command",
            payload: {
              command: {
                kind: "create",
                cadence: "weekly",
                weekday: 1,
                time: "09:00",
                report: "report" in delivery ? delivery.report : "",
                ...("question" in delivery ? { question: delivery.question } : {}),
              },
              channel,
              user: body.user.id,
              workspace: workspaceOf(context),
              responseUrl: body.response_url,
            },
          },
          triggerKey(body.trigger_id),
        );
      }
      await ack();
    },
  );
}
