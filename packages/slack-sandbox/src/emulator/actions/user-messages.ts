import { randomUUID } from "node:crypto";
import { shareFiles } from "../file-sharing.js";
import { postMessage } from "../message-posting.js";
import { fileTypeOf } from "../shapes/file-types.js";
import { richTextBlocks } from "../shapes/rich-text.js";
import type { StoredFile } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireMember } from "./directory.js";

export interface UserMessageInput {
  user: string;
  channel: string;
  text: string;
  /** Replies in this thread (the parent's ts). */
  threadTs?: string;
  /** Defaults to the `rich_text` block Slack's clients derive from the text. */
  blocks?: unknown[];
}

export interface PostedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
}

export function postUserMessage(ws: Workspace, input: UserMessageInput): PostedMessage {
  const channel = requireMember(ws, input.channel, input.user);
  const message = postMessage(ws, channel, {
    user: input.user,
    text: input.text,
    blocks: input.blocks ?? richTextBlocks(input.text, ws.ids.secret(5)),
    clientMsgId: randomUUID(),
    threadTs: input.threadTs,
  });
  return { channel: channel.id, ts: message.ts, threadTs: message.threadTs };
}

export interface UserUploadInput {
  user: string;
  channel: string;
  filename: string;
  content: Buffer | string;
  threadTs?: string;
  title?: string;
  /** Defaults to the type Slack infers from the extension. */
  mimetype?: string;
  /** The message typed with the upload. */
  comment?: string;
}

export interface UploadedFile extends PostedMessage {
  fileId: string;
}

export function uploadUserFile(ws: Workspace, input: UserUploadInput): UploadedFile {
  const channel = requireMember(ws, input.channel, input.user);
  const type = fileTypeOf(input.filename, input.mimetype);
  const file: StoredFile = {
    id: ws.ids.file(),
    name: input.filename,
    title: input.title ?? input.filename,
    mimetype: type.mimetype,
    filetype: type.filetype,
    prettyType: type.prettyType,
    user: input.user,
    created: Math.floor(Date.now() / 1000),
    bytes: typeof input.content === "string" ? Buffer.from(input.content, "utf8") : input.content,
    shares: [],
  };
  ws.store.putFile(file);
  const message = shareFiles(ws, {
    channel,
    user: input.user,
    files: [file],
    text: input.comment ?? "",
    threadTs: input.threadTs,
  });
  return { channel: channel.id, ts: message.ts, threadTs: message.threadTs, fileId: file.id };
}
