import type { webApi } from "@slack/bolt";
import type { SafeMarkdown } from "../../format/slack-markdown.js";
import { type Block, markdownBlock, markdownText } from "../views/block-kit.js";
import { slackErrorCode } from "./slack-failure.js";

export interface AnswerPost {
  channel: string;
  threadTs: string;
  /** Whom the answer is for: Slack streams to a named person outside a DM. */
  recipient: { user: string | null; team: string | null };
  markdown: SafeMarkdown;
  /** Plain notification text, used when the answer is posted rather than streamed. */
  text: string;
  /** Shown under the answer (its context line), when there is anything to say. */
  notes: Block[];
}

/**
 * The answer into its thread as one final message, never a placeholder edited into it (which Slack marks
 * "(edited)"). It goes through Slack's text streaming, the way AI apps answer: started with the whole
 * checked text, since every figure is verified before any is shown, and stopped with the notes under it.
 * Where Slack does not stream (no known recipient, or streaming refused for this app) it is posted once.
 */
export async function postAnswer(client: webApi.WebClient, post: AnswerPost): Promise<void> {
  const { channel, threadTs, recipient } = post;
  if (recipient.user && recipient.team) {
    const started = await client.chat
      .startStream({
        channel,
        thread_ts: threadTs,
        recipient_user_id: recipient.user,
        recipient_team_id: recipient.team,
        markdown_text: markdownText(post.markdown),
      })
      .catch((error: unknown) => {
        if (streamingRefused(error)) return null;
        throw error;
      });
    if (started?.ts) {
      await client.chat.stopStream({
        channel,
        ts: started.ts,
        ...(post.notes.length > 0 ? { blocks: post.notes } : {}),
      });
      return;
    }
  }
  await client.chat.postMessage({
    channel,
    thread_ts: threadTs,
    text: post.text.slice(0, 3000),
    blocks: [markdownBlock(post.markdown), ...post.notes],
  });
}

/** Slack said no to streaming itself (not a rate limit, which the client waits out). */
function streamingRefused(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== null && code !== "ratelimited";
}
