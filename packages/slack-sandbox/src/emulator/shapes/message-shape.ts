import type { EmulatorConfig } from "../config.js";
import type { Message } from "../store/model.js";
import type { WorkspaceStore } from "../store/workspace-store.js";
import { fileShape } from "./file-shape.js";

export function botProfile(store: WorkspaceStore, config: EmulatorConfig): Record<string, unknown> {
  return {
    id: config.botId,
    deleted: false,
    name: config.botName,
    updated: 0,
    app_id: config.appId,
    icons: {},
    team_id: store.team.id,
  };
}

/** Thread bookkeeping Slack puts on a parent message once it has replies. */
function threadFields(store: WorkspaceStore, message: Message): Record<string, unknown> {
  const replies = store.replies(message.channel, message.ts);
  if (replies.length === 0) return {};
  const replyUsers = [...new Set(replies.map((r) => r.user))];
  return {
    thread_ts: message.ts,
    reply_count: replies.length,
    reply_users_count: replyUsers.length,
    latest_reply: replies[replies.length - 1]?.ts,
    reply_users: replyUsers,
    is_locked: false,
    subscribed: false,
  };
}

export interface MessageShapeOptions {
  /** `conversations.history`/`replies` return metadata only with `include_all_metadata`. */
  includeMetadata: boolean;
}

/** A stored message as the Web API returns it (and as message events carry it). */
export function messageShape(
  store: WorkspaceStore,
  config: EmulatorConfig,
  message: Message,
  options: MessageShapeOptions = { includeMetadata: true },
): Record<string, unknown> {
  const shape: Record<string, unknown> = { type: "message" };
  if (message.subtype) shape.subtype = message.subtype;
  shape.user = message.user;
  if (message.botId) {
    shape.bot_id = message.botId;
    shape.app_id = config.appId;
    shape.bot_profile = botProfile(store, config);
  }
  shape.text = message.text;
  shape.ts = message.ts;
  shape.team = store.team.id;
  if (message.clientMsgId) shape.client_msg_id = message.clientMsgId;
  if (message.blocks) shape.blocks = message.blocks;
  if (message.attachments) shape.attachments = message.attachments;
  if (message.files.length > 0) {
    shape.files = message.files
      .map((id) => store.files.get(id))
      .filter((f) => f !== undefined)
      .map((f) => fileShape(store, config, f, false));
    shape.upload = true;
    shape.display_as_bot = false;
  }
  if (message.username) shape.username = message.username;
  if (message.iconEmoji || message.iconUrl) {
    shape.icons = message.iconEmoji ? { emoji: message.iconEmoji } : { image_48: message.iconUrl };
  }
  if (message.edited) shape.edited = message.edited;
  if (message.stream) shape.streaming_state = message.stream.state;
  if (message.threadTs && message.threadTs !== message.ts) {
    shape.thread_ts = message.threadTs;
    const parent = store.message(message.channel, message.threadTs);
    if (parent) shape.parent_user_id = parent.user;
  } else {
    Object.assign(shape, threadFields(store, message));
  }
  if (message.reactions.length > 0) {
    shape.reactions = message.reactions.map((r) => ({ name: r.name, users: r.users, count: r.users.length }));
  }
  if (message.subtype === "assistant_app_thread") {
    shape.assistant_app_thread = {
      title: message.assistantTitle ?? message.text,
      title_blocks: [],
      artifacts: [],
    };
  }
  if (message.metadata && options.includeMetadata) shape.metadata = message.metadata;
  return shape;
}
