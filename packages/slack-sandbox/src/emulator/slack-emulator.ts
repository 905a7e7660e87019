import type { Hono } from "hono";
import type { AssistantContextInput, AssistantThread, AssistantThreadInput } from "./actions/app-surfaces.js";
import type { ClickButtonInput, ClickHomeButtonInput, InteractionResult } from "./actions/block-actions.js";
import type { NewChannel, NewUser } from "./actions/directory.js";
import type { SlashCommandInput, SlashCommandResult } from "./actions/slash-command.js";
import type {
  PostedMessage,
  UploadedFile,
  UserMessageInput,
  UserUploadInput,
} from "./actions/user-messages.js";
import type { ChangeListener } from "./store/changes.js";
import type { Channel, Message, StoredFile, User } from "./store/model.js";
import type { Transcript } from "./store/transcript.js";
import type { MessageFilter, WaitOptions } from "./wait-for.js";
import type { ApiCallResponse } from "./web-api/dispatcher.js";
import type { ApiArgs } from "./web-api/method.js";

export interface UrlVerificationResult {
  /** The app answered 200 with the challenge echoed back. */
  ok: boolean;
  status?: number;
  body?: string;
}

/** A running emulator: Slack for one app, over real HTTP, with people to act in it. */
export interface SlackEmulator {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `<baseUrl>/api/` — what `SLACK_API_URL` (or WebClient's `slackApiUrl`) should be. */
  readonly apiUrl: string;
  readonly teamId: string;
  readonly appId: string;
  readonly botId: string;
  readonly botUserId: string;
  /** `<@BOT_USER_ID>`, to mention the bot in a message. */
  readonly botMention: string;
  /** The HTTP routes, for mounting the emulator in another server. */
  readonly app: Hono;

  /** Where events, commands and interactions go (e.g. `http://127.0.0.1:3000/slack/events`). */
  setRequestUrl(url: string | undefined): void;

  createUser(input: NewUser): User;
  createChannel(input: NewChannel): Channel;
  /** The bot's DM with a person. */
  openDm(userId: string): Channel;
  inviteBot(channelId: string, options?: { by?: string }): void;
  removeBot(channelId: string): void;
  joinChannel(channelId: string, userId: string): void;

  /** A person posts (or replies in a thread); mention the bot with `botMention`. */
  postMessage(input: UserMessageInput): PostedMessage;
  /** A person uploads a file into a channel or thread. */
  uploadFile(input: UserUploadInput): UploadedFile;
  runSlashCommand(input: SlashCommandInput): Promise<SlashCommandResult>;
  clickButton(input: ClickButtonInput): Promise<InteractionResult>;
  clickHomeButton(input: ClickHomeButtonInput): Promise<InteractionResult>;
  /** Returns the `event_id` of the `app_home_opened` event. */
  openAppHome(userId: string): string;
  startAssistantThread(input: AssistantThreadInput): AssistantThread;
  changeAssistantContext(input: AssistantContextInput): string;
  /** Slack's `url_verification` handshake against the request URL. */
  verifyRequestUrl(): Promise<UrlVerificationResult>;

  /** A Web API call without HTTP (the same code path; `token` defaults to the bot token). */
  callApi(method: string, args?: ApiArgs, token?: string): ApiCallResponse;
  /** The next `count` calls of `method` answer HTTP 429 with `Retry-After: retryAfter` (seconds). */
  rateLimitNext(method: string, options?: { count?: number; retryAfter?: number }): void;
  /** The next `count` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, options?: { count?: number }): void;

  transcript(): Transcript;
  /** Live messages matching the filter, oldest first. */
  messages(filter?: MessageFilter): Message[];
  file(fileId: string): StoredFile | undefined;
  subscribe(listener: ChangeListener): () => void;
  waitFor<T>(
    probe: (transcript: Transcript) => T | undefined | null | false,
    options?: WaitOptions,
  ): Promise<T>;
  /** The first live message matching the filter, now or when it is posted. */
  waitForMessage(filter: MessageFilter, options?: WaitOptions): Promise<Message>;
  /** Resolves when no delivery to the app is in flight or waiting to be retried. */
  idle(): Promise<void>;
  close(): Promise<void>;
}
