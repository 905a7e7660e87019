import type { Handler, MiddlewareHandler } from "hono";
import { limitBody } from "../http/body/limit-body.js";
import type { HonoReceiver } from "./hono-receiver.js";

/** Slack's events, commands and interactions are a few KB; a body over this is not from Slack. */
export const SLACK_BODY_BYTES = 1024 * 1024;

/**
 * `POST /slack/events`: the signature headers are judged first, then the body is read only up to
 * SLACK_BODY_BYTES (a larger declared length is refused before a byte is read, a chunked body is counted),
 * and only then is it handed to the receiver. `receiver` is null while the app starts.
 */
export function slackEventsRoute(
  receiver: () => HonoReceiver | null,
): readonly [MiddlewareHandler, MiddlewareHandler, Handler] {
  return [
    async (c, next) => {
      const current = receiver();
      if (!current) return c.text("starting", 503);
      return current.refuseHeaders(c.req.raw) ?? next();
    },
    limitBody(SLACK_BODY_BYTES, "Slack's requests are far smaller; this one is not from Slack"),
    (c) => (receiver() as HonoReceiver).handle(c.req.raw),
  ] as const;
}
