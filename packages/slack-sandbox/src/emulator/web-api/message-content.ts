import type { Message } from "../store/model.js";
import { optionalArray, optionalObject, optionalString } from "./args.js";
import { type ApiArgs, SlackApiError } from "./method.js";

/** The block limit Slack enforces on a message. */
const MAX_BLOCKS = 50;
/** Slack's limit on the text of all `markdown` blocks of one message together. */
const MAX_MARKDOWN_CHARS = 12_000;

export type MessageContent = Pick<Message, "text" | "blocks" | "attachments">;

export function validBlocks(blocks: unknown[]): unknown[] {
  if (blocks.length > MAX_BLOCKS)
    throw new SlackApiError("invalid_blocks", "[ERROR] no more than 50 items allowed");
  for (const block of blocks) {
    const type = typeof block === "object" && block !== null ? (block as { type?: unknown }).type : undefined;
    if (typeof type !== "string")
      throw new SlackApiError("invalid_blocks", "[ERROR] missing required field: type");
  }
  const markdown = blocks.filter((block) => (block as { type: string }).type === "markdown");
  let markdownChars = 0;
  for (const block of markdown) {
    const text = (block as { text?: unknown }).text;
    if (typeof text !== "string" || text === "")
      throw new SlackApiError("invalid_blocks", "[ERROR] missing required field: text");
    markdownChars += text.length;
  }
  if (markdownChars > MAX_MARKDOWN_CHARS)
    throw new SlackApiError("invalid_blocks", "[ERROR] markdown blocks exceed 12000 characters in total");
  return blocks;
}

/**
 * `text`, `blocks`, `attachments` or `markdown_text`, as chat.postMessage/postEphemeral/update take
 * them. `markdown_text` excludes `text` and `blocks` and becomes a `markdown` block.
 */
export function readContent(args: ApiArgs): Partial<MessageContent> {
  const text = optionalString(args, "text");
  const markdown = optionalString(args, "markdown_text");
  const blocks = optionalArray(args, "blocks", "invalid_blocks_format");
  const attachments = optionalArray(args, "attachments", "invalid_attachments");
  if (markdown !== undefined) {
    if (text !== undefined || blocks !== undefined) throw new SlackApiError("markdown_text_conflict");
    return { text: markdown, blocks: [{ type: "markdown", text: markdown }] };
  }
  const content: Partial<MessageContent> = {};
  if (text !== undefined) content.text = text;
  if (blocks !== undefined) content.blocks = validBlocks(blocks);
  if (attachments !== undefined) content.attachments = attachments;
  return content;
}

export function requireContent(content: Partial<MessageContent>): MessageContent {
  const hasBlocks = content.blocks !== undefined && content.blocks.length > 0;
  const hasAttachments = content.attachments !== undefined && content.attachments.length > 0;
  if (content.text === undefined && !hasBlocks && !hasAttachments) throw new SlackApiError("no_text");
  return { ...content, text: content.text ?? "" };
}

/** `metadata` must be `{ event_type, event_payload }`. */
export function readMetadata(args: ApiArgs): Message["metadata"] {
  const metadata = optionalObject(args, "metadata");
  if (metadata === undefined) return undefined;
  const { event_type, event_payload } = metadata;
  if (typeof event_type !== "string" || typeof event_payload !== "object" || event_payload === null) {
    throw new SlackApiError("invalid_metadata_format");
  }
  return { event_type, event_payload: event_payload as Record<string, unknown> };
}
