import { shareFiles } from "../file-sharing.js";
import { fileShape } from "../shapes/file-shape.js";
import { fileTypeOf } from "../shapes/file-types.js";
import type { Channel, StoredFile } from "../store/model.js";
import type { Workspace } from "../workspace.js";
import { requireBotMember, requireNotArchived, resolveChannel } from "./access.js";
import { optionalArray, optionalNumber, optionalString, requiredString } from "./args.js";
import { validBlocks } from "./message-content.js";
import { type MethodHandler, SlackApiError } from "./method.js";

const getUploadUrlExternal: MethodHandler = (ws, args) => {
  const filename = requiredString(args, "filename");
  const length = optionalNumber(args, "length");
  if (length === undefined)
    throw new SlackApiError("invalid_arguments", "[ERROR] missing required field: length");
  if (length <= 0) throw new SlackApiError("missing_argument");
  const fileId = ws.ids.file();
  const ticket = ws.ids.secret(32);
  // The docs name it `alt_txt`; @slack/web-api sends `alt_text`.
  const altText = optionalString(args, "alt_txt") ?? optionalString(args, "alt_text");
  const snippetType = optionalString(args, "snippet_type");
  ws.store.uploads.set(fileId, {
    fileId,
    ticket,
    filename,
    length,
    user: ws.config.botUserId,
    altText,
    snippetType,
  });
  return { upload_url: `${ws.config.baseUrl}/upload/v1/${ticket}`, file_id: fileId };
};

function destinations(ws: Workspace, channelId: string | undefined, channels: string | undefined): Channel[] {
  const refs = channelId ? [channelId] : (channels?.split(",").map((c) => c.trim()) ?? []);
  return refs.map((ref) => {
    const channel = resolveChannel(ws, ref, "invalid_channel");
    requireNotArchived(channel);
    requireBotMember(ws, channel);
    return channel;
  });
}

const completeUploadExternal: MethodHandler = (ws, args) => {
  const entries = optionalArray(args, "files");
  if (!entries || entries.length === 0)
    throw new SlackApiError("invalid_arguments", "[ERROR] missing required field: files");
  const targets = destinations(ws, optionalString(args, "channel_id"), optionalString(args, "channels"));
  const requested = entries.map((entry) => {
    const { id, title } = (entry ?? {}) as { id?: unknown; title?: unknown };
    const upload = typeof id === "string" ? ws.store.uploads.get(id) : undefined;
    if (!upload?.bytes) throw new SlackApiError("file_not_found");
    return {
      upload,
      bytes: upload.bytes,
      title: typeof title === "string" && title !== "" ? title : upload.filename,
    };
  });
  const files: StoredFile[] = requested.map(({ upload, bytes, title }) => {
    ws.store.uploads.delete(upload.fileId);
    const type = fileTypeOf(upload.filename);
    const file: StoredFile = {
      id: upload.fileId,
      name: upload.filename,
      title,
      mimetype: type.mimetype,
      filetype: type.filetype,
      prettyType: type.prettyType,
      user: upload.user,
      created: Math.floor(Date.now() / 1000),
      bytes,
      shares: [],
      altText: upload.altText,
    };
    ws.store.putFile(file);
    return file;
  });
  const initialComment = optionalString(args, "initial_comment");
  // Slack ignores `blocks` when `initial_comment` is given.
  const blocks =
    initialComment === undefined ? optionalArray(args, "blocks", "invalid_blocks_format") : undefined;
  const threadTs = optionalString(args, "thread_ts");
  for (const channel of targets) {
    shareFiles(ws, {
      channel,
      user: ws.config.botUserId,
      files,
      text: initialComment ?? "",
      blocks: blocks ? validBlocks(blocks) : undefined,
      threadTs,
    });
  }
  return { files: files.map((f) => ({ id: f.id, title: f.title })) };
};

/** The bot sees files it uploaded and files shared where it can read. */
function visibleToBot(ws: Workspace, file: StoredFile): boolean {
  if (file.user === ws.config.botUserId) return true;
  return file.shares.some((share) => {
    const channel = ws.store.channels.get(share.channel);
    return (
      channel !== undefined && (channel.kind === "public" || channel.members.includes(ws.config.botUserId))
    );
  });
}

const filesInfo: MethodHandler = (ws, args) => {
  const file = ws.store.files.get(requiredString(args, "file", "file_not_found"));
  if (!file || !visibleToBot(ws, file)) throw new SlackApiError("file_not_found");
  return {
    file: fileShape(ws.store, ws.config, file, true),
    comments: [],
    response_metadata: { next_cursor: "" },
  };
};

export const filesMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
  "files.info": filesInfo,
};
