import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../log/logger.js";

/** Slack gives up on a request after 3 seconds; answer well before that even if a listener is slow to ack. */
const ACK_DEADLINE_MS = 2_500;

/**
 * Bolt's receiver for our one Hono server: `POST /slack/events` hands the Web `Request` here. It verifies
 * the signature, answers url_verification, and responds as soon as the listener acks
 * (processBeforeResponse: false), so heavy work (parsing a file, asking the analyst) continues after
 * Slack has its 200.
 */
export class HonoReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: { signingSecret: string; logger: Logger; ackDeadlineMs?: number }) {}

  init(app: App): void {
    this.app = app;
  }

  /** The HTTP server belongs to main.ts; the receiver has nothing to start or stop. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(request: Request): Promise<Response> {
    const raw = await request.text();
    const signature = request.headers.get("x-slack-signature") ?? "";
    const timestamp = Number(request.headers.get("x-slack-request-timestamp"));
    const valid = isValidSlackRequest({
      signingSecret: this.options.signingSecret,
      body: raw,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    });
    if (!valid) {
      this.options.logger.warn("slack: rejected a request with a missing, wrong or stale signature");
      return new Response("invalid signature", { status: 401 });
    }
    const body = parseBody(raw, request.headers.get("content-type") ?? "");
    if (!body) return new Response("unreadable body", { status: 400 });
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    if (body.ssl_check) return new Response("", { status: 200 });
    if (!this.app) return new Response("not ready", { status: 503 });

    let resolveAck: (response: unknown) => void = () => {};
    const acked = new Promise<unknown>((resolve) => {
      resolveAck = resolve;
    });
    const event: ReceiverEvent = {
      body,
      retryNum: numberHeader(request, "x-slack-retry-num"),
      retryReason: request.headers.get("x-slack-retry-reason") ?? undefined,
      customProperties: {},
      ack: async (response?: unknown) => {
        resolveAck(response ?? "");
      },
    };
    const processing = this.app.processEvent(event).catch((error: unknown) => {
      this.options.logger.error("slack: a listener failed", { error: describeError(error), type: body.type });
    });
    const deadline = new Promise<"deadline">((resolve) =>
      setTimeout(() => resolve("deadline"), this.options.ackDeadlineMs ?? ACK_DEADLINE_MS).unref(),
    );
    const outcome = await Promise.race([acked, processing.then(() => "done" as const), deadline]);
    if (outcome === "deadline") {
      this.options.logger.warn("slack: a listener did not ack in time; answered 200 to stop Slack retrying", {
        type: body.type,
      });
    }
    return toResponse(outcome === "done" || outcome === "deadline" ? "" : outcome);
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  try {
    if (contentType.includes("application/x-www-form-urlencoded")) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      return typeof form.payload === "string" ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
    }
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function toResponse(ack: unknown): Response {
  if (typeof ack === "string") return new Response(ack, { status: 200 });
  return Response.json(ack);
}

function numberHeader(request: Request, name: string): number | undefined {
  const value = request.headers.get(name);
  return value === null ? undefined : Number(value);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
