import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { verifyCredentials } from "../auth/webhook-signature.js";
import { declaredMediaType, isJsonMediaType, JSON_UTF8 } from "../body/media-type.js";
import { INTERNAL_ERROR } from "../http-env.js";
import type { ReceiveDelivery } from "../ingest/delivery-receiver.js";
import type { Logger } from "../logger.js";
import { readDeclaredBody } from "./read-declared-body.js";

/** Serves a request straight from Node's objects and says true, or says false and leaves it untouched. */
export type NodeFastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

export interface WebhookFastPathOptions {
  paths: readonly string[];
  secret: string;
  maxBytes: number;
  receive: ReceiveDelivery;
  logger: Logger;
}

/**
 * The webhook's everyday request (signed or bearer, JSON, Content-Length within the limit) served on Node's
 * request and response, without the Fetch Request and Response that Hono needs: that conversion and Hono's
 * dispatch were about a fifth of a delivery's CPU time (test/http/webhook-fast-path.test.ts holds the two
 * ways to the same answers). The checks and answers are
 * the Hono route's own (verifyCredentials, the shared delivery receiver); every other request on these paths
 * (oversized or chunked bodies, another Content-Type, query strings, repeated headers) goes on to Hono,
 * which answers it as it always has.
 */
export function webhookFastPath(options: WebhookFastPathOptions): NodeFastPath {
  const paths = new Set(options.paths);
  return (request, response) => {
    if (request.method !== "POST" || !paths.has(request.url ?? "")) return false;
    const { headers } = request;
    const length = headers["content-length"];
    if (length === undefined || Number(length) > options.maxBytes) return false;
    if (!isJsonMediaType(declaredMediaType(headers["content-type"]))) return false;
    if (repeatsAHeaderNodeDrops(request.rawHeaders)) return false;
    serve(request, response, options).catch((error: unknown) => {
      options.logger.error(`POST ${request.url} failed`, error instanceof Error ? error.message : error);
      if (!response.headersSent)
        send(response, 500, JSON.stringify({ error: INTERNAL_ERROR }), "application/json");
    });
    return true;
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, options: WebhookFastPathOptions) {
  const body = await readDeclaredBody(request);
  if (body === null) return; // the sender hung up: there is no one to answer
  const { headers } = request;
  const verdict = verifyCredentials(
    options.secret,
    {
      authorization: headers.authorization,
      signature: text(headers, "x-mpo-signature"),
      timestamp: text(headers, "x-mpo-timestamp"),
    },
    body,
    Date.now(),
  );
  if (!verdict.ok) {
    send(response, 401, JSON.stringify({ error: verdict.reason }), "application/json");
    return;
  }
  const answer = await options.receive({ body, idempotencyKey: text(headers, "idempotency-key") });
  send(response, answer.status, answer.body, JSON_UTF8);
}

function text(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
}

function send(response: ServerResponse, status: number, body: string, contentType: string): void {
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/**
 * Node keeps only the first of a repeated Content-Type or Authorization, where the Fetch Request Hono
 * reads joins them; such requests go to Hono so that they are judged exactly as before.
 */
function repeatsAHeaderNodeDrops(raw: readonly string[]): boolean {
  let contentTypes = 0;
  let authorizations = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 12 && name.toLowerCase() === "content-type") contentTypes += 1;
    else if (name.length === 13 && name.toLowerCase() === "authorization") authorizations += 1;
  }
  return contentTypes > 1 || authorizations > 1;
}
