import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { verifyCredentials } from "./webhook-signature.js";

export interface WebhookAuthConfig {
  webhookSecret?: string;
  /** The local sandbox is running: without a secret, calls from this machine are let in unsigned. */
  sandbox: boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Lets a request through only with valid credentials (see verifyCredentials); runs after the body is read,
 * because the signature covers its bytes. Without WEBHOOK_SECRET nothing is accepted from outside, so a
 * server deployed without one can never take unauthenticated writes.
 */
export function requireWebhookAuth(config: WebhookAuthConfig): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const secret = config.webhookSecret;
    if (!secret) {
      if (config.sandbox && isLocalCall(c)) return next();
      return errorResponse(
        c,
        503,
        "this endpoint is off because no secret is configured: set WEBHOOK_SECRET and restart, then sign requests with it",
      );
    }
    const verdict = verifyCredentials(
      secret,
      {
        authorization: c.req.header("authorization"),
        signature: c.req.header("x-mpo-signature"),
        timestamp: c.req.header("x-mpo-timestamp"),
      },
      c.get("rawBody"),
      Date.now(),
    );
    if (!verdict.ok) return errorResponse(c, 401, verdict.reason);
    return next();
  };
}

function isLocalCall(c: Context): boolean {
  try {
    return LOOPBACK.has(getConnInfo(c).remote.address ?? "");
  } catch {
    // Not served by Node's HTTP server (no socket to ask): not provably local.
    return false;
  }
}
