import { Assistant } from "@slack/bolt";
import { analyzeUpload, type SharedFile } from "../flows/analyze-upload.js";
import { assistantGreeting } from "../flows/assistant-greeting.js";
import { replyToQuestion } from "../flows/reply-to-question.js";
import type { SlackDeps } from "../slack-deps.js";
import { questionText } from "./events/question-text.js";
import { workspaceOf } from "./workspace-of.js";

/**
 * Slack's AI assistant surface: a greeting with suggested prompts built from a dataset the person may
 * read, a status while the analyst works, the thread titled after its first question, and files dropped
 * into the thread analysed like any upload.
 */
export function assistantListener(deps: SlackDeps): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts, event, client, context }) => {
      const asker = { user: event.assistant_thread.user_id, workspace: workspaceOf(context) };
      const greeting = await assistantGreeting(
        deps,
        client,
        asker,
        event.assistant_thread.context.channel_id,
      );
      await say(greeting.text);
      await setSuggestedPrompts({ title: "Try asking", prompts: greeting.prompts });
    },
    userMessage: async ({ message, client, setStatus, setTitle, context }) => {
      const event = message as unknown as {
        channel: string;
        thread_ts?: string;
        ts: string;
        text?: string;
        files?: SharedFile[];
        user?: string;
      };
      const threadTs = event.thread_ts ?? event.ts;
      if (event.files && event.files.length > 0) {
        for (const file of event.files) {
          await analyzeUpload(deps, client, file, {
            channel: event.channel,
            threadTs,
            user: event.user ?? null,
            workspace: workspaceOf(context),
          });
        }
        return;
      }
      if (!event.text) return;
      const question = questionText(event.text, context.botUserId);
      if (!deps.store.getThread(event.channel, threadTs)) await setTitle(question.slice(0, 60));
      await replyToQuestion(
        deps,
        client,
        question,
        {
          channel: event.channel,
          threadTs,
          anyChannel: true,
          user: event.user ?? null,
          workspace: workspaceOf(context),
        },
        {
          thinking: async () => void (await setStatus("is crunching your numbers…")),
          done: async () => undefined,
        },
      );
    },
  });
}
