import type { Handler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { JSON_UTF8 } from "../body/media-type.js";
import type { HttpEnv } from "../http-env.js";
import type { ReceiveDelivery } from "../ingest/delivery-receiver.js";

/** Live rows and events from automation tools; answers only after the records are committed. */
export function webhookIngestRoute(receive: ReceiveDelivery): Handler<HttpEnv> {
  return async (c) => {
    const answer = await receive({
      body: c.get("rawBody"),
      idempotencyKey: c.req.header("idempotency-key"),
      signature: c.get("signed")?.hex,
      workspace: c.get("workspace"),
    });
    return c.body(answer.body, answer.status as ContentfulStatusCode, { "content-type": JSON_UTF8 });
  };
}
