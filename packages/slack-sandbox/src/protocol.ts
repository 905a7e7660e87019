/**
 * What the sandbox server sends the page and what the page sends back. The server builds these from the
 * emulator's transcript; the page never sees Slack tokens or other people's ephemeral messages.
 */

export interface UiUser {
  id: string;
  name: string;
  realName: string;
  isBot: boolean;
}

export interface UiChannel {
  id: string;
  name: string;
  kind: "public" | "private" | "im";
  topic: string;
  purpose: string;
  memberCount: number;
  /** The person using the page is in it (the sidebar lists only these). */
  isMember: boolean;
}

export interface UiFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  prettyType: string;
  size: number;
  altText?: string;
  /** Same-origin URL of the bytes. */
  url: string;
}

export interface UiMessage {
  channel: string;
  ts: string;
  /** The parent's ts on replies, and the message's own ts on a parent with replies. */
  threadTs?: string;
  user: string;
  /** Set when the app posted it. */
  botId?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  subtype?: string;
  files: UiFile[];
  edited: boolean;
  deleted: boolean;
  /** A streamed answer (chat.startStream): markdown, with a caret while still being written. */
  stream?: "in_progress" | "completed";
}

export interface UiEphemeral {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  deleted: boolean;
}

export interface UiStatus {
  channel: string;
  threadTs: string;
  /** Empty when cleared. */
  status: string;
}

export interface UiPrompts {
  channel: string;
  threadTs?: string;
  title?: string;
  prompts: { title: string; message: string }[];
}

export interface UiHomeView {
  id: string;
  blocks: unknown[];
}

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
