import type { AnalystAnswer } from "../../agent/index.js";
import { unverifiedNote } from "../../agent/index.js";
import { markdownToPlain } from "../../format/markdown-to-plain.js";
import { type SafeMarkdown, untrustedMarkdown } from "../../format/slack-markdown.js";
import { literalSlackText, mrkdwn } from "../../format/slack-text.js";
import { type Block, context, markdownBlock } from "./block-kit.js";

/**
 * An answer from the analyst: its text in a markdown block, then the notes under it. The text is untrusted
 * whoever wrote it (the model, or the offline analyst quoting campaign names), so all of it is escaped: its
 * formatting stays (bold, italic, lists, code), never a mention or a link.
 */
export function answerBlocks(answer: AnalystAnswer): Block[] {
  return [markdownBlock(answerMarkdown(answer)), ...answerNotes(answer)];
}

/** The answer's text as the Markdown Slack shows, streamed or in a markdown block. */
export function answerMarkdown(answer: AnalystAnswer): SafeMarkdown {
  return untrustedMarkdown(answer.text);
}

/**
 * What a reader needs under the answer, in one context line, or nothing: a figure the checker could not
 * verify, what shaped the data (a blend's notes), and who wrote it only when that is the model. The offline
 * analyst's answers need no byline: their reading line already says what was computed.
 */
export function answerNotes(answer: AnalystAnswer): Block[] {
  const notes: string[] = [];
  const flagged = unverifiedNote(answer.unverified);
  if (flagged) notes.push(mrkdwn`⚠️ ${flagged}`);
  if (answer.note) notes.push(answer.note);
  if (answer.engine === "gemini")
    notes.push("Answered by Gemini from the metrics engine's figures, each figure checked against them.");
  return notes.length > 0 ? [context(notes)] : [];
}

/** The answer as the message's notification text: plain words, escaped as mrkdwn. */
export function answerText(answer: AnalystAnswer): string {
  return literalSlackText(markdownToPlain(answer.text));
}
