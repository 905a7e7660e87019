import { postMessage } from "../message-posting.js";
import type { Channel, User } from "../store/model.js";
import { botDm } from "../web-api/access.js";
import type { Workspace } from "../workspace.js";

export interface NewUser {
  name: string;
  realName?: string;
  email?: string;
  isAdmin?: boolean;
  tz?: string;
  /** "en-US" by default; a test may make a Brazilian reader with "pt-BR". */
  locale?: string;
}

export function createUser(ws: Workspace, input: NewUser): User {
  const user: User = {
    id: ws.ids.user(),
    name: input.name,
    realName: input.realName ?? input.name,
    email: input.email,
    isBot: false,
    isAdmin: input.isAdmin ?? false,
    tz: input.tz ?? "Etc/UTC",
    tzOffset: tzOffsetSeconds(input.tz ?? "Etc/UTC", new Date()),
    locale: input.locale ?? "en-US",
  };
  ws.store.addUser(user);
  return user;
}

/** Seconds east of UTC in a time zone at a moment, as Slack's `tz_offset` gives them (-10800 in São Paulo). */
function tzOffsetSeconds(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 1000);
}

export interface NewChannel {
  name: string;
  private?: boolean;
  /** People in the channel from the start; the first one is its creator. */
  members?: string[];
  /** Puts the bot in the channel from the start (no join event, as if it had been there all along). */
  withBot?: boolean;
  topic?: string;
  purpose?: string;
}

export function createChannel(ws: Workspace, input: NewChannel): Channel {
  if (!/^[a-z0-9][a-z0-9_-]{0,79}$/.test(input.name)) throw new Error(`invalid channel name: ${input.name}`);
  for (const existing of ws.store.channels.values()) {
    if (existing.kind !== "im" && existing.name === input.name)
      throw new Error(`channel #${input.name} exists`);
  }
  const members = [...(input.members ?? [])];
  for (const member of members) requireUser(ws, member);
  if (input.withBot) members.push(ws.config.botUserId);
  const channel: Channel = {
    id: ws.ids.channel(),
    name: input.name,
    kind: input.private ? "private" : "public",
    created: Math.floor(Date.now() / 1000),
    creator: members[0] ?? ws.config.botUserId,
    members,
    topic: input.topic ?? "",
    purpose: input.purpose ?? "",
    isArchived: false,
  };
  ws.store.putChannel(channel);
  return channel;
}

/** The bot's DM with a person (the "Messages" tab of the app). */
export function openDm(ws: Workspace, userId: string): Channel {
  requireUser(ws, userId);
  return botDm(ws, userId);
}

/**
 * Adds someone (the bot included) to a channel the way Slack does: a `channel_join` message and a
 * `member_joined_channel` event.
 */
export function joinChannel(ws: Workspace, channelId: string, userId: string, inviter?: string): void {
  const channel = requireChannel(ws, channelId);
  if (channel.kind === "im") throw new Error("cannot join a DM");
  if (channel.members.includes(userId)) return;
  channel.members.push(userId);
  ws.store.putChannel(channel);
  postMessage(ws, channel, {
    user: userId,
    text: `<@${userId}> has joined the channel`,
    subtype: "channel_join",
  });
  ws.publisher.publish(
    {
      type: "member_joined_channel",
      user: userId,
      channel: channel.id,
      channel_type: channel.kind === "public" ? "C" : "G",
      team: ws.store.team.id,
      ...(inviter ? { inviter } : {}),
      event_ts: ws.ids.ts(),
    },
    channel,
  );
}

export function leaveChannel(ws: Workspace, channelId: string, userId: string): void {
  const channel = requireChannel(ws, channelId);
  channel.members = channel.members.filter((m) => m !== userId);
  ws.store.putChannel(channel);
}

export function requireUser(ws: Workspace, userId: string): User {
  const user = ws.store.users.get(userId);
  if (!user) throw new Error(`unknown user ${userId}`);
  return user;
}

export function requireChannel(ws: Workspace, channelId: string): Channel {
  const channel = ws.store.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}`);
  return channel;
}

/** A person may only speak where they are a member. */
export function requireMember(ws: Workspace, channelId: string, userId: string): Channel {
  const channel = requireChannel(ws, channelId);
  requireUser(ws, userId);
  if (!channel.members.includes(userId)) throw new Error(`${userId} is not a member of ${channelId}`);
  if (channel.isArchived) throw new Error(`${channelId} is archived`);
  return channel;
}
