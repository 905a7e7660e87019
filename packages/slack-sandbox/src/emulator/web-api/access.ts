import type { Channel } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { SlackApiError } from "./method.js";

/** The bot's DM with a person, opened on first use as Slack does. */
export function botDm(ws: Workspace, userId: string): Channel {
  for (const channel of ws.store.channels.values()) {
    if (channel.kind === "im" && channel.imUser === userId) return channel;
  }
  const channel: Channel = {
    id: ws.ids.dm(),
    name: userId,
    kind: "im",
    created: Math.floor(Date.now() / 1000),
    creator: userId,
    members: [userId, ws.config.botUserId],
    imUser: userId,
    topic: "",
    purpose: "",
    isArchived: false,
  };
  ws.store.putChannel(channel);
  return channel;
}

/**
 * A conversation by ID, by `#name`/name, or a user ID (which means the bot's DM with that person).
 * Conversations the bot cannot see do not exist for it.
 */
export function resolveChannel(
  ws: Workspace,
  ref: string | undefined,
  missing = "channel_not_found",
): Channel {
  if (!ref) throw new SlackApiError(missing);
  const byId = ws.store.channels.get(ref);
  if (byId) return visible(ws, byId, missing);
  if (/^[UW][A-Z0-9]+$/.test(ref) && ws.store.users.has(ref) && ref !== ws.config.botUserId)
    return botDm(ws, ref);
  const name = ref.replace(/^#/, "");
  for (const channel of ws.store.channels.values()) {
    if (channel.kind !== "im" && channel.name === name) return visible(ws, channel, missing);
  }
  throw new SlackApiError(missing);
}

function visible(ws: Workspace, channel: Channel, missing: string): Channel {
  if (channel.kind === "public" || isBotMember(ws, channel)) return channel;
  throw new SlackApiError(missing);
}

export function isBotMember(ws: Workspace, channel: Channel): boolean {
  return channel.members.includes(ws.config.botUserId);
}

/** Posting and reading history need membership; the bot is told so only for public channels. */
export function requireBotMember(ws: Workspace, channel: Channel, error = "not_in_channel"): void {
  if (!isBotMember(ws, channel)) throw new SlackApiError(error);
}

export function requireNotArchived(channel: Channel): void {
  if (channel.isArchived) throw new SlackApiError("is_archived");
}
