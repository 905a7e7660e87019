import type { webApi } from "@slack/bolt";
import { DEFAULT_READER, type Reader, readerFrom } from "../../format/reader-locale.js";
import type { Logger } from "../../log/logger.js";
import type { Workspace } from "../../store/index.js";
import { describeFailure } from "./slack-failure.js";

/** People rarely change their language or time zone; an hour spares Slack a call per message. */
const DEFAULT_TTL_MS = 60 * 60_000;

/**
 * Who a person is as a reader (their locale and time zone), as Slack's `users.info` with `include_locale`
 * says, cached per workspace and person. When Slack does not answer, they read en-US in UTC, and are asked
 * again next time: how figures look must never stop an answer.
 */
export class SlackReaders {
  private readonly cache = new Map<string, { until: number; reader: Promise<Reader> }>();

  constructor(
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  readerOf(
    client: webApi.WebClient,
    workspace: Workspace,
    user: string | null,
    logger: Logger,
  ): Promise<Reader> {
    if (!user) return Promise.resolve(DEFAULT_READER);
    const key = `${workspace.enterprise ?? ""}:${workspace.team ?? ""}:${user}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.reader;
    const reader = client.users
      .info({ user, include_locale: true })
      .then((response) => readerFrom(response.user?.locale, response.user?.tz))
      .catch((error: unknown) => {
        logger.warn("slack: users.info failed, so figures are written as en-US for this person", {
          user,
          error: describeFailure(error),
        });
        this.cache.delete(key);
        return DEFAULT_READER;
      });
    this.cache.set(key, { until: this.now() + this.ttlMs, reader });
    return reader;
  }
}
