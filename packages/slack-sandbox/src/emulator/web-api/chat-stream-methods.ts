import { postMessage } from "../message-posting.js";
import { messageShape } from "../shapes/message-shape.js";
import type { Message, StreamChunk } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireBotMember, requireNotArchived, resolveChannel } from "./access.js";
import { optionalArray, optionalString, requiredString } from "./args.js";
import { readMetadata, validBlocks } from "./message-content.js";
import { type ApiArgs, type MethodHandler, SlackApiError } from "./method.js";

type Stream = NonNullable<Message["stream"]>;

/** `markdown_text` and `chunks` both add to a streamed message; text becomes a markdown chunk. */
function readChunks(args: ApiArgs): StreamChunk[] {
  const chunks: StreamChunk[] = [];
  const markdown = optionalString(args, "markdown_text");
  if (markdown !== undefined) chunks.push({ type: "markdown_text", text: markdown });
  for (const chunk of optionalArray(args, "chunks") ?? []) {
    const type = typeof chunk === "object" && chunk !== null ? (chunk as { type?: unknown }).type : undefined;
    if (typeof type !== "string")
      throw new SlackApiError("invalid_arguments", "[ERROR] chunk is missing type");
    chunks.push(chunk as StreamChunk);
  }
  return chunks;
}

function streamedText(chunks: StreamChunk[]): string {
  return chunks
    .filter((c) => c.type === "markdown_text" && typeof c.text === "string")
    .map((c) => c.text)
    .join("");
}

const chatStartStream: MethodHandler = (ws, args) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireNotArchived(channel);
  requireBotMember(ws, channel);
  const threadTs = requiredString(args, "thread_ts");
  // Outside a DM Slack must know whom the stream is for.
  if (channel.kind !== "im") {
    if (!optionalString(args, "recipient_user_id")) throw new SlackApiError("missing_recipient_user_id");
    if (!optionalString(args, "recipient_team_id")) throw new SlackApiError("missing_recipient_team_id");
  }
  const chunks = readChunks(args);
  const message = postMessage(ws, channel, {
    user: ws.config.botUserId,
    botId: ws.config.botId,
    text: streamedText(chunks),
    threadTs,
    stream: { state: "in_progress", chunks },
  });
  return { channel: channel.id, ts: message.ts };
};

/** A stream this bot started in that conversation, still open. */
function openStream(ws: Workspace, args: ApiArgs): { message: Message; stream: Stream } {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const message = ws.store.message(channel.id, requiredString(args, "ts", "message_not_found"));
  const stream = message?.stream;
  if (!message || !stream || message.user !== ws.config.botUserId)
    throw new SlackApiError("message_not_found");
  if (stream.state !== "in_progress") throw new SlackApiError("message_not_in_streaming_state");
  return { message, stream };
}

function append(message: Message, stream: Stream, chunks: StreamChunk[]): void {
  stream.chunks.push(...chunks);
  message.text = streamedText(stream.chunks);
}

const chatAppendStream: MethodHandler = (ws, args) => {
  const { message, stream } = openStream(ws, args);
  const chunks = readChunks(args);
  if (chunks.length === 0) throw new SlackApiError("no_text");
  append(message, stream, chunks);
  ws.store.messageChanged(message);
  return { channel: message.channel, ts: message.ts };
};

const chatStopStream: MethodHandler = (ws, args) => {
  const { message, stream } = openStream(ws, args);
  append(message, stream, readChunks(args));
  const blocks = optionalArray(args, "blocks", "invalid_blocks_format");
  if (blocks) message.blocks = validBlocks(blocks);
  const metadata = readMetadata(args);
  if (metadata) message.metadata = metadata;
  stream.state = "completed";
  ws.store.messageChanged(message);
  return { channel: message.channel, ts: message.ts, message: messageShape(ws.store, ws.config, message) };
};

export const chatStreamMethods: Record<string, MethodHandler> = {
  "chat.startStream": chatStartStream,
  "chat.appendStream": chatAppendStream,
  "chat.stopStream": chatStopStream,
};
