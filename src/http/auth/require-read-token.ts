import type { MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { isLocalCall } from "./local-call.js";
import { sameText } from "./webhook-signature.js";

export interface ReadTokenConfig {
  /** LIVE_READ_TOKEN: what a reader of the live feed sends as `Authorization: Bearer <token>`. */
  liveReadToken?: string;
  sandbox: boolean;
}

/**
 * Reading live data needs its own token, never the webhook's secret: every automation that may push rows
 * would otherwise read every customer's email. Without a token the feed is off, but for the local
 * sandbox's calls from this machine.
 */
export function requireReadToken(config: ReadTokenConfig): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const token = config.liveReadToken;
    if (!token) {
      if (config.sandbox && isLocalCall(c)) return next();
      return errorResponse(
        c,
        503,
        "the live feed is off because no read token is configured: set LIVE_READ_TOKEN and restart, then send Authorization: Bearer <LIVE_READ_TOKEN>",
      );
    }
    const sent = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization")?.trim() ?? "")?.[1]?.trim();
    if (sent === undefined) {
      return errorResponse(c, 401, "no credentials: send Authorization: Bearer <LIVE_READ_TOKEN>");
    }
    if (!sameText(sent, token))
      return errorResponse(c, 401, "the bearer token is not the live feed's read token");
    return next();
  };
}
