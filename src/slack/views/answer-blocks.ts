import type { AnalystAnswer } from "../../agent/index.js";
import { unverifiedNote } from "../../agent/index.js";
import { type Block, context, sections } from "./block-kit.js";

/** An answer from the analyst: its text, then where it came from and any figure the checker could not verify. */
export function answerBlocks(answer: AnalystAnswer): Block[] {
  const blocks = sections(answer.text);
  const notes: string[] = [];
  const flagged = unverifiedNote(answer.unverified);
  if (flagged) notes.push(`⚠️ ${flagged}`);
  if (answer.note) notes.push(answer.note);
  notes.push(
    answer.engine === "gemini"
      ? "Answered by Gemini from the metrics engine's figures, each figure checked against them."
      : "Answered by the offline analyst from the metrics engine's figures.",
  );
  blocks.push(context(notes));
  return blocks;
}
