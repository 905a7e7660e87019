import { EventEmitter } from "node:events";
import type { ChangeListener, TranscriptChange } from "./changes.js";
import type {
  ApiCall,
  AssistantStatus,
  Channel,
  DeliveryAttempt,
  EphemeralMessage,
  FileAccess,
  Message,
  PendingUpload,
  PublishedEvent,
  StoredFile,
  SuggestedPrompts,
  ThreadTitle,
  User,
  View,
} from "./model.js";

export interface Team {
  id: string;
  name: string;
  domain: string;
}

function withoutBytes(file: StoredFile): Omit<StoredFile, "bytes"> {
  const { bytes: _bytes, ...rest } = file;
  return rest;
}

/**
 * The whole emulated workspace and its recorded history. Every mutation publishes a
 * `TranscriptChange`, so tests can wait on conditions and the sandbox UI can stream updates.
 */
export class WorkspaceStore {
  readonly users = new Map<string, User>();
  readonly channels = new Map<string, Channel>();
  readonly files = new Map<string, StoredFile>();
  readonly uploads = new Map<string, PendingUpload>();
  readonly homeViews = new Map<string, View>();
  readonly modals: View[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly statuses: AssistantStatus[] = [];
  readonly prompts: SuggestedPrompts[] = [];
  readonly titles: ThreadTitle[] = [];
  readonly events: PublishedEvent[] = [];
  readonly deliveries: DeliveryAttempt[] = [];
  readonly apiCalls: ApiCall[] = [];
  readonly fileAccesses: FileAccess[] = [];
  private readonly messageList: Message[] = [];
  private readonly messageIndex = new Map<string, Message>();
  private readonly emitter = new EventEmitter();

  constructor(readonly team: Team) {
    // Many tests and UI tabs may subscribe at once; that is not a leak.
    this.emitter.setMaxListeners(0);
  }

  subscribe(listener: ChangeListener): () => void {
    this.emitter.on("change", listener);
    return () => this.emitter.off("change", listener);
  }

  private emit(change: TranscriptChange): void {
    this.emitter.emit("change", change);
  }

  addUser(user: User): void {
    this.users.set(user.id, user);
    this.emit({ type: "user", user });
  }

  putChannel(channel: Channel): void {
    this.channels.set(channel.id, channel);
    this.emit({ type: "channel", channel });
  }

  addMessage(message: Message): void {
    this.messageList.push(message);
    this.messageIndex.set(`${message.channel}:${message.ts}`, message);
    this.emit({ type: "message", action: "added", message });
  }

  messageChanged(message: Message): void {
    this.emit({ type: "message", action: "changed", message });
  }

  deleteMessage(message: Message): void {
    message.deleted = true;
    this.emit({ type: "message", action: "deleted", message });
  }

  /** A live (not deleted) message. */
  message(channel: string, ts: string): Message | undefined {
    const found = this.messageIndex.get(`${channel}:${ts}`);
    return found && !found.deleted ? found : undefined;
  }

  /** Every message ever posted, deleted ones included, in posting order. */
  allMessages(): readonly Message[] {
    return this.messageList;
  }

  /** Live messages of a channel, oldest first. */
  channelMessages(channel: string): Message[] {
    return this.messageList.filter((m) => m.channel === channel && !m.deleted);
  }

  /** Live replies of a thread, oldest first, without the parent. */
  replies(channel: string, threadTs: string): Message[] {
    return this.channelMessages(channel).filter((m) => m.threadTs === threadTs && m.ts !== threadTs);
  }

  addEphemeral(message: EphemeralMessage): void {
    this.ephemerals.push(message);
    this.emit({ type: "ephemeral", action: "added", message });
  }

  ephemeralChanged(message: EphemeralMessage, action: "changed" | "deleted"): void {
    this.emit({ type: "ephemeral", action, message });
  }

  putFile(file: StoredFile): void {
    this.files.set(file.id, file);
    this.emit({ type: "file", file: withoutBytes(file) });
  }

  recordStatus(status: AssistantStatus): void {
    this.statuses.push(status);
    this.emit({ type: "status", status });
  }

  /** The status currently shown in a thread; an empty string clears it. */
  currentStatus(channel: string, threadTs: string): AssistantStatus | undefined {
    const last = this.statuses.findLast((s) => s.channel === channel && s.threadTs === threadTs);
    return last && last.status !== "" ? last : undefined;
  }

  recordPrompts(prompts: SuggestedPrompts): void {
    this.prompts.push(prompts);
    this.emit({ type: "prompts", prompts });
  }

  recordTitle(title: ThreadTitle): void {
    this.titles.push(title);
    this.emit({ type: "title", title });
  }

  putHomeView(view: View): void {
    this.homeViews.set(view.user, view);
    this.emit({ type: "view", view });
  }

  addModal(view: View): void {
    this.modals.push(view);
    this.emit({ type: "view", view });
  }

  recordEvent(event: PublishedEvent): void {
    this.events.push(event);
    this.emit({ type: "event", event });
  }

  recordDelivery(attempt: DeliveryAttempt): void {
    this.deliveries.push(attempt);
    this.emit({ type: "delivery", attempt });
  }

  recordApiCall(call: ApiCall): void {
    this.apiCalls.push(call);
    this.emit({ type: "api_call", call });
  }

  recordFileAccess(access: FileAccess): void {
    this.fileAccesses.push(access);
    this.emit({ type: "file_access", access });
  }
}
