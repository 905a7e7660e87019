import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, Handler } from "hono";
import type { SlackInstaller } from "./slack-installer.js";

type NodeExchange = Pick<HttpBindings, "incoming" | "outgoing">;

/** Slack's installer speaks Node's request and response; Hono's Node server hands both to the route. */
function nodeExchange(c: Context): NodeExchange | null {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming && env.outgoing ? { incoming: env.incoming, outgoing: env.outgoing } : null;
}

function withNode(run: (exchange: NodeExchange) => Promise<void>): Handler {
  return async (c) => {
    const exchange = nodeExchange(c);
    if (!exchange) return c.text("the install pages are served by the app's own HTTP server only", 500);
    await run(exchange);
    return RESPONSE_ALREADY_SENT;
  };
}

/**
 * `GET /slack/install` sends the person's browser to Slack's "Add to Slack" page with a signed state (and
 * the same state in a cookie); `GET /slack/oauth_redirect` is where Slack sends it back with a code. Both
 * are Slack's installer's own handlers.
 */
export function installRoutes(installer: SlackInstaller): { install: Handler; callback: Handler } {
  return {
    install: withNode(({ incoming, outgoing }) => installer.provider.handleInstallPath(incoming, outgoing)),
    callback: withNode(({ incoming, outgoing }) =>
      installer.provider.handleCallback(incoming, outgoing, installer.callbackOptions),
    ),
  };
}
