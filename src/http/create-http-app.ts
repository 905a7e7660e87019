import { Hono } from "hono";
import type { Config } from "../config/config.js";
import type { Store } from "../store/index.js";
import { requireWebhookAuth } from "./auth/require-webhook-auth.js";
import { readLimitedBody } from "./body/read-limited-body.js";
import { requireContentType } from "./body/require-content-type.js";
import { corsPolicy } from "./cors-policy.js";
import { errorResponse, type HttpEnv, INTERNAL_ERROR } from "./http-env.js";
import { deliveryReceiver, type LiveDataArrived } from "./ingest/delivery-receiver.js";
import type { Logger } from "./logger.js";
import { type NodeFastPath, webhookFastPath } from "./node/webhook-fast-path.js";
import { generateInsightsRoute, type InsightsWriter } from "./routes/generate-insights.js";
import { healthzRoute } from "./routes/healthz.js";
import { liveFeedRoute } from "./routes/live-feed.js";
import { uploadCsvRoute } from "./routes/upload-csv.js";
import { webhookIngestRoute } from "./routes/webhook-ingest.js";

export interface HttpLimits {
  /** Largest webhook body; 5 MB by default (5,000 records of about 1 KB). */
  webhookBytes?: number;
  /** Largest CSV upload; 50 MB by default. */
  uploadBytes?: number;
  /** Largest metrics summary for insights; 1 MB by default. */
  summaryBytes?: number;
}

export interface HttpDeps {
  store: Store;
  config: Pick<Config, "webhookSecret" | "sandbox" | "corsOrigins">;
  insights: InsightsWriter;
  /** Told after live records are committed (e.g. the alert engine's `notifyDataArrived`). */
  onLiveData?: (arrived: LiveDataArrived) => void;
  logger?: Logger;
  limits?: HttpLimits;
}

/** The Hono app, and what `serveHttp` puts in front of it on Node (null: nothing). */
export type HttpApp = Hono<HttpEnv> & { nodeFastPath: NodeFastPath | null };

const MB = 1024 * 1024;
const WEBHOOK_PATHS = ["/webhooks/ingest", "/integrations/webhook/ingest-data"];

/**
 * The HTTP API on one Hono app: health, the webhook, the seed's REST API and the live feed. Every route
 * but /healthz is authenticated like the webhook (signature or bearer WEBHOOK_SECRET): the live feed
 * holds customers' emails. The Slack app mounts `/slack/events` on the returned app.
 */
export function createHttpApp(deps: HttpDeps): HttpApp {
  const { store, config } = deps;
  const logger = deps.logger ?? console;
  const limits = { webhookBytes: 5 * MB, uploadBytes: 50 * MB, summaryBytes: 1 * MB, ...deps.limits };
  const app = new Hono<HttpEnv>();
  const guarded = (maxBytes: number) => [readLimitedBody(maxBytes), requireWebhookAuth(config)] as const;

  const cors = corsPolicy(config.corsOrigins);
  if (cors) app.use("*", cors);

  app.get("/healthz", healthzRoute(store));
  const receive = deliveryReceiver(store, deps.onLiveData, logger);
  const ingest = webhookIngestRoute(receive);
  for (const path of WEBHOOK_PATHS) {
    app.post(path, ...guarded(limits.webhookBytes), requireContentType("application/json"), ingest);
  }
  app.post(
    "/analytics/upload-csv",
    ...guarded(limits.uploadBytes),
    requireContentType("multipart/form-data"),
    uploadCsvRoute(),
  );
  app.post(
    "/ai/generate-insights",
    ...guarded(limits.summaryBytes),
    requireContentType("application/json"),
    generateInsightsRoute(deps.insights, logger),
  );
  app.get("/live", ...guarded(0), liveFeedRoute(store));

  app.notFound((c) => errorResponse(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    // Only the route and the error's own message: bodies and headers may carry secrets or personal data.
    logger.error(`${c.req.method} ${c.req.path} failed`, error instanceof Error ? error.message : error);
    return errorResponse(c, 500, INTERNAL_ERROR);
  });
  // With CORS configured every answer carries Hono's CORS headers, and without a secret the webhook is off
  // (or open to the sandbox's local calls): either way the webhook stays on Hono alone.
  const nodeFastPath =
    config.webhookSecret && !cors
      ? webhookFastPath({
          paths: WEBHOOK_PATHS,
          secret: config.webhookSecret,
          maxBytes: limits.webhookBytes,
          receive,
          logger,
        })
      : null;
  return Object.assign(app, { nodeFastPath });
}
