import type { KnownBlock } from "@slack/types";
import { literalSlackText } from "../../format/slack-text.js";

/** What blending the channel's exports did (a repeat counted once, site revenue kept apart), said under the report. */
export function blendNoteBlocks(notes: readonly string[]): KnownBlock[] {
  if (notes.length === 0) return [];
  const lines = notes.map((note) => `• ${literalSlackText(note)}`);
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: ["*About this blend*", ...lines].join("\n"), verbatim: true },
    },
  ];
}
