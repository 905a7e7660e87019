import type { Context } from "hono";

/** What the middleware hands on to routes: the exact bytes received, read once within the size limit. */
export interface HttpEnv {
  Variables: { rawBody: Uint8Array<ArrayBuffer> };
}

/** The answer to a request that failed on our side, before anything of it was committed. */
export const INTERNAL_ERROR = "internal error: nothing was stored; retry the request";

/** Every error answer has the same shape, `{ "error": "<one line for a person>" }`, plus optional details. */
export function errorResponse(
  c: Context,
  status: 400 | 401 | 404 | 409 | 413 | 415 | 422 | 500 | 502 | 503,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return c.json({ error: message, ...details }, status);
}
