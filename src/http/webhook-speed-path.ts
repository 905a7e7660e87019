import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { checkCredentialHeaders, signatureMismatch } from "./auth/webhook-signature.js";
import { declaredMediaType, isJsonMediaType, JSON_UTF8 } from "./body/media-type.js";
import { INTERNAL_ERROR } from "./http-env.js";
import type { ReceiveDelivery } from "./ingest/delivery-receiver.js";
import type { IngestAnswer } from "./ingest/ingest-service.js";

/** Wraps the app's own request listener (Hono's), taking over the requests it can answer alone. */
export type FrontDoor = (app: RequestListener) => RequestListener;

export interface WebhookSpeedPathOptions {
  paths: readonly string[];
  secret: string;
  maxBytes: number;
  /** The webhook route's receiver, so both paths share one commit queue and one name budget. */
  receive: ReceiveDelivery;
  logger: { error(message: string, fields?: Record<string, unknown>): void };
}

/**
 * A speed-only path for the webhook's everyday delivery, kept because the webhook bench shows the Hono path
 * alone short of its target (1.5x the seed's rate). It serves only a POST to a webhook path with a declared
 * length within the limit, a JSON Content-Type and credentials that `checkCredentialHeaders` accepts: all
 * judged from the headers, before a byte of the body is read. Anything else goes to Hono
 * untouched, so every refusal of a request's form is Hono's own. Past that point it answers exactly as the
 * Hono route does (test/http/webhook-speed-path.test.ts sends the same requests through both and compares
 * the bytes): same receiver, same statuses, bodies and headers.
 */
export function webhookSpeedPath(options: WebhookSpeedPathOptions): FrontDoor {
  const { paths, secret, maxBytes, receive, logger } = options;
  return (app) => (request, response) => {
    const { headers } = request;
    if (
      request.method !== "POST" ||
      !paths.includes(request.url ?? "") ||
      headers["transfer-encoding"] !== undefined ||
      !(Number(headers["content-length"]) <= maxBytes) ||
      !isJsonMediaType(declaredMediaType(header(request, "content-type")))
    ) {
      return app(request, response);
    }
    const verdict = checkCredentialHeaders(
      secret,
      {
        authorization: header(request, "authorization"),
        signature: header(request, "x-mpo-signature"),
        timestamp: header(request, "x-mpo-timestamp"),
      },
      Date.now(),
    );
    if (!verdict.ok) return app(request, response);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const mismatch = verdict.signed ? signatureMismatch(secret, verdict.signed, body) : null;
      if (mismatch) return answerError(response, 401, mismatch);
      receive.deliver(
        {
          body,
          idempotencyKey: header(request, "idempotency-key"),
          signature: verdict.signed?.hex,
        },
        (outcome) => {
          if (outcome.ok) return replyDelivered(response, outcome.answer);
          // As Hono's onError: only the route and the error's own message.
          logger.error(`POST ${request.url} failed`, {
            error: outcome.error instanceof Error ? outcome.error.message : outcome.error,
          });
          answerError(response, 500, INTERNAL_ERROR);
        },
      );
    });
  };
}

/** A header as Hono's `c.req.header` reads it: every value sent, joined (Node keeps only the first of some). */
function header(request: IncomingMessage, name: string): string | undefined {
  return request.headersDistinct[name]?.join(", ");
}

function replyDelivered(response: ServerResponse, delivered: IngestAnswer): void {
  reply(response, delivered.status, "content-type", JSON_UTF8, delivered.body);
}

/** `errorResponse`'s answer, as Hono's `c.json` writes it. */
function answerError(response: ServerResponse, status: number, message: string): void {
  reply(response, status, "Content-Type", "application/json", JSON.stringify({ error: message }));
}

/**
 * Headers set, then the body in one `end`: Node then adds the Content-Length after its own headers, as it
 * does for Hono's answers (the adapter declares the length the same way).
 */
function reply(response: ServerResponse, status: number, name: string, type: string, body: string): void {
  response.statusCode = status;
  response.setHeader(name, type);
  response.end(body);
}
