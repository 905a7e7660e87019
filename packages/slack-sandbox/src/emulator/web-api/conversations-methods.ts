import { channelShape } from "../shapes/channel-shape.js";
import { messageShape } from "../shapes/message-shape.js";
import type { Channel, Message } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { isBotMember, requireBotMember, resolveChannel } from "./access.js";
import { optionalBoolean, optionalString, requiredString } from "./args.js";
import { requestedKinds } from "./conversation-types.js";
import { type ApiArgs, type MethodHandler, SlackApiError } from "./method.js";
import { paginate } from "./pagination.js";

/** `oldest`/`latest`/`inclusive` as Slack applies them to message timestamps. */
function inRange(args: ApiArgs): (message: Message) => boolean {
  const oldest = Number(optionalString(args, "oldest") ?? "0");
  const latest = Number(optionalString(args, "latest") ?? String(Number.POSITIVE_INFINITY));
  if (Number.isNaN(oldest)) throw new SlackApiError("invalid_ts_oldest");
  if (Number.isNaN(latest)) throw new SlackApiError("invalid_ts_latest");
  const inclusive = optionalBoolean(args, "inclusive") ?? false;
  return (message) => {
    const ts = Number(message.ts);
    return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
  };
}

function readableChannel(ws: Workspace, args: ApiArgs): Channel {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  requireBotMember(ws, channel);
  return channel;
}

function shapes(ws: Workspace, messages: Message[], args: ApiArgs): Record<string, unknown>[] {
  const includeMetadata = optionalBoolean(args, "include_all_metadata") ?? false;
  return messages.map((m) => messageShape(ws.store, ws.config, m, { includeMetadata }));
}

const conversationsHistory: MethodHandler = (ws, args) => {
  const channel = readableChannel(ws, args);
  const keep = inRange(args);
  // The channel timeline holds top-level messages and replies also sent to the channel.
  const timeline = ws.store
    .channelMessages(channel.id)
    .filter((m) => !m.threadTs || m.threadTs === m.ts || m.replyBroadcast)
    .filter(keep)
    .reverse();
  const page = paginate(timeline, args, 100, 999);
  return {
    messages: shapes(ws, page.items, args),
    has_more: page.hasMore,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const conversationsReplies: MethodHandler = (ws, args) => {
  const channel = readableChannel(ws, args);
  const ts = requiredString(args, "ts", "thread_not_found");
  const parent = ws.store.message(channel.id, ts);
  if (!parent) throw new SlackApiError("thread_not_found");
  // The parent always leads the page; the time range applies to the replies.
  const thread = [parent, ...ws.store.replies(channel.id, ts).filter(inRange(args))];
  const page = paginate(thread, args, 1000, 1000);
  return {
    messages: shapes(ws, page.items, args),
    has_more: page.hasMore,
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const conversationsInfo: MethodHandler = (ws, args) => {
  const channel = resolveChannel(ws, optionalString(args, "channel"));
  const withCount = optionalBoolean(args, "include_num_members") ?? false;
  return { channel: channelShape(channel, ws.config.botUserId, withCount) };
};

const conversationsList: MethodHandler = (ws, args) => {
  const kinds = requestedKinds(args);
  const excludeArchived = optionalBoolean(args, "exclude_archived") ?? false;
  const listed = [...ws.store.channels.values()].filter(
    (c) =>
      kinds.has(c.kind) && (c.kind === "public" || isBotMember(ws, c)) && !(excludeArchived && c.isArchived),
  );
  const page = paginate(listed, args, 100, 1000);
  return {
    channels: page.items.map((c) => channelShape(c, ws.config.botUserId, true)),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

export const conversationsMethods: Record<string, MethodHandler> = {
  "conversations.history": conversationsHistory,
  "conversations.replies": conversationsReplies,
  "conversations.info": conversationsInfo,
  "conversations.list": conversationsList,
};
