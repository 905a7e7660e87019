import { Assistant } from "@slack/bolt";
import { fileKey, messageKey } from "../../jobs/slack/slack-jobs.js";
import type { SharedFile } from "../flows/analyze-upload.js";
import type { SlackDeps } from "../slack-deps.js";
import { questionText } from "./events/question-text.js";
import { workspaceOf } from "./workspace-of.js";

/**
 * Slack's AI assistant surface, each event written down as a job: a greeting with suggested prompts built
 * from a dataset the person may read, a question answered with a status while the analyst works and the
 * thread titled after its first question, and files dropped into the thread analysed like any upload.
 */
export function assistantListener(deps: SlackDeps): Assistant {
  return new Assistant({
    threadStarted: async ({ event, context }) => {
      const thread = event.assistant_thread;
      await deps.jobs.enqueue(
        {
          kind: "greet-assistant-thread",
          payload: {
            channel: thread.channel_id,
            threadTs: thread.thread_ts,
            user: thread.user_id,
            contextChannel: thread.context.channel_id,
            workspace: workspaceOf(context),
          },
        },
        `assistant-thread:${thread.channel_id}:${thread.thread_ts}`,
      );
    },
    userMessage: async ({ message, context }) => {
      const event = message as unknown as {
        channel: string;
        thread_ts?: string;
        ts: string;
        text?: string;
        files?: SharedFile[];
        user?: string;
      };
      const threadTs = event.thread_ts ?? event.ts;
      const workspace = workspaceOf(context);
      const user = event.user ?? null;
      if (event.files && event.files.length > 0) {
        for (const file of event.files) {
          await deps.jobs.enqueue(
            {
              kind: "analyze-upload",
              payload: { file, place: { channel: event.channel, threadTs, user, workspace } },
            },
            fileKey(file.id),
          );
        }
        return;
      }
      if (!event.text) return;
      await deps.jobs.enqueue(
        {
          kind: "answer-question",
          payload: {
            question: questionText(event.text, context.botUserId),
            place: { channel: event.channel, threadTs, anyChannel: true, user, workspace },
            assistant: true,
          },
        },
        messageKey(event.channel, event.ts),
      );
    },
  });
}
