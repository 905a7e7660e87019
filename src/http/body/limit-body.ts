import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorResponse } from "../http-env.js";

/**
 * Hono's `bodyLimit` with our answer: 413 saying the limit and what to do. A declared Content-Length over
 * the limit is refused before anything is read; a chunked body is counted as it arrives.
 *
 * A request that declares its length is judged here from that header, as `bodyLimit` itself would judge
 * it: `bodyLimit` first asks for `c.req.raw.body`, which on Node turns the adapter's light request into a
 * full Fetch Request and stream (most of Hono's cost per webhook delivery), and Node's parser never hands
 * on more bytes than declared anyway.
 *
 * @example
 * ```ts
 * app.post("/webhooks/ingest", limitBody(5 * 1024 * 1024, "send fewer records per request"), route)
 * ```
 */
export function limitBody(maxBytes: number, advice: string): MiddlewareHandler {
  const tooLarge = `the body is larger than ${describeBytes(maxBytes)}: ${advice}`;
  const onError: Parameters<typeof bodyLimit>[0]["onError"] = (c) => errorResponse(c, 413, tooLarge);
  const counted = bodyLimit({ maxSize: maxBytes, onError });
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared === undefined || c.req.header("transfer-encoding") !== undefined) return counted(c, next);
    return Number(declared) > maxBytes ? onError(c) : next();
  };
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
