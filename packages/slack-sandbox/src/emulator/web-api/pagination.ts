import { optionalNumber, optionalString } from "./args.js";
import { type ApiArgs, SlackApiError } from "./method.js";

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextCursor: string;
}

/** Cursor pagination as Slack does it: an opaque `next_cursor`, empty on the last page. */
export function paginate<T>(items: T[], args: ApiArgs, defaultLimit: number, maxLimit: number): Page<T> {
  const limit = Math.min(Math.max(optionalNumber(args, "limit") ?? defaultLimit, 1), maxLimit);
  const cursor = optionalString(args, "cursor");
  let offset = 0;
  if (cursor) {
    const decoded = Buffer.from(cursor, "base64").toString("utf8");
    const match = /^offset:(\d+)$/.exec(decoded);
    if (!match) throw new SlackApiError("invalid_cursor");
    offset = Number(match[1]);
  }
  const end = offset + limit;
  const hasMore = end < items.length;
  return {
    items: items.slice(offset, end),
    hasMore,
    nextCursor: hasMore ? Buffer.from(`offset:${end}`).toString("base64") : "",
  };
}
