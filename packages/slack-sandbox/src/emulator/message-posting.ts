import { appMentionEvent, messageEvent } from "./events/message-events.js";
import { mentionsUser } from "./shapes/rich-text.js";
import type { Channel, Message } from "./store/model.js";
import type { Workspace } from "./workspace.js";

export type NewMessage = Omit<Message, "channel" | "ts" | "reactions" | "deleted" | "files"> & {
  files?: string[];
};

/**
 * Posts a message as a person or as the app, and lets the app hear about it the way Slack would:
 * a `message` event, plus `app_mention` when a person mentions the bot outside its DM.
 */
export function postMessage(ws: Workspace, channel: Channel, input: NewMessage): Message {
  // A reply to a reply lands in the parent's thread; threads are one level deep.
  const target = input.threadTs ? ws.store.message(channel.id, input.threadTs) : undefined;
  const threadTs = target?.threadTs && target.threadTs !== target.ts ? target.threadTs : input.threadTs;
  const message: Message = {
    ...input,
    threadTs,
    files: input.files ?? [],
    channel: channel.id,
    ts: ws.ids.ts(),
    reactions: [],
    deleted: false,
  };
  ws.store.addMessage(message);
  const parent = message.threadTs ? ws.store.message(channel.id, message.threadTs) : undefined;
  if (parent) {
    parent.threadTs = parent.ts;
    ws.store.messageChanged(parent);
  }
  // Slack clears an assistant thread's status as soon as the app replies in it.
  if (message.botId && message.threadTs && ws.store.currentStatus(channel.id, message.threadTs)) {
    ws.store.recordStatus({ channel: channel.id, threadTs: message.threadTs, status: "", at: Date.now() });
  }
  ws.publisher.publish(messageEvent(ws.store, ws.config, channel, message), channel);
  const mentionsBot =
    !message.botId && channel.kind !== "im" && mentionsUser(message.text, ws.config.botUserId);
  if (mentionsBot) ws.publisher.publish(appMentionEvent(ws.store, ws.config, message), channel);
  return message;
}
