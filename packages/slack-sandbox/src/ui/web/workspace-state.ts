import type {
  UiChange,
  UiChannel,
  UiEphemeral,
  UiHomeView,
  UiMessage,
  UiPrompts,
  UiSnapshot,
  UiStatus,
  UiUser,
} from "../../protocol.js";

/** One row of a channel or thread: a message everyone sees, or an ephemeral only this person sees. */
export type TimelineEntry =
  | { kind: "message"; key: string; ts: string; message: UiMessage; rev: number }
  | { kind: "ephemeral"; key: string; ts: string; message: UiEphemeral; rev: number };

export interface ThreadSummary {
  count: number;
  lastTs?: string;
  /** Repliers, most recent first. */
  users: string[];
}

export type StateEvent = UiChange | { type: "snapshot" };

interface Versioned<T> {
  value: T;
  /** Bumped on every change, so views re-render only what changed. */
  rev: number;
}

const key = (channel: string, ts: string) => `${channel}:${ts}`;

/** Slack timestamps have the same number of digits on both sides of the dot: string order is time order. */
const byTs = (a: { ts: string }, b: { ts: string }) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0);

/** Everything the page knows about the workspace, kept current from the server's change stream. */
export class WorkspaceState {
  snapshot: UiSnapshot | undefined;
  readonly users = new Map<string, UiUser>();
  readonly channels = new Map<string, UiChannel>();
  home: UiHomeView | null = null;
  private readonly messages = new Map<string, Versioned<UiMessage>>();
  private readonly ephemerals = new Map<string, Versioned<UiEphemeral>>();
  private readonly statuses = new Map<string, UiStatus>();
  private readonly prompts = new Map<string, UiPrompts>();
  private readonly dismissed = new Set<string>();
  private readonly listeners = new Set<(event: StateEvent) => void>();
  private revision = 0;

  subscribe(listener: (event: StateEvent) => void): void {
    this.listeners.add(listener);
  }

  private emit(event: StateEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  applySnapshot(snapshot: UiSnapshot): void {
    this.snapshot = snapshot;
    this.users.clear();
    this.channels.clear();
    this.messages.clear();
    this.ephemerals.clear();
    this.statuses.clear();
    this.prompts.clear();
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const channel of snapshot.channels) this.channels.set(channel.id, channel);
    for (const message of snapshot.messages) this.putMessage(message);
    for (const message of snapshot.ephemerals) this.putEphemeral(message);
    for (const status of snapshot.statuses) this.statuses.set(key(status.channel, status.threadTs), status);
    for (const prompts of snapshot.prompts)
      this.prompts.set(key(prompts.channel, prompts.threadTs ?? ""), prompts);
    this.home = snapshot.home;
    this.emit({ type: "snapshot" });
  }

  apply(change: UiChange): void {
    switch (change.type) {
      case "user":
        this.users.set(change.user.id, change.user);
        break;
      case "channel":
        this.channels.set(change.channel.id, change.channel);
        break;
      case "message":
        this.putMessage(change.message);
        break;
      case "ephemeral":
        this.putEphemeral(change.message);
        break;
      case "status":
        this.statuses.set(key(change.status.channel, change.status.threadTs), change.status);
        break;
      case "prompts":
        this.prompts.set(key(change.prompts.channel, change.prompts.threadTs ?? ""), change.prompts);
        break;
      case "home":
        this.home = change.view;
        break;
      case "delivery":
        break;
    }
    this.emit(change);
  }

  private putMessage(message: UiMessage): void {
    this.revision += 1;
    this.messages.set(key(message.channel, message.ts), { value: message, rev: this.revision });
  }

  private putEphemeral(message: UiEphemeral): void {
    this.revision += 1;
    this.ephemerals.set(key(message.channel, message.ts), { value: message, rev: this.revision });
  }

  /** Hides an ephemeral message, as Slack's "Dismiss" does (only on this page). */
  dismiss(channel: string, ts: string): void {
    this.dismissed.add(key(channel, ts));
    const entry = this.ephemerals.get(key(channel, ts));
    if (entry) this.emit({ type: "ephemeral", message: { ...entry.value, deleted: true } });
  }

  message(channel: string, ts: string): UiMessage | undefined {
    const entry = this.messages.get(key(channel, ts));
    return entry && !entry.value.deleted ? entry.value : undefined;
  }

  /** A live message as a timeline row, with its revision. */
  entry(channel: string, ts: string): TimelineEntry | undefined {
    const id = key(channel, ts);
    const found = this.messages.get(id);
    return found && !found.value.deleted
      ? { kind: "message", key: id, ts, message: found.value, rev: found.rev }
      : undefined;
  }

  private entries(
    channel: string,
    keep: (threadTs: string | undefined, ts: string) => boolean,
  ): TimelineEntry[] {
    const rows: TimelineEntry[] = [];
    for (const [id, { value, rev }] of this.messages) {
      if (value.channel === channel && !value.deleted && keep(value.threadTs, value.ts)) {
        rows.push({ kind: "message", key: id, ts: value.ts, message: value, rev });
      }
    }
    for (const [id, { value, rev }] of this.ephemerals) {
      if (
        value.channel === channel &&
        !value.deleted &&
        !this.dismissed.has(id) &&
        keep(value.threadTs, value.ts)
      ) {
        rows.push({ kind: "ephemeral", key: `e:${id}`, ts: value.ts, message: value, rev });
      }
    }
    return rows.sort(byTs);
  }

  /** The channel's own messages (thread parents included, replies not), oldest first. */
  timeline(channel: string): TimelineEntry[] {
    return this.entries(channel, (threadTs, ts) => threadTs === undefined || threadTs === ts);
  }

  /** A thread's replies, oldest first, without the parent. */
  replies(channel: string, threadTs: string): TimelineEntry[] {
    return this.entries(channel, (replyTo, ts) => replyTo === threadTs && ts !== threadTs);
  }

  threadSummary(channel: string, threadTs: string): ThreadSummary {
    const replies = this.replies(channel, threadTs).filter((entry) => entry.kind === "message");
    const users: string[] = [];
    for (const entry of [...replies].reverse()) {
      if (entry.kind === "message" && !users.includes(entry.message.user)) users.push(entry.message.user);
    }
    return { count: replies.length, lastTs: replies.at(-1)?.ts, users };
  }

  /** The app's status line in a thread ("is analysing…"), if it set one. */
  status(channel: string, threadTs: string): string | undefined {
    const status = this.statuses.get(key(channel, threadTs))?.status;
    return status ? status : undefined;
  }

  suggestedPrompts(channel: string, threadTs?: string): UiPrompts | undefined {
    return this.prompts.get(key(channel, threadTs ?? ""));
  }

  displayName(userId: string): string {
    const user = this.users.get(userId);
    return user ? user.realName || user.name : userId;
  }

  isBot(userId: string): boolean {
    return this.users.get(userId)?.isBot ?? false;
  }
}
