import { LRUCache } from "lru-cache";
import type { Workspace } from "../../store/index.js";

/** More people than a large workspace has asking at once; past it, the one asked about least recently goes. */
const MAX_PEOPLE = 10_000;

/**
 * What Slack says about a person (who they are as a reader, which conversations they belong to), kept per
 * workspace and person for a while. Callers asking at once share one call to Slack, and a call that failed
 * is not kept, so the next question asks again.
 */
export class PersonCache<T extends object> {
  private readonly cache: LRUCache<string, T, () => Promise<T>>;

  constructor(ttlMs: number, now?: () => number) {
    this.cache = new LRUCache<string, T, () => Promise<T>>({
      max: MAX_PEOPLE,
      ttl: ttlMs,
      // Read the clock on every look-up rather than once a millisecond: one call to it costs nothing here.
      ttlResolution: 0,
      ...(now ? { perf: { now } } : {}),
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** The person's cached answer while it is fresh, else what `ask` gets from Slack. */
  async get(workspace: Workspace, user: string, ask: () => Promise<T>): Promise<T> {
    return (await this.cache.fetch(personKey(workspace, user), { context: ask })) ?? ask();
  }

  /** Drops the person's answer, so the next `get` asks Slack again. */
  forget(workspace: Workspace, user: string): void {
    this.cache.delete(personKey(workspace, user));
  }
}

function personKey(workspace: Workspace, user: string): string {
  return `${workspace.enterprise ?? ""}:${workspace.team ?? ""}:${user}`;
}
