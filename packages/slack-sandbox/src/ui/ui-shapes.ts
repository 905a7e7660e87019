import type {
  AssistantStatus,
  Channel,
  EphemeralMessage,
  Message,
  SlackEmulator,
  StoredFile,
  SuggestedPrompts,
  User,
  View,
} from "../emulator/index.js";
import type {
  UiChannel,
  UiEphemeral,
  UiFile,
  UiHomeView,
  UiMessage,
  UiPrompts,
  UiStatus,
  UiUser,
} from "../protocol.js";

/** The emulator's records as the page needs them: no tokens, no bytes, file URLs on the page's origin. */

export const FILES_PATH = "/sandbox/api/files";

export function uiUser(user: User): UiUser {
  return { id: user.id, name: user.name, realName: user.realName, isBot: user.isBot };
}

export function uiChannel(channel: Channel, me: string): UiChannel {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    topic: channel.topic,
    purpose: channel.purpose,
    memberCount: channel.members.length,
    isMember: channel.members.includes(me),
  };
}

/** Public channels, and the private ones and DMs the person is in: what their Slack client would list. */
export function isVisibleTo(channel: Channel, me: string): boolean {
  return channel.kind === "public" || channel.members.includes(me) || channel.imUser === me;
}

export function uiFile(file: Omit<StoredFile, "bytes"> & { bytes?: Buffer }): UiFile {
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    prettyType: file.prettyType,
    size: file.bytes?.length ?? 0,
    ...(file.altText !== undefined ? { altText: file.altText } : {}),
    url: `${FILES_PATH}/${encodeURIComponent(file.id)}`,
  };
}

export function uiMessage(message: Message, emulator: SlackEmulator): UiMessage {
  return {
    channel: message.channel,
    ts: message.ts,
    ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    user: message.user,
    ...(message.botId ? { botId: message.botId } : {}),
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.subtype ? { subtype: message.subtype } : {}),
    files: message.files
      .map((id) => emulator.file(id))
      .filter((file) => file !== undefined)
      .map(uiFile),
    edited: message.edited !== undefined,
    deleted: message.deleted,
    ...(message.stream ? { stream: message.stream.state } : {}),
  };
}

export function uiEphemeral(message: EphemeralMessage): UiEphemeral {
  return {
    channel: message.channel,
    ts: message.ts,
    ...(message.threadTs ? { threadTs: message.threadTs } : {}),
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    deleted: message.deleted,
  };
}

export function uiStatus(status: AssistantStatus): UiStatus {
  return { channel: status.channel, threadTs: status.threadTs, status: status.status };
}

export function uiPrompts(prompts: SuggestedPrompts): UiPrompts {
  return {
    channel: prompts.channel,
    ...(prompts.threadTs ? { threadTs: prompts.threadTs } : {}),
    ...(prompts.title ? { title: prompts.title } : {}),
    prompts: prompts.prompts,
  };
}

export function uiHomeView(view: View): UiHomeView {
  return { id: view.id, blocks: view.blocks };
}
