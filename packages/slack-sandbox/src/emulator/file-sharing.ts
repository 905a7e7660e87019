import { randomUUID } from "node:crypto";
import { fileSharedEvent } from "./events/message-events.js";
import { postMessage } from "./message-posting.js";
import type { Channel, Message, StoredFile } from "./store/model.js";
import type { Workspace } from "./workspace.js";

export interface FileShare {
  channel: Channel;
  /** Who shares it: a person, or the bot user. */
  user: string;
  files: StoredFile[];
  text: string;
  blocks?: unknown[];
  threadTs?: string;
}

/**
 * Shares files into a conversation as one `file_share` message, and tells the app with
 * `file_shared` (one per file) next to the `message` event, as Slack does for every sharer.
 */
export function shareFiles(ws: Workspace, share: FileShare): Message {
  const isBot = share.user === ws.config.botUserId;
  const message = postMessage(ws, share.channel, {
    user: share.user,
    botId: isBot ? ws.config.botId : undefined,
    clientMsgId: isBot ? undefined : randomUUID(),
    text: share.text,
    blocks: share.blocks,
    threadTs: share.threadTs,
    subtype: "file_share",
    files: share.files.map((f) => f.id),
  });
  for (const file of share.files) {
    file.shares.push({ channel: share.channel.id, ts: message.ts, threadTs: share.threadTs });
    ws.store.putFile(file);
    ws.publisher.publish(fileSharedEvent(file, share.channel.id, message.ts), share.channel);
  }
  return message;
}
