import type { webApi } from "@slack/bolt";
import { DEFAULT_READER, type Reader, readerFrom } from "../../format/reader-locale.js";
import type { Logger } from "../../log/logger.js";
import type { Workspace } from "../../store/index.js";
import { PersonCache } from "./person-cache.js";
import { describeFailure } from "./slack-failure.js";

/** People rarely change their language or time zone; an hour spares Slack a call per message. */
const DEFAULT_TTL_MS = 60 * 60_000;

/**
 * Who a person is as a reader (their locale and time zone), as Slack's `users.info` with `include_locale`
 * says, cached per workspace and person. When Slack does not answer, they read en-US in UTC, and are asked
 * again next time: how figures look must never stop an answer.
 */
export class SlackReaders {
  private readonly cache: PersonCache<Reader>;

  constructor(ttlMs = DEFAULT_TTL_MS, now?: () => number) {
    this.cache = new PersonCache(ttlMs, now);
  }

  readerOf(
    client: webApi.WebClient,
    workspace: Workspace,
    user: string | null,
    logger: Logger,
  ): Promise<Reader> {
    if (!user) return Promise.resolve(DEFAULT_READER);
    const ask = async () => {
      const response = await client.users.info({ user, include_locale: true });
      return readerFrom(response.user?.locale, response.user?.tz);
    };
    return this.cache.get(workspace, user, ask).catch((error: unknown) => {
      logger.warn("slack: users.info failed, so figures are written as en-US for this person", {
        user,
        error: describeFailure(error),
      });
      return DEFAULT_READER;
    });
  }
}
