import type { LiveDataResult } from "../../protocol.js";
import { type LiveBatch, liveBatch } from "./live-rows.js";
import { webhookSignatureHeaders } from "./webhook-signature.js";

export interface WebhookLiveDataOptions {
  /** The app's webhook, e.g. `http://127.0.0.1:3000/webhooks/ingest`. */
  url: string;
  /** `WEBHOOK_SECRET`: the batch is signed with it, as a workflow tool would sign it. */
  secret: string;
  /** The batch for the n-th press (1, 2, ...); by default today's figures up to 9 a.m., then an hour more each press. */
  batch?: (press: number, now: Date) => unknown;
  now?: () => Date;
}

/** The first press sends a morning's figures, so every campaign has enough volume to judge. */
function hoursFor(press: number): number {
  return Math.min(24, 8 + press);
}

function describeAnswer(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { accepted?: unknown; rejected?: unknown; error?: unknown };
    const count = (value: unknown) =>
      Array.isArray(value) ? value.length : typeof value === "number" ? value : undefined;
    const accepted = count(body.accepted);
    const rejected = count(body.rejected);
    if (accepted !== undefined) return `${accepted} accepted${rejected ? `, ${rejected} rejected` : ""}`;
    if (typeof body.error === "string") return `HTTP ${status}: ${body.error}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${status}`;
}

/**
 * `simulateLiveData` for the sandbox page: each press POSTs the next batch to the real webhook, signed
 * with the real secret, and reports what the webhook answered.
 */
export function webhookLiveData(options: WebhookLiveDataOptions): () => Promise<LiveDataResult> {
  const now = options.now ?? (() => new Date());
  const build =
    options.batch ?? ((press: number, at: Date) => liveBatch(at.toISOString().slice(0, 10), hoursFor(press)));
  let presses = 0;
  return async () => {
    presses += 1;
    const at = now();
    const batch = build(presses, at);
    const body = JSON.stringify(batch);
    const records = (batch as Partial<LiveBatch>).records?.length;
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...webhookSignatureHeaders(options.secret, body, at) },
        body,
      });
      const answer = describeAnswer(response.status, await response.text());
      const what =
        records === undefined ? "a batch" : `${records} rows (today up to hour ${hoursFor(presses)})`;
      return { ok: response.ok, summary: `Sent ${what} to the webhook: ${answer}.` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, summary: `The webhook at ${options.url} could not be reached (${reason}).` };
    }
  };
}
