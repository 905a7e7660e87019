import { App, type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../log/logger.js";
import { HonoReceiver } from "./hono-receiver.js";
import { registerListeners } from "./listeners/index.js";
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
 * by the client (429s wait out Retry-After), and each Slack event handled once even when Slack redelivers.
 */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions): SlackApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true },
  };
  const receiver = options.appToken
    ? null
    : new HonoReceiver({ signingSecret: options.signingSecret, logger: deps.logger });
  const app = options.appToken
    ? new App({ token: deps.botToken, appToken: options.appToken, socketMode: true, clientOptions, logger })
    : new App({ token: deps.botToken, receiver: receiver as HonoReceiver, clientOptions, logger });

  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !claimed(deps, `event:${eventId}`)) return;
    await next();
  });
  app.error(async (error) => {
    deps.logger.error("slack: unhandled error in a listener", { error: error.message, code: error.code });
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

/**
 * True the first time an event is seen. When storage cannot say (disk full, database closed) the event goes
 * on: its listener meets the same failure and tells the person, where dropping it here would leave them
 * with no reply at all.
 */
function claimed(deps: SlackDeps, key: string): boolean {
  try {
    return deps.store.claimEvent(key);
  } catch (error) {
    deps.logger.error("slack: storage failed while recording an event", {
      error: error instanceof Error ? error.message : String(error),
    });
    return true;
  }
}

function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    parts.map((part) => (typeof part === "string" ? part : JSON.stringify(part))).join(" ");
  return {
    debug: (...parts) => logger.debug(`bolt: ${text(parts)}`),
    info: (...parts) => logger.info(`bolt: ${text(parts)}`),
    warn: (...parts) => logger.warn(`bolt: ${text(parts)}`),
    error: (...parts) => logger.error(`bolt: ${text(parts)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
