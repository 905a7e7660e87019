import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { HttpEnv } from "./http-env.js";

const CALLER_ID = /^[\w\-=.:]{1,128}$/;

/**
 * Names each request for the logs: the caller's X-Request-Id (a load balancer's, say) when it is a plain
 * token, else a fresh UUID. Unlike hono/request-id it adds no response header, because the webhook's
 * speed path (webhook-speed-path.ts) must answer byte for byte as this app does.
 */
export function requestId(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    c.set("requestId", given && CALLER_ID.test(given) ? given : randomUUID());
    await next();
  };
}
