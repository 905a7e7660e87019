import type { Message } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { resolveChannel } from "./access.js";
import { optionalString } from "./args.js";
import { type ApiArgs, type MethodHandler, SlackApiError } from "./method.js";

/** Emoji names without colons, optionally with a skin tone (`thumbsup::skin-tone-2`). */
const EMOJI_NAME = /^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/;

function target(ws: Workspace, args: ApiArgs): { message: Message; name: string } {
  const channelRef = optionalString(args, "channel");
  const timestamp = optionalString(args, "timestamp");
  if (!channelRef || !timestamp) throw new SlackApiError("no_item_specified");
  const name = optionalString(args, "name");
  if (!name || !EMOJI_NAME.test(name)) throw new SlackApiError("invalid_name");
  const channel = resolveChannel(ws, channelRef);
  const message = ws.store.message(channel.id, timestamp);
  if (!message) throw new SlackApiError("message_not_found");
  return { message, name };
}

const reactionsAdd: MethodHandler = (ws, args) => {
  const { message, name } = target(ws, args);
  const bot = ws.config.botUserId;
  const reaction = message.reactions.find((r) => r.name === name);
  if (reaction?.users.includes(bot)) throw new SlackApiError("already_reacted");
  if (reaction) reaction.users.push(bot);
  else message.reactions.push({ name, users: [bot] });
  ws.store.messageChanged(message);
  return {};
};

const reactionsRemove: MethodHandler = (ws, args) => {
  const { message, name } = target(ws, args);
  const bot = ws.config.botUserId;
  const reaction = message.reactions.find((r) => r.name === name);
  if (!reaction?.users.includes(bot)) throw new SlackApiError("no_reaction");
  reaction.users = reaction.users.filter((u) => u !== bot);
  message.reactions = message.reactions.filter((r) => r.users.length > 0);
  ws.store.messageChanged(message);
  return {};
};

export const reactionsMethods: Record<string, MethodHandler> = {
  "reactions.add": reactionsAdd,
  "reactions.remove": reactionsRemove,
};
