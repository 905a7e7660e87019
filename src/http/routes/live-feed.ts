import type { Handler } from "hono";
import type { LiveFeedItem, Store } from "../../store/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";
import type { HomeWorkspace } from "../ingest/delivery-receiver.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/**
 * The most recent rows and events received, newest first (the seed's live feed). Emails are masked
 * (`a***@example.com`) unless the reader asks for them with `?emails=full`. LIVE_READ_TOKEN is the single
 * installed workspace's, so the feed is that workspace's rows only; never another workspace's.
 */
export function liveFeedRoute(store: Store, homeWorkspace?: HomeWorkspace): Handler<HttpEnv> {
  return async (c) => {
    const asked = c.req.query("limit");
    const limit = asked === undefined ? DEFAULT_LIMIT : Number(asked);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return errorResponse(
        c,
        400,
        `limit: expected a whole number from 1 to ${MAX_LIMIT}, got ${JSON.stringify(asked)}`,
      );
    }
    const emails = c.req.query("emails") ?? "masked";
    if (emails !== "masked" && emails !== "full") {
      return errorResponse(
        c,
        400,
        `emails: expected "masked" (the default) or "full", got ${JSON.stringify(emails)}`,
      );
    }
    const home = await homeWorkspace?.();
    if (home && "refusal" in home) {
      const { status, message } = home.refusal;
      return status === 403
        ? errorResponse(
            c,
            403,
            "the live feed shows the single installed workspace's rows (SLACK_BOT_TOKEN); installed in several workspaces through OAuth, it has no workspace to show",
          )
        : errorResponse(c, status, message);
    }
    const events = await store.recentEvents(limit, home?.workspace);
    return c.json({ events: emails === "full" ? events : events.map(maskEmail) });
  };
}

function maskEmail(item: LiveFeedItem): LiveFeedItem {
  if (!("email" in item) || !item.email) return item;
  const at = item.email.lastIndexOf("@");
  return { ...item, email: `${item.email.slice(0, Math.min(1, at))}***${item.email.slice(at)}` };
}
