import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.js";
import type { Workspace } from "../../store/index.js";
import { PersonCache } from "./person-cache.js";
import { describeFailure } from "./slack-failure.js";

/** Long enough to spare Slack a call per question, short enough that leaving a channel soon counts. */
const DEFAULT_TTL_MS = 60_000;
const PAGE_SIZE = 200;
/** 5,000 conversations: more than anyone belongs to; a bound so a runaway cursor cannot loop forever. */
const MAX_PAGES = 25;
const CONVERSATION_TYPES = "public_channel,private_channel,mpim,im";

/**
 * The conversations a person belongs to, as Slack says (`users.conversations` with the bot token lists
 * the person's conversations the bot can see), cached briefly per workspace and person. When Slack does
 * not answer, the person belongs to nothing: data is withheld rather than shown to the wrong person.
 */
export class ConversationMembership {
  private readonly cache: PersonCache<ReadonlySet<string>>;

  constructor(ttlMs = DEFAULT_TTL_MS, now?: () => number) {
    this.cache = new PersonCache(ttlMs, now);
  }

  channelsOf(
    client: webApi.WebClient,
    workspace: Workspace,
    user: string,
    logger: Logger,
  ): Promise<ReadonlySet<string>> {
    return this.cache
      .get(workspace, user, () => listConversations(client, user))
      .catch((error: unknown) => {
        logger.warn("slack: users.conversations failed, so the person sees no other conversation's data", {
          user,
          error: describeFailure(error),
        });
        return new Set<string>();
      });
  }

  /**
   * Whether a person belongs to one conversation. A cached answer that says no is asked again once: a
   * person who has just joined a channel is a member at once, not a minute later.
   */
  async belongsTo(
    client: webApi.WebClient,
    workspace: Workspace,
    user: string,
    channel: string,
    logger: Logger,
  ): Promise<boolean> {
    if ((await this.channelsOf(client, workspace, user, logger)).has(channel)) return true;
    this.cache.forget(workspace, user);
    return (await this.channelsOf(client, workspace, user, logger)).has(channel);
  }
}

async function listConversations(client: webApi.WebClient, user: string): Promise<ReadonlySet<string>> {
  const channels = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await client.users.conversations({
      user,
      types: CONVERSATION_TYPES,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const channel of response.channels ?? []) if (channel.id) channels.add(channel.id);
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return channels;
}
