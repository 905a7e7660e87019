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
import type { InstallAppInput, InstallAppResult } from "./oauth/install-app.js";
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

/** One workspace of the emulator, with people to act in it; the app may be installed in it or not. */
export interface SlackWorkspace {
  readonly teamId: string;
  readonly teamName: string;
  readonly botId: string;
  readonly botUserId: string;
  /** `<@BOT_USER_ID>`, to mention the bot in a message. */
  readonly botMention: string;
  /** This workspace's bot token: accepted only while the app is installed; a new one after a reinstall. */
  readonly botToken: string;
  /** Whether the app is installed here: its token works and events are sent to it. */
  readonly installed: boolean;
  /** Removes the app: `tokens_revoked` and `app_uninstalled` are sent, and the token stops working. */
  uninstallApp(): void;

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

  /** A Web API call without HTTP (the same code path; `token` defaults to this workspace's bot token). */
  callApi(method: string, args?: ApiArgs, token?: string): ApiCallResponse;

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
}

export interface NewWorkspace {
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botToken?: string;
  botUserId?: string;
  botId?: string;
  /** Installed from the start, as if someone had added the app already; false by default (install with OAuth). */
  installed?: boolean;
}

/**
 * A running emulator: Slack for one app, over real HTTP. It is its first workspace (the one the options
 * describe, with the app installed), and holds more with `addWorkspace`; each has its own people,
 * conversations and bot token, and a call with one workspace's token acts in that workspace only.
 */
export interface SlackEmulator extends SlackWorkspace {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `<baseUrl>/api/` — what `SLACK_API_URL` (or WebClient's `slackApiUrl`) should be. */
  readonly apiUrl: string;
  /** `<baseUrl>/oauth/v2/authorize`, Slack's "Add to Slack" page. */
  readonly authorizeUrl: string;
  readonly appId: string;
  /** The app's OAuth credentials (`SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET`). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The HTTP routes, for mounting the emulator in another server. */
  readonly app: Hono;

  /** Where events, commands and interactions go (e.g. `http://127.0.0.1:3000/slack/events`). */
  setRequestUrl(url: string | undefined): void;
  /** Slack's `url_verification` handshake against the request URL. */
  verifyRequestUrl(): Promise<UrlVerificationResult>;

  /** Another workspace, with the app's bot user in it. */
  addWorkspace(input?: NewWorkspace): SlackWorkspace;
  /** A workspace by team id (the first one included). */
  workspace(teamId: string): SlackWorkspace;
  /** A person's browser through "Add to Slack": the app's install page, the approval, the app's callback. */
  installApp(input: InstallAppInput): Promise<InstallAppResult>;

  /** The next `count` calls of `method` answer HTTP 429 with `Retry-After: retryAfter` (seconds). */
  rateLimitNext(method: string, options?: { count?: number; retryAfter?: number }): void;
  /** The next `count` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, options?: { count?: number }): void;

  /** Resolves when no delivery to the app is in flight or waiting to be retried, in any workspace. */
  idle(): Promise<void>;
  close(): Promise<void>;
}
