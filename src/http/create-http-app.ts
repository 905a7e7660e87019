import { Hono } from "hono";
import type { Config } from "../config/config.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Logger } from "../log/logger.js";
import type { Store } from "../store/index.js";
import { hashWorkspaceSecret } from "../webhook-secrets/index.js";
import { readSignedBody } from "./auth/read-signed-body.js";
import { requireReadToken } from "./auth/require-read-token.js";
import { requireWebhookAuth } from "./auth/require-webhook-auth.js";
import { limitBody } from "./body/limit-body.js";
import { requireContentType } from "./body/require-content-type.js";
import { corsPolicy } from "./cors-policy.js";
import { errorResponse, type HttpEnv, INTERNAL_ERROR } from "./http-env.js";
import {
  type DeliveryReceiverOptions,
  deliveryReceiver,
  type HomeWorkspace,
  type LiveDataArrived,
} from "./ingest/delivery-receiver.js";
import { loopbackHostOnly } from "./loopback-host-only.js";
import { requestId } from "./request-id.js";
import { generateInsightsRoute, type InsightsWriter } from "./routes/generate-insights.js";
import { healthzRoute, MIN_FREE_BYTES, readyzRoute } from "./routes/healthz.js";
import { liveFeedRoute } from "./routes/live-feed.js";
import { uploadCsvRoute } from "./routes/upload-csv.js";
import { webhookIngestRoute } from "./routes/webhook-ingest.js";
import { type FrontDoor, webhookSpeedPath } from "./webhook-speed-path.js";

export interface HttpLimits {
  /** Largest webhook body; 5 MB by default (5,000 records of about 1 KB). */
  webhookBytes?: number;
  /** Largest CSV upload; 50 MB by default. */
  uploadBytes?: number;
  /** Largest metrics summary for insights; 1 MB by default. */
  summaryBytes?: number;
  /** Free space the database's disk must keep for `/readyz` to say ready; 64 MB by default. */
  minFreeDiskBytes?: number;
}

export interface HttpDeps {
  store: Store;
  config: Pick<Config, "webhookSecret" | "sandbox" | "corsOrigins"> &
    Partial<Pick<Config, "liveReadToken" | "databasePath">>;
  insights: InsightsWriter;
  /** Told after live records are committed (e.g. the alert engine's `notifyDataArrived`). */
  onLiveData?: (arrived: LiveDataArrived) => void;
  /** Run in the transaction that stores new live records, after them: see `DeliveryReceiverOptions`. */
  withLiveData?: (tx: Store) => Promise<void>;
  /** The same, in a transaction SQLite runs at once: see `DeliveryReceiverOptions`. */
  withLiveDataNow?: DeliveryReceiverOptions["withLiveDataNow"];
  logger?: Pick<Logger, "warn" | "error">;
  limits?: HttpLimits;
  /** The durable job queue, whose backlog `/readyz` reports. */
  jobs?: Pick<JobQueue, "backlog">;
  /**
   * Whose rows WEBHOOK_SECRET's deliveries are, and whose the live feed shows: the single installed
   * workspace. Without it they are the unknown workspace's (see `Workspace` in the store).
   */
  homeWorkspace?: HomeWorkspace;
}

const MB = 1024 * 1024;
const WEBHOOK_PATHS = ["/webhooks/ingest", "/integrations/webhook/ingest-data"];

/**
 * The HTTP API on one Hono app: health, the webhook, the seed's REST API and the live feed. Writes are
 * authenticated like the webhook (signature or bearer WEBHOOK_SECRET), credentials before the body is
 * read; the live feed, which holds customers' emails, has a read token of its own. The Slack app mounts
 * `/slack/events` on the returned app.
 */
/** The Hono app, and the webhook's speed-only path in front of it when a secret is set (see `serveHttp`). */
export type HttpApp = Hono<HttpEnv> & { frontDoor?: FrontDoor };

export function createHttpApp(deps: HttpDeps): HttpApp {
  const { store, config } = deps;
  const logger = deps.logger ?? console;
  const limits = {
    webhookBytes: 5 * MB,
    uploadBytes: 50 * MB,
    summaryBytes: 1 * MB,
    minFreeDiskBytes: MIN_FREE_BYTES,
    ...deps.limits,
  };
  const app = new Hono<HttpEnv>();
  const authenticated = (
    maxBytes: number,
    advice: string,
    mediaType: Parameters<typeof requireContentType>[0],
  ) =>
    [
      requireWebhookAuth(config, async (secret) => store.webhookSecretWorkspace(hashWorkspaceSecret(secret))),
      limitBody(maxBytes, advice),
      requireContentType(mediaType),
      readSignedBody(config.webhookSecret),
    ] as const;

  app.use("*", requestId());
  if (config.sandbox) app.use("*", loopbackHostOnly());
  const cors = corsPolicy(config.corsOrigins);
  if (cors) app.use("*", cors);

  app.get("/healthz", healthzRoute());
  app.get("/readyz", readyzRoute(store, config.databasePath, limits.minFreeDiskBytes, deps.jobs));
  const receive = deliveryReceiver(store, {
    onLiveData: deps.onLiveData,
    withLiveData: deps.withLiveData,
    withLiveDataNow: deps.withLiveDataNow,
    logger,
    homeWorkspace: deps.homeWorkspace,
  });
  const ingest = webhookIngestRoute(receive);
  for (const path of WEBHOOK_PATHS) {
    app.post(
      path,
      ...authenticated(limits.webhookBytes, "send fewer records per request", "application/json"),
      ingest,
    );
  }
  app.post(
    "/analytics/upload-csv",
    ...authenticated(limits.uploadBytes, "export a shorter period or fewer columns", "multipart/form-data"),
    uploadCsvRoute(),
  );
  app.post(
    "/ai/generate-insights",
    ...authenticated(limits.summaryBytes, "send the totals and a shorter breakdown", "application/json"),
    generateInsightsRoute(deps.insights, logger),
  );
  app.get("/live", requireReadToken(config), liveFeedRoute(store, deps.homeWorkspace));

  app.notFound((c) => errorResponse(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // Only the route and the error's own message: bodies and headers may carry secrets or personal data.
    logger.error(`${c.req.method} ${c.req.path} failed`, {
      requestId: c.get("requestId"),
      error: error instanceof Error ? error.message : error,
    });
    return errorResponse(c, 500, INTERNAL_ERROR);
  });
  const secret = config.webhookSecret;
  const frontDoor =
    // The sandbox's host check and CORS headers are Hono middleware: with either, Hono answers alone.
    secret && !config.sandbox && !cors
      ? webhookSpeedPath({ paths: WEBHOOK_PATHS, secret, maxBytes: limits.webhookBytes, receive, logger })
      : undefined;
  return Object.assign(app, { frontDoor });
}
