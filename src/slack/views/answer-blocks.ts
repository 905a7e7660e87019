import type { AnalystAnswer } from "../../agent/index.js";
import { unverifiedNote } from "../../agent/index.js";
import { markdownToPlain } from "../../format/markdown-to-plain.js";
import { untrustedMarkdown } from "../../format/slack-markdown.js";
import { escapeSlackText, mrkdwn } from "../../format/slack-text.js";
import { type Block, context, markdownBlock } from "./block-kit.js";

/**
 * An answer from the analyst: its text in a markdown block, then where it came from and any figure the
 * checker could not verify. The text is untrusted whoever wrote it (the model, or the offline analyst
 * quoting campaign names), so all of it is escaped: its formatting stays (bold, italic, lists, code),
 * never a mention or a link.
 */
export function answerBlocks(answer: AnalystAnswer): Block[] {
  const notes: string[] = [];
  const flagged = unverifiedNote(answer.unverified);
  if (flagged) notes.push(mrkdwn`⚠️ ${flagged}`);
  if (answer.note) notes.push(answer.note);
  notes.push(
    answer.engine === "gemini"
      ? "Answered by Gemini from the metrics engine's figures, each figure checked against them."
      : "Answered by the offline analyst from the metrics engine's figures.",
  );
  return [markdownBlock(untrustedMarkdown(answer.text)), context(notes)];
}

/** The answer as the message's notification text: plain words, escaped as mrkdwn. */
export function answerText(answer: AnalystAnswer): string {
  return escapeSlackText(markdownToPlain(answer.text));
}
