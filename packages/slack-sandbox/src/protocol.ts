/**
 * What the sandbox server sends the page and what the page sends back. The server builds these from the
 * emulator's transcript; the page never sees Slack tokens or other people's ephemeral messages. One module
 * for both sides: the server's `ui-shapes.ts` builds these, the page's bundle reads them, and each shape
 * that shows an emulator record is that record's fields picked from the emulator's model, not restated.
 */

import type {
  AssistantStatus,
  Channel,
  EphemeralMessage,
  Message,
  StoredFile,
  StreamingState,
  SuggestedPrompts,
  User,
  View,
} from "./emulator/store/model.js";

export type UiUser = Pick<User, "id" | "name" | "realName" | "isBot">;

export interface UiChannel extends Pick<Channel, "id" | "name" | "kind" | "topic" | "purpose"> {
  memberCount: number;
  /** The person using the page is in it (the sidebar lists only these). */
  isMember: boolean;
}

/** A file's description, without its bytes or its owner. */
export interface UiFile
  extends Pick<StoredFile, "id" | "name" | "title" | "mimetype" | "filetype" | "prettyType" | "altText"> {
  size: number;
  /** Same-origin URL of the bytes. */
  url: string;
}

/** `threadTs` is the parent's ts on replies, and the message's own ts on a parent with replies. */
export interface UiMessage
  extends Pick<
    Message,
    | "channel"
    | "ts"
    | "threadTs"
    | "user"
    | "botId"
    | "text"
    | "blocks"
    | "attachments"
    | "subtype"
    | "deleted"
  > {
  files: UiFile[];
  edited: boolean;
  /** A streamed answer (chat.startStream): markdown, with a caret while still being written. */
  stream?: StreamingState;
}

export type UiEphemeral = Pick<
  EphemeralMessage,
  "channel" | "ts" | "threadTs" | "text" | "blocks" | "deleted"
>;

/** `status` is empty when cleared. */
export type UiStatus = Pick<AssistantStatus, "channel" | "threadTs" | "status">;

export type UiPrompts = Pick<SuggestedPrompts, "channel" | "threadTs" | "title" | "prompts">;

export type UiHomeView = Pick<View, "id" | "blocks">;

export interface UiSample {
  file: string;
  title: string;
  platform: string;
  description: string;
  size: number;
}

export interface UiSlashCommand {
  command: string;
  description: string;
  usageHint: string;
}

export interface UiSnapshot {
  team: { id: string; name: string };
  me: UiUser;
  bot: { userId: string; name: string };
  users: UiUser[];
  channels: UiChannel[];
  /** The channel the page opens on. */
  defaultChannel: string;
  /** The bot's DM with the person: the app's Messages tab. */
  botDm: string;
  messages: UiMessage[];
  ephemerals: UiEphemeral[];
  statuses: UiStatus[];
  prompts: UiPrompts[];
  home: UiHomeView | null;
  samples: UiSample[];
  commands: UiSlashCommand[];
  liveData: { available: boolean; alertChannel?: string; alertRule?: string };
}

/** A delivery to the app that did not succeed: shown so a broken app is not mistaken for a slow one. */
export interface UiDeliveryProblem {
  label: string;
  outcome: string;
  status?: number;
}

export type UiChange =
  | { type: "user"; user: UiUser }
  | { type: "channel"; channel: UiChannel }
  | { type: "message"; message: UiMessage }
  | { type: "ephemeral"; message: UiEphemeral }
  | { type: "status"; status: UiStatus }
  | { type: "prompts"; prompts: UiPrompts }
  | { type: "home"; view: UiHomeView }
  | { type: "delivery"; problem: UiDeliveryProblem };

/** Server-sent event names on `GET /sandbox/api/events`. */
export const SNAPSHOT_EVENT = "snapshot";
export const CHANGE_EVENT = "change";

/** Every control request carries this header, which a cross-site form cannot set. */
export const CONTROL_HEADER = "X-Sandbox-Control";

export interface LiveDataResult {
  ok: boolean;
  /** One line for people: what was sent and what the webhook answered. */
  summary: string;
}
