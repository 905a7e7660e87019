import type { EmulatorConfig } from "../config.js";
import { eventChannelType } from "../shapes/channel-shape.js";
import { messageShape } from "../shapes/message-shape.js";
import type { Channel, Message, StoredFile } from "../store/model.js";
import type { WorkspaceStore } from "../store/workspace-store.js";

/** The `message` event for a newly posted message. */
export function messageEvent(
  store: WorkspaceStore,
  config: EmulatorConfig,
  channel: Channel,
  message: Message,
): Record<string, unknown> {
  return {
    ...messageShape(store, config, message, { includeMetadata: false }),
    channel: channel.id,
    event_ts: message.ts,
    channel_type: eventChannelType(channel),
  };
}

/** `app_mention` carries the message fields under its own type, without `channel_type`. */
export function appMentionEvent(
  store: WorkspaceStore,
  config: EmulatorConfig,
  message: Message,
): Record<string, unknown> {
  const {
    subtype: _subtype,
    type: _type,
    ...fields
  } = messageShape(store, config, message, { includeMetadata: false });
  return { type: "app_mention", ...fields, channel: message.channel, event_ts: message.ts };
}

export function messageChangedEvent(
  channel: Channel,
  current: Record<string, unknown>,
  previous: Record<string, unknown>,
  eventTs: string,
): Record<string, unknown> {
  return {
    type: "message",
    subtype: "message_changed",
    message: current,
    previous_message: previous,
    channel: channel.id,
    hidden: true,
    ts: eventTs,
    event_ts: eventTs,
    channel_type: eventChannelType(channel),
  };
}

export function messageDeletedEvent(
  channel: Channel,
  previous: Record<string, unknown>,
  deletedTs: string,
  eventTs: string,
): Record<string, unknown> {
  return {
    type: "message",
    subtype: "message_deleted",
    hidden: true,
    deleted_ts: deletedTs,
    channel: channel.id,
    previous_message: previous,
    ts: eventTs,
    event_ts: eventTs,
    channel_type: eventChannelType(channel),
  };
}

export function fileSharedEvent(
  file: StoredFile,
  channelId: string,
  eventTs: string,
): Record<string, unknown> {
  return {
    type: "file_shared",
    channel_id: channelId,
    file_id: file.id,
    user_id: file.user,
    file: { id: file.id },
    event_ts: eventTs,
  };
}
