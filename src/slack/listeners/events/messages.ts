import type { App, Context } from "@slack/bolt";
import { fileKey, messageKey } from "../../../jobs/slack/slack-jobs.js";
import { isTabularFile, type SharedFile } from "../../flows/analyze-upload.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";
import { questionText } from "./question-text.js";

interface IncomingMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  files?: SharedFile[];
}

/**
 * Messages the bot acts on, each written down as a job before Slack hears back: a file shared in a
 * channel or DM (analysed), a direct message (answered), and a reply in a thread (answered when the
 * thread holds a dataset, which the job looks up). Mentions are left to app_mention, so a reply that
 * mentions the bot is answered once.
 */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.message(async ({ message, context }) => {
    const event = message as unknown as IncomingMessage;
    const workspace = workspaceOf(context);
    if (event.subtype === "file_share") {
      if (event.bot_id) return;
      for (const file of (event.files ?? []).filter(isTabularFile)) {
        await deps.jobs.enqueue(
          {
            kind: "analyze-upload",
            payload: {
              file,
              place: {
                channel: event.channel,
                threadTs: event.thread_ts ?? event.ts,
                user: event.user ?? null,
                workspace,
              },
            },
          },
          fileKey(file.id),
        );
      }
      return;
    }
    if (event.subtype || event.bot_id || !event.text) return;
    const direct = event.channel_type === "im";
    const mentioned = context.botUserId !== undefined && event.text.includes(`<@${context.botUserId}>`);
    if ((mentioned && !direct) || (!direct && !event.thread_ts)) return;
    await enqueueQuestion(
      deps,
      context,
      { ...event, text: event.text },
      { anyChannel: direct, onlyInDataThread: !direct },
    );
  });

  app.event("app_mention", async ({ event, context }) => {
    if (!event.text) return;
    await enqueueQuestion(deps, context, { ...event, text: event.text }, { anyChannel: false });
  });
}

/** A message asking the bot something, written down as the job that answers it in its thread. */
function enqueueQuestion(
  deps: SlackDeps,
  context: Context,
  event: { channel: string; ts: string; thread_ts?: string; user?: string; text: string },
  options: { anyChannel: boolean; onlyInDataThread?: boolean },
): Promise<void> {
  return deps.jobs.enqueue(
    {
      kind: "answer-question",
      payload: {
        question: questionText(event.text, context.botUserId),
        place: {
          channel: event.channel,
          threadTs: event.thread_ts ?? event.ts,
          anyChannel: options.anyChannel,
          user: event.user ?? null,
          workspace: workspaceOf(context),
        },
        ...(options.onlyInDataThread ? { onlyInDataThread: true } : {}),
      },
    },
    messageKey(event.channel, event.ts),
  );
}
