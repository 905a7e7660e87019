/** The emulated workspace, as plain data. Slack's JSON shapes are derived from it in `shapes/`. */

export type ChannelKind = "public" | "private" | "im";

export interface Channel {
  id: string;
  name: string;
  kind: ChannelKind;
  created: number;
  creator: string;
  members: string[];
  /** For an `im`: the human on the other side of the bot's DM. */
  imUser?: string;
  topic: string;
  purpose: string;
  isArchived: boolean;
}

export interface User {
  id: string;
  name: string;
  realName: string;
  email?: string;
  isBot: boolean;
  isAdmin: boolean;
  tz: string;
  tzOffset: number;
  /** The language and region Slack shows them in ("pt-BR"; "en-US" when unset): `users.info` gives it with `include_locale`. */
  locale?: string;
}

export interface Reaction {
  name: string;
  users: string[];
}

export type StreamingState = "in_progress" | "completed";

export interface StreamChunk {
  type: string;
  [key: string]: unknown;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface Message {
  channel: string;
  ts: string;
  /** Set on replies (the parent's ts) and on parents that have replies (their own ts). */
  threadTs?: string;
  user: string;
  /** Present when the app posted it. */
  botId?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  subtype?: string;
  files: string[];
  metadata?: MessageMetadata;
  reactions: Reaction[];
  edited?: { user: string; ts: string };
  deleted: boolean;
  mrkdwn?: boolean;
  clientMsgId?: string;
  username?: string;
  iconEmoji?: string;
  iconUrl?: string;
  replyBroadcast?: boolean;
  /** Streamed answers (chat.startStream/appendStream/stopStream). */
  stream?: { state: StreamingState; chunks: StreamChunk[] };
  /** The root of an assistant thread carries its title. */
  assistantTitle?: string;
}

export type EphemeralSource = "chat.postEphemeral" | "response_url" | "command_response" | "slackbot";

export interface EphemeralMessage {
  channel: string;
  /** The only user who sees it. */
  user: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: unknown[];
  source: EphemeralSource;
  /** Replaced or deleted through a response_url. */
  deleted: boolean;
}

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  prettyType: string;
  user: string;
  created: number;
  bytes: Buffer;
  altText?: string;
  /** Where it was shared: channel id -> message timestamps. */
  shares: { channel: string; ts: string; threadTs?: string }[];
}

export interface PendingUpload {
  fileId: string;
  ticket: string;
  filename: string;
  length: number;
  altText?: string;
  snippetType?: string;
  user: string;
  bytes?: Buffer;
}

export interface AssistantStatus {
  channel: string;
  threadTs: string;
  status: string;
  loadingMessages?: string[];
  at: number;
}

export interface SuggestedPrompts {
  channel: string;
  threadTs?: string;
  title?: string;
  prompts: { title: string; message: string }[];
  at: number;
}

export interface ThreadTitle {
  channel: string;
  threadTs: string;
  title: string;
  at: number;
}

export interface View {
  id: string;
  type: string;
  user: string;
  hash: string;
  blocks: unknown[];
  callbackId?: string;
  privateMetadata?: string;
  externalId?: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  rootViewId: string;
  previousViewId: string | null;
  at: number;
}

export type DeliveryKind = "event" | "command" | "interaction" | "url_verification";

export type DeliveryOutcome = "acked" | "http_error" | "http_timeout" | "connection_failed";

/** One HTTP attempt to reach the app. */
export interface DeliveryAttempt {
  kind: DeliveryKind;
  /** `event_id` for events, `trigger_id` for commands and interactions. */
  id: string;
  /** The event type, command name or interaction type. */
  label: string;
  attempt: number;
  retryReason?: "http_timeout" | "http_error" | "connection_failed";
  url: string;
  status?: number;
  outcome: DeliveryOutcome;
  latencyMs: number;
  /** The app's response body (commands and interactions answer with content). */
  responseBody?: string;
  at: number;
}

export interface PublishedEvent {
  eventId: string;
  type: string;
  event: Record<string, unknown>;
  /** False when the app is not subscribed, cannot see it, or no request URL is set. */
  delivered: boolean;
  at: number;
}

export interface ApiCall {
  method: string;
  /** Arguments as received, without the token. */
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
}

export interface FileAccess {
  fileId: string;
  authorized: boolean;
  at: number;
}
