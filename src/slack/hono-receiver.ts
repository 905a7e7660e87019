import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../log/logger.js";
import { throttled } from "../log/throttled.js";
import { checkSlackHeaders } from "./slack-request-headers.js";

/** Slack gives up on a request after 3 seconds; answer well before that even if a listener is slow to ack. */
const ACK_DEADLINE_MS = 2_500;

/**
 * Bolt's receiver for our one Hono server: `POST /slack/events` hands the Web `Request` here. It verifies
 * the signature and answers url_verification. An event gets its 200 once it is stored as a job, and a
 * command or button click as soon as its listener has stored its job and acked (that ack carries the
 * reply); the work itself runs from the job queue.
 */
export class HonoReceiver implements Receiver {
  private app: App | undefined;
  /** Anyone can send bad signatures: a flood of them writes a few lines a minute, not one per request. */
  private readonly warnRefused: Logger["warn"];

  constructor(
    private readonly options: {
      signingSecret: string;
      logger: Logger;
      ackDeadlineMs?: number;
      /**
       * Writes an Events API envelope down durably (as a job that hands it to Bolt later); Slack gets its
       * 200 once this resolves. Without it, Bolt's listeners run before the answer.
       */
      keepEvent?: (event: ReceiverEvent) => Promise<void>;
    },
  ) {
    this.warnRefused = throttled((message, context) => options.logger.warn(message, context), {
      limit: 10,
      windowMs: 60_000,
    });
  }

  init(app: App): void {
    this.app = app;
  }

  /** The HTTP server belongs to main.ts; the receiver has nothing to start or stop. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /**
   * The refusal for a request whose signature headers are missing, malformed, stale or dated in the
   * future, decided before its body is read; null when the body is worth reading.
   */
  refuseHeaders(request: Request): Response | null {
    const problem = checkSlackHeaders(request.headers, Date.now());
    if (problem === null) return null;
    this.warnRefused(`slack: refused a request: ${problem}`);
    return new Response(problem, { status: 401 });
  }

  async handle(request: Request): Promise<Response> {
    const refused = this.refuseHeaders(request);
    if (refused) return refused;
    const raw = await request.text();
    const valid = isValidSlackRequest({
      signingSecret: this.options.signingSecret,
      body: raw,
      headers: {
        "x-slack-signature": request.headers.get("x-slack-signature") ?? "",
        "x-slack-request-timestamp": Number(request.headers.get("x-slack-request-timestamp")),
      },
    });
    if (!valid) {
      this.warnRefused("slack: refused a request whose signature does not match its body");
      return new Response("invalid signature", { status: 401 });
    }
    const body = parseBody(raw, request.headers.get("content-type") ?? "");
    if (!body) return new Response("unreadable body", { status: 400 });
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });
    if (body.ssl_check) return new Response("", { status: 200 });
    const app = this.app;
    if (!app) return new Response("not ready", { status: 503 });
    const retryNum = numberHeader(request, "x-slack-retry-num");
    const retryReason = request.headers.get("x-slack-retry-reason") ?? undefined;

    // Slack gets its 200 once the event is stored (see src/jobs): acknowledged means durable, and the ack
    // costs one insert, as little as the in-memory queue it replaced. What could not be stored answers 500,
    // and Slack retries.
    if (body.type === "event_callback") {
      const event: ReceiverEvent = { body, retryNum, retryReason, customProperties: {}, ack: async () => {} };
      try {
        await (this.options.keepEvent ? this.options.keepEvent(event) : app.processEvent(event));
        return new Response("", { status: 200 });
      } catch {
        return new Response("the event could not be stored; please retry", { status: 500 });
      }
    }

    let resolveAck: (response: unknown) => void = () => {};
    const acked = new Promise<unknown>((resolve) => {
      resolveAck = resolve;
    });
    const event: ReceiverEvent = {
      body,
      retryNum,
      retryReason,
      customProperties: {},
      ack: async (response?: unknown) => {
        resolveAck(response ?? "");
      },
    };
    // The app's error handler has logged a listener's failure already.
    const processing = app.processEvent(event).catch(() => undefined);
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
