import type { Handler } from "hono";
import type { Store } from "../../store/index.js";
import { errorResponse, type HttpEnv } from "../http-env.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** The most recent rows and events received, newest first (the seed's live feed). */
export function liveFeedRoute(store: Store): Handler<HttpEnv> {
  return (c) => {
    const asked = c.req.query("limit");
    const limit = asked === undefined ? DEFAULT_LIMIT : Number(asked);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return errorResponse(
        c,
        400,
        `limit: expected a whole number from 1 to ${MAX_LIMIT}, got ${JSON.stringify(asked)}`,
      );
    }
    return c.json({ events: store.recentEvents(limit) });
  };
}
