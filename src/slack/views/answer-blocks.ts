import type { AnalystAnswer } from "../../agent/index.js";
import { unverifiedNote } from "../../agent/index.js";
import { escapeSlackText, mrkdwn } from "../../format/slack-text.js";
import { type Block, context, sections } from "./block-kit.js";

/**
 * An answer from the analyst: its text, then where it came from and any figure the checker could not
 * verify. The text is untrusted whoever wrote it (the model, or the offline analyst quoting campaign
 * names), so all of it is escaped: what survives is the formatting that needs no control characters
 * (*bold*, _italic_, bullets, `code`), never a mention or a link.
 */
export function answerBlocks(answer: AnalystAnswer): Block[] {
  const blocks = sections(answerText(answer));
  const notes: string[] = [];
  const flagged = unverifiedNote(answer.unverified);
  if (flagged) notes.push(mrkdwn`⚠️ ${flagged}`);
  if (answer.note) notes.push(answer.note);
  notes.push(
    answer.engine === "gemini"
      ? "Answered by Gemini from the metrics engine's figures, each figure checked against them."
      : "Answered by the offline analyst from the metrics engine's figures.",
  );
  blocks.push(context(notes));
  return blocks;
}

/** The answer as Slack text, also the message's notification text. */
export function answerText(answer: AnalystAnswer): string {
  return escapeSlackText(answer.text);
}
