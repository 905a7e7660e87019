import type { MiddlewareHandler } from "hono";

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * Answers only requests addressed to this machine by a loopback name. The sandbox trusts calls from this
 * machine; a web page elsewhere can make the browser call it anyway by pointing its own domain at
 * 127.0.0.1 (DNS rebinding), but the browser then sends that domain as Host, and is refused here.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host") ?? "";
    if (LOOPBACK_HOST.test(host)) return next();
    return c.json(
      {
        error: `the sandbox answers only on localhost or 127.0.0.1, not ${JSON.stringify(host.slice(0, 100))}`,
      },
      421,
    );
  };
}
