import type { Handler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Store } from "../../store/index.js";
import type { HttpEnv } from "../http-env.js";
import { CommitQueue } from "../ingest/commit-queue.js";
import { ingestDelivery } from "../ingest/ingest-service.js";
import type { Logger } from "../logger.js";

export interface LiveDataArrived {
  source: string;
  /** Records stored or updated. */
  changed: number;
}

/** Live rows and events from automation tools; answers only after the records are committed. */
export function webhookIngestRoute(
  store: Store,
  onLiveData: ((arrived: LiveDataArrived) => void) | undefined,
  logger: Logger,
): Handler<HttpEnv> {
  const commits = new CommitQueue(store);
  return async (c) => {
    const request = { body: c.get("rawBody"), idempotencyKey: c.req.header("idempotency-key") };
    const answer = await commits.submit(() => ingestDelivery(store, request));
    if (answer.changed > 0 && answer.source !== null && onLiveData) {
      try {
        onLiveData({ source: answer.source, changed: answer.changed });
      } catch (error) {
        // The records are committed: a listener's failure must not turn their receipt into an error.
        logger.error("live data listener failed after a webhook delivery", { source: answer.source, error });
      }
    }
    return c.body(answer.body, answer.status as ContentfulStatusCode, {
      "content-type": "application/json; charset=utf-8",
    });
  };
}
