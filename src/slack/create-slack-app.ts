import { App } from "@slack/bolt";
import { HonoReceiver } from "./hono-receiver.js";
import { registerListeners } from "./listeners/index.js";
import { clientLogger, slackClientOptions } from "./slack-client-options.js";
import type { SlackDeps } from "./slack-deps.js";

export interface SlackAppOptions {
  signingSecret: string;
  /** Web API base: Slack's, or the local emulator's. */
  apiUrl: string;
  /** With an app-level token, events arrive over Socket Mode instead of HTTP. */
  appToken?: string;
}

export interface SlackApp {
  app: App;
  /** The receiver `POST /slack/events` hands requests to; null in Socket Mode. */
  receiver: HonoReceiver | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Bolt app: HTTP events through our Hono receiver (or Socket Mode), Web API calls retried with backoff
 * by the client (429s wait out Retry-After). Listeners write jobs (see src/jobs): a redelivered event names
 * the same job, so it is done once. A listener that could not write its job fails the request, so Slack
 * delivers the event again rather than it being lost.
 */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions): SlackApp {
  const clientOptions = slackClientOptions(options.apiUrl);
  const logger = clientLogger(deps.logger);
  const receiver = options.appToken
    ? null
    : new HonoReceiver({ signingSecret: options.signingSecret, logger: deps.logger });
  const app = options.appToken
    ? new App({ token: deps.botToken, appToken: options.appToken, socketMode: true, clientOptions, logger })
    : new App({ token: deps.botToken, receiver: receiver as HonoReceiver, clientOptions, logger });

  app.error(async (error) => {
    deps.logger.error("slack: unhandled error in a listener", { error: error.message, code: error.code });
    throw error;
  });
  registerListeners(app, deps);
  return {
    app,
    receiver,
    start: async () => {
      if (options.appToken) await app.start();
    },
    stop: async () => {
      if (options.appToken) await app.stop();
    },
  };
}
