import type { Channel } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { resolveChannel } from "./access.js";
import { optionalArray, optionalString, requiredString } from "./args.js";
import { type ApiArgs, type MethodHandler, SlackApiError } from "./method.js";

function threadIn(ws: Workspace, channel: Channel, threadTs: string): string {
  if (!ws.store.message(channel.id, threadTs)) throw new SlackApiError("invalid_thread_ts");
  return threadTs;
}

function thread(ws: Workspace, args: ApiArgs): { channel: Channel; threadTs: string } {
  const channel = resolveChannel(ws, optionalString(args, "channel_id"));
  return { channel, threadTs: threadIn(ws, channel, requiredString(args, "thread_ts", "invalid_thread_ts")) };
}

const setStatus: MethodHandler = (ws, args) => {
  const { channel, threadTs } = thread(ws, args);
  // An empty status is valid: it clears the indicator.
  if (typeof args.status !== "string")
    throw new SlackApiError("invalid_arguments", "[ERROR] missing required field: status");
  const loading = optionalArray(args, "loading_messages")?.map(String);
  ws.store.recordStatus({
    channel: channel.id,
    threadTs,
    status: args.status,
    loadingMessages: loading,
    at: Date.now(),
  });
  return {};
};

const setSuggestedPrompts: MethodHandler = (ws, args) => {
  const channel = resolveChannel(ws, optionalString(args, "channel_id"));
  const ts = optionalString(args, "thread_ts");
  const threadTs = ts === undefined ? undefined : threadIn(ws, channel, ts);
  const prompts = (optionalArray(args, "prompts") ?? []).map((p) => {
    const { title, message } = (p ?? {}) as { title?: unknown; message?: unknown };
    if (typeof title !== "string" || typeof message !== "string") {
      throw new SlackApiError("invalid_arguments", "[ERROR] each prompt needs a title and a message");
    }
    return { title, message };
  });
  if (prompts.length === 0)
    throw new SlackApiError("invalid_arguments", "[ERROR] missing required field: prompts");
  ws.store.recordPrompts({
    channel: channel.id,
    threadTs,
    title: optionalString(args, "title"),
    prompts,
    at: Date.now(),
  });
  return {};
};

const setTitle: MethodHandler = (ws, args) => {
  const { channel, threadTs } = thread(ws, args);
  const title = requiredString(args, "title");
  const root = ws.store.message(channel.id, threadTs);
  if (root?.subtype === "assistant_app_thread") {
    root.assistantTitle = title;
    ws.store.messageChanged(root);
  }
  ws.store.recordTitle({ channel: channel.id, threadTs, title, at: Date.now() });
  return {};
};

export const assistantMethods: Record<string, MethodHandler> = {
  "assistant.threads.setStatus": setStatus,
  "assistant.threads.setSuggestedPrompts": setSuggestedPrompts,
  "assistant.threads.setTitle": setTitle,
};
