import type { types } from "@slack/bolt";
import type { SafeMarkdown } from "../../format/slack-markdown.js";

/** Small constructors that respect Block Kit's limits, so a long campaign name never gets a post refused. */
export type Block = types.KnownBlock;

const SECTION_LIMIT = 3000;
const FIELD_LIMIT = 2000;
const HEADER_LIMIT = 150;
const BUTTON_LIMIT = 75;
/** Slack's limit for a markdown block's text, and for all markdown blocks of one message together. */
const MARKDOWN_LIMIT = 12_000;

/**
 * Plain text never formats, but with `emoji` it would draw a file named ":fire: plan.csv" as an emoji: headers
 * and buttons carry names and questions from the data, so only emoji typed as characters (📊) show as emoji.
 */
export function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: clip(text, HEADER_LIMIT), emoji: false } };
}

/** One or more sections: Slack refuses a section over 3,000 characters, so long text is split at lines. */
export function sections(text: string): Block[] {
  const blocks: Block[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    if (current.length + line.length + 1 > SECTION_LIMIT && current !== "") {
      blocks.push(section(current));
      current = "";
    }
    current = current === "" ? clip(line, SECTION_LIMIT) : `${current}\n${line}`;
  }
  if (current.trim() !== "") blocks.push(section(current));
  return blocks;
}

export function section(text: string): Block {
  return { type: "section", text: mrkdwnText(text, SECTION_LIMIT) };
}

/**
 * Standard Markdown that Slack renders itself (the analyst's prose): only `SafeMarkdown`, so data and model
 * text reach it escaped. One block per message, as the limit counts all of a message's markdown blocks.
 */
export function markdownBlock(text: SafeMarkdown): Block {
  return { type: "markdown", text: markdownText(text) };
}

/** Markdown as a streamed message's text, within the same limit as a markdown block. */
export function markdownText(text: SafeMarkdown): string {
  return clip(text.text, MARKDOWN_LIMIT);
}

export function fields(items: string[]): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start < items.length; start += 10) {
    blocks.push({
      type: "section",
      fields: items.slice(start, start + 10).map((text) => mrkdwnText(text, FIELD_LIMIT)),
    });
  }
  return blocks;
}

export function context(texts: string[]): Block {
  return {
    type: "context",
    elements: texts.slice(0, 10).map((text) => mrkdwnText(text, FIELD_LIMIT)),
  };
}

export function divider(): Block {
  return { type: "divider" };
}

export function buttons(
  items: Array<{ text: string; actionId: string; value: string; primary?: boolean }>,
): Block {
  return {
    type: "actions",
    elements: items.slice(0, 25).map((item, index) => ({
      type: "button" as const,
      text: { type: "plain_text" as const, text: clip(item.text, BUTTON_LIMIT), emoji: false },
      action_id: `${item.actionId}:${index}`,
      value: clip(item.value, 2000),
      ...(item.primary ? { style: "primary" as const } : {}),
    })),
  };
}

/**
 * Verbatim: Slack still reads the markup the app writes (*bold*, <@U…>), but does not turn plain text into
 * links or mentions, so "@channel" or "#general" inside a campaign name stays text.
 */
function mrkdwnText(text: string, limit: number) {
  return { type: "mrkdwn" as const, text: clip(text, limit), verbatim: true };
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
