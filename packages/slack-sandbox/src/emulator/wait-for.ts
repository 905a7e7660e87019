import type { Message } from "./store/model.js";
import type { Transcript } from "./store/transcript.js";
import type { WorkspaceStore } from "./store/workspace-store.js";

export interface WaitOptions {
  /** 5 s by default. */
  timeoutMs?: number;
}

/**
 * Resolves with the first truthy value `probe` returns, checked now and after every transcript
 * change — no polling, no sleeping.
 */
export function waitForTranscript<T>(
  store: WorkspaceStore,
  snapshot: () => Transcript,
  probe: (transcript: Transcript) => T | undefined | null | false,
  options: WaitOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let unsubscribe = () => {};
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      unsubscribe();
      settle();
    };
    // A throwing probe fails the wait; it must not break the emulator change that triggered it.
    const check = (): boolean => {
      try {
        const value = probe(snapshot());
        if (value === undefined || value === null || value === false) return false;
        finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
      return true;
    };
    const timeoutMs = options.timeoutMs ?? 5000;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`waitFor: condition not met within ${timeoutMs} ms\n${summary(snapshot())}`));
    }, timeoutMs);
    if (check()) return;
    unsubscribe = store.subscribe(() => {
      check();
    });
  });
}

/** The last messages and deliveries, so a timed-out wait says what did happen. */
function summary(transcript: Transcript): string {
  const messages = transcript.messages
    .slice(-8)
    .map(
      (m) =>
        `  ${m.channel} ${m.ts}${m.threadTs ? ` (thread ${m.threadTs})` : ""} ${m.user}: ${m.text.slice(0, 80)}`,
    );
  const deliveries = transcript.deliveries
    .slice(-5)
    .map((d) => `  ${d.kind} ${d.label} attempt ${d.attempt}: ${d.outcome}${d.status ? ` ${d.status}` : ""}`);
  const failures = transcript.apiCalls
    .filter((c) => !c.ok)
    .slice(-5)
    .map((c) => `  ${c.method}: ${c.error ?? c.status}`);
  return [
    "recent messages:",
    ...messages,
    "recent deliveries:",
    ...deliveries,
    "failed API calls:",
    ...failures,
  ].join("\n");
}

export interface MessageFilter {
  channel?: string;
  /** Replies in this thread (the parent itself excluded). */
  threadTs?: string;
  user?: string;
  /** Only messages the app posted. */
  fromBot?: boolean;
  text?: string | RegExp;
  withFiles?: boolean;
  /** Only messages posted after this ts. */
  after?: string;
  /** Only messages as people finally read them: a streamed message once its stream has stopped. */
  finished?: boolean;
}

export function matchesMessage(message: Message, filter: MessageFilter): boolean {
  if (message.deleted) return false;
  if (filter.channel !== undefined && message.channel !== filter.channel) return false;
  if (
    filter.threadTs !== undefined &&
    (message.threadTs !== filter.threadTs || message.ts === filter.threadTs)
  ) {
    return false;
  }
  if (filter.user !== undefined && message.user !== filter.user) return false;
  if (filter.fromBot !== undefined && (message.botId !== undefined) !== filter.fromBot) return false;
  if (filter.withFiles !== undefined && message.files.length > 0 !== filter.withFiles) return false;
  if (filter.after !== undefined && Number(message.ts) <= Number(filter.after)) return false;
  if (filter.finished && message.stream?.state === "in_progress") return false;
  if (typeof filter.text === "string" && !message.text.includes(filter.text)) return false;
  if (filter.text instanceof RegExp && !filter.text.test(message.text)) return false;
  return true;
}
