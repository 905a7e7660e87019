import type { Channel } from "../store/model.js";

/** `channel_type` as message events spell it. */
export function eventChannelType(channel: Channel): "channel" | "group" | "im" {
  if (channel.kind === "public") return "channel";
  return channel.kind === "private" ? "group" : "im";
}

/** A conversation object as `conversations.info` and `conversations.list` return it to the bot. */
export function channelShape(
  channel: Channel,
  botUserId: string,
  withMemberCount: boolean,
): Record<string, unknown> {
  if (channel.kind === "im") {
    return {
      id: channel.id,
      created: channel.created,
      is_archived: channel.isArchived,
      is_im: true,
      is_org_shared: false,
      user: channel.imUser,
      is_user_deleted: false,
      priority: 0,
    };
  }
  const topic = { value: channel.topic, creator: channel.topic ? channel.creator : "", last_set: 0 };
  const purpose = { value: channel.purpose, creator: channel.purpose ? channel.creator : "", last_set: 0 };
  const shape: Record<string, unknown> = {
    id: channel.id,
    name: channel.name,
    is_channel: channel.kind === "public",
    is_group: channel.kind === "private",
    is_im: false,
    is_mpim: false,
    is_private: channel.kind === "private",
    created: channel.created,
    is_archived: channel.isArchived,
    is_general: channel.name === "general",
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    is_ext_shared: false,
    creator: channel.creator,
    is_member: channel.members.includes(botUserId),
    topic,
    purpose,
    previous_names: [],
  };
  if (withMemberCount) shape.num_members = channel.members.length;
  return shape;
}
