import { Assistant } from "@slack/bolt";
import { exampleQuestions } from "../../agent/index.js";
import { analyzeUpload, type SharedFile } from "../flows/analyze-upload.js";
import { replyToQuestion } from "../flows/reply-to-question.js";
import { asDataset, newestDataset } from "../flows/stored-dataset.js";
import type { SlackDeps } from "../slack-deps.js";
import { questionText } from "./events/question-text.js";

const GENERIC_PROMPTS = [
  "What can you do with my ad exports?",
  "Which campaigns should I cut?",
  "Compare this week with last week",
];

/**
 * Slack's AI assistant surface: a greeting with suggested prompts built from the newest dataset, a
 * status while the analyst works, the thread titled after its first question, and files dropped into
 * the thread analysed like any upload.
 */
export function assistantListener(deps: SlackDeps): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts, event }) => {
      const contextChannel = event.assistant_thread.context.channel_id;
      const stored =
        (contextChannel ? deps.store.latestDataset(contextChannel) : null) ?? newestDataset(deps.store);
      await say(
        stored
          ? `Hi! I'm looking at *${stored.record.name}*. Ask me anything about it, or drop another export here.`
          : "Hi! Drop an ad-platform export (CSV) here and I'll analyse it, then ask me anything about it.",
      );
      const questions = stored ? exampleQuestions(asDataset(stored)) : GENERIC_PROMPTS;
      await setSuggestedPrompts({
        title: "Try asking",
        prompts: questions.slice(0, 4).map((question) => ({ title: question, message: question })),
      });
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
            team: null,
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
        { channel: event.channel, threadTs, anyChannel: true },
        {
          thinking: async () => void (await setStatus("is crunching your numbers…")),
          done: async () => undefined,
        },
      );
    },
  });
}
