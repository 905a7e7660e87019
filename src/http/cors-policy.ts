import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/**
 * Browser access to the REST API, for the origins in CORS_ORIGINS only ("*" for any). With none
 * configured no CORS header is ever sent, so browsers keep other sites out: closed by default.
 */
export function corsPolicy(origins: readonly string[]): MiddlewareHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization", "X-MPO-Signature", "X-MPO-Timestamp", "Idempotency-Key"],
    maxAge: 600,
  });
}
