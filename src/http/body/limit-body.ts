import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorResponse } from "../http-env.js";

/**
 * Hono's `bodyLimit` with our answer: 413 saying the limit and what to do. A declared Content-Length over
 * the limit is refused before anything is read; a chunked body is counted as it arrives.
 *
 * @example
 * ```ts
 * app.post("/webhooks/ingest", limitBody(5 * 1024 * 1024, "send fewer records per request"), route)
 * ```
 */
export function limitBody(maxBytes: number, advice: string): MiddlewareHandler {
  const tooLarge = `the body is larger than ${describeBytes(maxBytes)}: ${advice}`;
  return bodyLimit({ maxSize: maxBytes, onError: (c) => errorResponse(c, 413, tooLarge) });
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
