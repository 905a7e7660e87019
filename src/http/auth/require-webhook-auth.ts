import type { MiddlewareHandler } from "hono";
import { errorResponse, type HttpEnv } from "../http-env.js";
import { isLocalCall } from "./local-call.js";
import { checkCredentialHeaders } from "./webhook-signature.js";

export interface WebhookAuthConfig {
  webhookSecret?: string;
  /** The local sandbox is running: without a secret, calls from this machine are let in unsigned. */
  sandbox: boolean;
}

/**
 * Lets a request on only with acceptable credential headers, before a byte of its body is read: a stranger's
 * 49 MB upload is refused as it starts. A signature is matched to the body later, by `readSignedBody`.
 * Without WEBHOOK_SECRET nothing is accepted from outside, so a server deployed without one can never take
 * unauthenticated writes.
 */
export function requireWebhookAuth(config: WebhookAuthConfig): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const secret = config.webhookSecret;
    if (!secret) {
      if (config.sandbox && isLocalCall(c)) {
        c.set("signed", null);
        return next();
      }
      return errorResponse(
        c,
        503,
        "this endpoint is off because no secret is configured: set WEBHOOK_SECRET and restart, then sign requests with it",
      );
    }
    const verdict = checkCredentialHeaders(
      secret,
      {
        authorization: c.req.header("authorization"),
        signature: c.req.header("x-mpo-signature"),
        timestamp: c.req.header("x-mpo-timestamp"),
      },
      Date.now(),
    );
    if (!verdict.ok) return errorResponse(c, 401, verdict.reason);
    c.set("signed", verdict.signed);
    return next();
  };
}
