import { messageChangedEvent, messageDeletedEvent } from "../events/message-events.js";
import { postMessage } from "../message-posting.js";
import { messageShape } from "../shapes/message-shape.js";
import type { Message } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireBotMember, requireNotArchived, resolveChannel } from "./access.js";
import { optionalBoolean, optionalString, requiredString } from "./args.js";
import { readContent, readMetadata, requireContent } from "./message-content.js";
import { type ApiArgs, type ApiResult, type MethodHandler, SlackApiError } from "./method.js";

const chatPostMessage: MethodHandler = (ws, args) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireNotArchived(channel);
  requireBotMember(ws, channel);
  const content = requireContent(readContent(args));
  const replyBroadcast = optionalBoolean(args, "reply_broadcast");
  const threadTs = optionalString(args, "thread_ts");
  const message = postMessage(ws, channel, {
    ...content,
    user: ws.config.botUserId,
    botId: ws.config.botId,
    threadTs,
    metadata: readMetadata(args),
    mrkdwn: optionalBoolean(args, "mrkdwn"),
    username: optionalString(args, "username"),
    iconEmoji: optionalString(args, "icon_emoji"),
    iconUrl: optionalString(args, "icon_url"),
    replyBroadcast: threadTs ? replyBroadcast : undefined,
    subtype: threadTs && replyBroadcast ? "thread_broadcast" : undefined,
  });
  return { channel: channel.id, ts: message.ts, message: messageShape(ws.store, ws.config, message) };
};

/** The bot's own, live message; anything else cannot be edited or deleted with its token. */
function ownMessage(
  ws: Workspace,
  args: ApiArgs,
  forbidden: string,
): { message: Message; previous: ApiResult } {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const message = ws.store.message(channel.id, requiredString(args, "ts", "message_not_found"));
  if (!message) throw new SlackApiError("message_not_found");
  if (message.user !== ws.config.botUserId) throw new SlackApiError(forbidden);
  return { message, previous: messageShape(ws.store, ws.config, message, { includeMetadata: false }) };
}

const chatUpdate: MethodHandler = (ws, args) => {
  const { message, previous } = ownMessage(ws, args, "cant_update_message");
  const content = readContent(args);
  if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) {
    throw new SlackApiError("no_text");
  }
  // Omitted blocks keep the old ones; an empty array removes them (documented chat.update behaviour).
  if (content.text !== undefined) message.text = content.text;
  if (content.blocks !== undefined) message.blocks = content.blocks.length > 0 ? content.blocks : undefined;
  if (content.attachments !== undefined) message.attachments = content.attachments;
  const metadata = readMetadata(args);
  if (metadata) message.metadata = metadata;
  const eventTs = ws.ids.ts();
  message.edited = { user: ws.config.botUserId, ts: eventTs };
  ws.store.messageChanged(message);
  const channel = ws.store.channels.get(message.channel);
  const current = messageShape(ws.store, ws.config, message, { includeMetadata: false });
  if (channel) ws.publisher.publish(messageChangedEvent(channel, current, previous, eventTs), channel);
  return {
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: messageShape(ws.store, ws.config, message),
  };
};

const chatDelete: MethodHandler = (ws, args) => {
  const { message, previous } = ownMessage(ws, args, "cant_delete_message");
  ws.store.deleteMessage(message);
  const channel = ws.store.channels.get(message.channel);
  if (channel) ws.publisher.publish(messageDeletedEvent(channel, previous, message.ts, ws.ids.ts()), channel);
  return { channel: message.channel, ts: message.ts };
};

const chatPostEphemeral: MethodHandler = (ws, args) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireNotArchived(channel);
  requireBotMember(ws, channel);
  const user = requiredString(args, "user", "user_not_in_channel");
  if (!channel.members.includes(user)) throw new SlackApiError("user_not_in_channel");
  const content = requireContent(readContent(args));
  const ts = ws.ids.ts();
  const threadTs = optionalString(args, "thread_ts");
  ws.store.addEphemeral({
    ...content,
    channel: channel.id,
    user,
    ts,
    threadTs,
    source: "chat.postEphemeral",
    deleted: false,
  });
  return { message_ts: ts };
};

export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": chatPostMessage,
  "chat.update": chatUpdate,
  "chat.delete": chatDelete,
  "chat.postEphemeral": chatPostEphemeral,
};
