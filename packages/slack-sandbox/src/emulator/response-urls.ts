import type { IdFactory } from "./ids.js";

/** What a `response_url` answers to: the conversation, the person, and the message clicked, if any. */
export interface ResponseTarget {
  channel: string;
  user: string;
  /** For interactions on a message: the source message (ephemeral or not). */
  messageTs?: string;
  messageIsEphemeral?: boolean;
  threadTs?: string;
}

export class ResponseUrlRegistry {
  private readonly targets = new Map<string, ResponseTarget>();

  constructor(private readonly ids: IdFactory) {}

  /** A URL path shaped like Slack's `hooks.slack.com/commands/<team>/<id>/<secret>`. */
  issue(kind: "commands" | "actions", teamId: string, target: ResponseTarget): string {
    const path = `/${kind}/${teamId}/${Date.now()}/${this.ids.secret(24)}`;
    this.targets.set(path, target);
    return path;
  }

  resolve(path: string): ResponseTarget | undefined {
    return this.targets.get(path);
  }
}
