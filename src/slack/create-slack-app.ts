import { createHash } from "node:crypto";
import { App, type Authorize, ErrorCode, type ReceiverEvent } from "@slack/bolt";
import { eventKey, type SlackEventJob } from "../jobs/slack/slack-jobs.js";
import { HonoReceiver } from "./hono-receiver.js";
import { NotInstalledError } from "./installs/sealed-installations.js";
import { registerListeners } from "./listeners/index.js";
import { isOwnPost } from "./own-posts.js";
import { clientLogger, slackClientOptions } from "./slack-client-options.js";
import type { SlackDeps } from "./slack-deps.js";

/** The envelope as a job, keyed by Slack's event id so a redelivery adds nothing; the app's own posts are not kept. */
function keepEvent(deps: SlackDeps, event: ReceiverEvent): Promise<void> {
  if (isOwnPost(event.body)) return Promise.resolve();
  const eventId = event.body.event_id;
  const job: SlackEventJob = { body: event.body };
  if (event.retryNum !== undefined) job.retryNum = event.retryNum;
  if (event.retryReason !== undefined) job.retryReason = event.retryReason;
  return deps.jobs.enqueue(
    { kind: "slack-event", payload: job },
    typeof eventId === "string"
      ? eventKey(eventId)
      : `event-body:${createHash("sha256").update(JSON.stringify(event.body)).digest("hex")}`,
  );
}

export interface SlackAppOptions {
  signingSecret: string;
  /** Web API base: Slack's, or the local emulator's. */
  apiUrl: string;
  /** With an app-level token, events arrive over Socket Mode instead of HTTP. */
  appToken?: string;
  /** Installed through OAuth: each request's workspace's token, instead of SLACK_BOT_TOKEN for all. */
  authorize?: Authorize<boolean>;
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
 * by the client (429s wait out Retry-After). Over HTTP an event is stored as a job before Slack's 200 and
 * handed to Bolt by the worker; listeners then write the job of what was asked (see src/jobs), keyed so a
 * redelivered event is done once. A listener that could not write its job fails, so the event is tried
 * again rather than lost.
 */
export function createSlackApp(deps: SlackDeps, options: SlackAppOptions): SlackApp {
  const clientOptions = slackClientOptions(options.apiUrl);
  const logger = clientLogger(deps.logger);
  const receiver = options.appToken
    ? null
    : new HonoReceiver({
        signingSecret: options.signingSecret,
        logger: deps.logger,
        keepEvent: (event) => keepEvent(deps, event),
      });
  const credentials = options.authorize ? { authorize: options.authorize } : { token: deps.botToken };
  const app = options.appToken
    ? new App({ ...credentials, appToken: options.appToken, socketMode: true, clientOptions, logger })
    : new App({ ...credentials, receiver: receiver as HonoReceiver, clientOptions, logger });

  app.error(async (error) => {
    if (error.code === ErrorCode.AuthorizationError && error.original instanceof NotInstalledError) {
      // An event from a workspace that removed the app (one sent before the removal, or retried): not answered.
      deps.logger.info("slack: ignored a request from a workspace the app is not installed in", {
        reason: error.original.message,
      });
      return;
    }
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
