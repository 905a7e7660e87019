import { viewShape } from "../shapes/view-shape.js";
import type { Message } from "../store/model.js";
import { botDm } from "../web-api/access.js";
import type { Workspace } from "../workspace.js";
import { requireChannel, requireUser } from "./directory.js";

/** Opens the app's Home tab as a person: `app_home_opened`, with the view published for them, if any. */
export function openAppHome(ws: Workspace, userId: string): string {
  requireUser(ws, userId);
  const dm = botDm(ws, userId);
  const view = ws.store.homeViews.get(userId);
  return ws.publisher.publish({
    type: "app_home_opened",
    user: userId,
    channel: dm.id,
    tab: "home",
    ...(view ? { view: viewShape(view, ws.store.team.id, ws.config) } : {}),
    event_ts: ws.ids.ts(),
  });
}

export interface AssistantThreadInput {
  user: string;
  /** The channel the person is looking at when opening the assistant. */
  contextChannel?: string;
}

export interface AssistantThread {
  channel: string;
  threadTs: string;
}

function context(ws: Workspace, contextChannel: string | undefined): Record<string, unknown> {
  if (!contextChannel) return {};
  requireChannel(ws, contextChannel);
  return { channel_id: contextChannel, team_id: ws.store.team.id, enterprise_id: null };
}

/**
 * Opens the assistant container: Slack roots a new thread in the app's DM (an
 * `assistant_app_thread` message) and sends `assistant_thread_started`.
 */
export function startAssistantThread(ws: Workspace, input: AssistantThreadInput): AssistantThread {
  requireUser(ws, input.user);
  const dm = botDm(ws, input.user);
  const ts = ws.ids.ts();
  const title = `Chats from ${new Date().toISOString()}`;
  const root: Message = {
    channel: dm.id,
    ts,
    threadTs: ts,
    user: input.user,
    text: title,
    subtype: "assistant_app_thread",
    assistantTitle: title,
    files: [],
    reactions: [],
    deleted: false,
  };
  ws.store.addMessage(root);
  ws.publisher.publish({
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: input.user,
      context: context(ws, input.contextChannel),
      channel_id: dm.id,
      thread_ts: ts,
    },
    event_ts: ws.ids.ts(),
  });
  return { channel: dm.id, threadTs: ts };
}

export interface AssistantContextInput extends AssistantThread {
  user: string;
  contextChannel: string;
}

/** The person moved to another channel with the assistant open: `assistant_thread_context_changed`. */
export function changeAssistantContext(ws: Workspace, input: AssistantContextInput): string {
  requireUser(ws, input.user);
  return ws.publisher.publish({
    type: "assistant_thread_context_changed",
    assistant_thread: {
      user_id: input.user,
      context: context(ws, input.contextChannel),
      channel_id: input.channel,
      thread_ts: input.threadTs,
    },
    event_ts: ws.ids.ts(),
  });
}
