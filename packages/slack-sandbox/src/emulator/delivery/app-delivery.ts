import { setTimeout as sleep } from "node:timers/promises";
import type { EmulatorConfig } from "../config.js";
import type { DeliveryAttempt, DeliveryKind } from "../store/model.js";
import type { WorkspaceStore } from "../store/workspace-store.js";
import { type PostResult, signedPost } from "./signed-post.js";

type RetryReason = NonNullable<DeliveryAttempt["retryReason"]>;

export interface InteractionResult extends PostResult {
  /** False when no request URL is configured (nothing was sent). */
  sent: boolean;
}

/**
 * Everything the emulator sends to the app's request URL: signed, timed, recorded, and for events
 * retried the way Slack retries them.
 */
export class AppDelivery {
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly store: WorkspaceStore,
    private readonly config: EmulatorConfig,
  ) {}

  /** Starts delivering an Events API envelope; `idle()` resolves once every attempt is over. */
  deliverEvent(envelope: Record<string, unknown>, eventId: string, label: string): void {
    this.track(this.runEvent(JSON.stringify(envelope), eventId, label));
  }

  /** A slash command or interaction: one attempt, no retries (Slack shows the user an error instead). */
  async sendForm(
    kind: DeliveryKind,
    label: string,
    id: string,
    form: URLSearchParams,
  ): Promise<InteractionResult> {
    const run = this.attempt(kind, label, id, form.toString(), "application/x-www-form-urlencoded", 1);
    this.track(run);
    const result = await run;
    return result ?? { sent: false, outcome: "connection_failed", noRetry: false, latencyMs: 0 };
  }

  /** Slack's `url_verification` handshake. */
  async verifyUrl(challenge: string): Promise<InteractionResult> {
    const body = JSON.stringify({
      token: this.config.verificationToken,
      challenge,
      type: "url_verification",
    });
    const result = await this.attempt(
      "url_verification",
      "url_verification",
      challenge,
      body,
      "application/json",
      1,
    );
    return result ?? { sent: false, outcome: "connection_failed", noRetry: false, latencyMs: 0 };
  }

  /** Resolves when no delivery is in flight (retries waiting for their turn included). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  close(): void {
    this.closing.abort();
  }

  private track(work: Promise<unknown>): void {
    this.inflight.add(work);
    const settled = () => {
      this.inflight.delete(work);
    };
    work.then(settled, settled);
  }

  private async runEvent(body: string, eventId: string, label: string): Promise<void> {
    let reason: RetryReason | undefined;
    const delays = this.config.retryDelaysMs;
    for (let retry = 0; retry <= delays.length; retry++) {
      if (retry > 0) {
        const waited = await sleep(delays[retry - 1] ?? 0, true, { signal: this.closing.signal }).catch(
          () => false,
        );
        if (!waited) return;
      }
      const headers: Record<string, string> = reason
        ? { "X-Slack-Retry-Num": String(retry), "X-Slack-Retry-Reason": reason }
        : {};
      const result = await this.attempt(
        "event",
        label,
        eventId,
        body,
        "application/json",
        retry + 1,
        headers,
        reason,
      );
      if (!result || result.outcome === "acked" || result.noRetry || this.closing.signal.aborted) return;
      reason = result.outcome;
    }
  }

  private async attempt(
    kind: DeliveryKind,
    label: string,
    id: string,
    body: string,
    contentType: "application/json" | "application/x-www-form-urlencoded",
    attempt: number,
    headers: Record<string, string> = {},
    retryReason?: RetryReason,
  ): Promise<InteractionResult | undefined> {
    const url = this.config.requestUrl;
    if (!url || this.closing.signal.aborted) return undefined;
    const result = await signedPost({
      url,
      body,
      contentType,
      signingSecret: this.config.signingSecret,
      timeoutMs: this.config.ackTimeoutMs,
      headers,
      signal: this.closing.signal,
    });
    if (this.closing.signal.aborted) return { ...result, sent: true };
    const record: DeliveryAttempt = {
      kind,
      id,
      label,
      attempt,
      url,
      outcome: result.outcome,
      latencyMs: result.latencyMs,
      at: Date.now(),
    };
    if (retryReason) record.retryReason = retryReason;
    if (result.status !== undefined) record.status = result.status;
    if (kind !== "event" && result.body) record.responseBody = result.body;
    this.store.recordDelivery(record);
    return { ...result, sent: true };
  }
}
