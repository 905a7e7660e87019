import { channelShape } from "../shapes/channel-shape.js";
import { userShape } from "../shapes/user-shape.js";
import { optionalBoolean, optionalString, requiredString } from "./args.js";
import { requestedKinds } from "./conversation-types.js";
import { type MethodHandler, SlackApiError } from "./method.js";
import { paginate } from "./pagination.js";

const usersInfo: MethodHandler = (ws, args) => {
  const user = ws.store.users.get(requiredString(args, "user", "user_not_found"));
  if (!user) throw new SlackApiError("user_not_found");
  const includeLocale = optionalBoolean(args, "include_locale") ?? false;
  return { user: userShape(user, ws.store.team.id, ws.config, includeLocale) };
};

/**
 * A person's conversations (the caller's own without `user`). As on Slack, another person's private
 * channels and DMs are listed only where the caller (here the bot) is a member too, and the objects
 * leave out `is_member` and `num_members`.
 */
const usersConversations: MethodHandler = (ws, args) => {
  const botUserId = ws.config.botUserId;
  const userId = optionalString(args, "user") ?? botUserId;
  if (userId !== botUserId && !ws.store.users.has(userId)) throw new SlackApiError("user_not_found");
  const kinds = requestedKinds(args);
  const excludeArchived = optionalBoolean(args, "exclude_archived") ?? false;
  const listed = [...ws.store.channels.values()].filter(
    (c) =>
      kinds.has(c.kind) &&
      c.members.includes(userId) &&
      (c.kind === "public" || c.members.includes(botUserId)) &&
      !(excludeArchived && c.isArchived),
  );
  const page = paginate(listed, args, 100, 999);
  return {
    channels: page.items.map((c) => {
      const { is_member: _member, num_members: _count, ...shape } = channelShape(c, botUserId, false);
      return shape;
    }),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

export const usersMethods: Record<string, MethodHandler> = {
  "users.info": usersInfo,
  "users.conversations": usersConversations,
};
