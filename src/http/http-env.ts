import type { Context } from "hono";
import type { Workspace } from "../store/index.js";
import type { PendingSignature } from "./auth/webhook-signature.js";

/** What the middleware hands on to routes. */
export interface HttpEnv {
  Variables: {
    /** The exact bytes received, read once within the size limit and, when signed, matched to the signature. */
    rawBody: Uint8Array<ArrayBuffer>;
    /** The request's signature, null when it came with a bearer token or unsigned from the local sandbox. */
    signed: PendingSignature | null;
    /** The caller's X-Request-Id, or one made here: named in the request's log lines. */
    requestId: string;
    /**
     * The workspace whose own webhook secret the request came with; unset for WEBHOOK_SECRET (the single
     * installed workspace's) and the sandbox's unsigned local calls.
     */
    workspace?: Workspace;
  };
}

/** The answer to a request that failed on our side, before anything of it was committed. */
export const INTERNAL_ERROR = "internal error: nothing was stored; retry the request";

/** Every error answer has the same shape, `{ "error": "<one line for a person>" }`, plus optional details. */
export function errorResponse(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 500 | 502 | 503,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return c.json({ error: message, ...details }, status);
}
