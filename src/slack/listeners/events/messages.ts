import type { App } from "@slack/bolt";
import { analyzeUpload, type SharedFile } from "../../flows/analyze-upload.js";
import { replyToQuestion } from "../../flows/reply-to-question.js";
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
 * Messages the bot acts on: a file shared in a channel or DM (analysed), a direct message (answered), and a
 * reply in a thread that holds a dataset (answered in that thread). Mentions are left to app_mention, so a
 * reply that mentions the bot is answered once.
 */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, context }) => {
    const event = message as unknown as IncomingMessage;
    if (event.subtype === "file_share") {
      for (const file of event.files ?? []) {
        await analyzeUpload(deps, client, file, {
          channel: event.channel,
          threadTs: event.thread_ts ?? event.ts,
          user: event.user ?? null,
          workspace: workspaceOf(context),
        });
      }
      return;
    }
    if (event.subtype || event.bot_id || !event.text) return;
    const direct = event.channel_type === "im";
    const mentioned = context.botUserId !== undefined && event.text.includes(`<@${context.botUserId}>`);
    if (mentioned && !direct) return;
    const threadTs = event.thread_ts ?? event.ts;
    const workspace = workspaceOf(context);
    if (
      !direct &&
      !(event.thread_ts && deps.store.datasetForThread(event.channel, event.thread_ts, workspace))
    )
      return;
    await replyToQuestion(deps, client, questionText(event.text, context.botUserId), {
      channel: event.channel,
      threadTs,
      anyChannel: direct,
      user: event.user ?? null,
      workspace,
    });
  });

  app.event("app_mention", async ({ event, client, context }) => {
    if (!event.text) return;
    await replyToQuestion(deps, client, questionText(event.text, context.botUserId), {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      anyChannel: false,
      user: event.user ?? null,
      workspace: workspaceOf(context),
    });
  });
}
