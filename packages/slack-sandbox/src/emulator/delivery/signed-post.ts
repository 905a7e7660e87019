import { performance } from "node:perf_hooks";
import type { DeliveryOutcome } from "../store/model.js";
import { signedHeaders } from "./signing.js";

export interface SignedPost {
  url: string;
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded";
  signingSecret: string;
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Aborted when the emulator closes. */
  signal: AbortSignal;
}

export interface PostResult {
  outcome: DeliveryOutcome;
  status?: number;
  body?: string;
  noRetry: boolean;
  latencyMs: number;
}

/**
 * One signed POST to the app, the way Slack makes it: the app must answer 2xx (body included)
 * within the timeout or the attempt counts as failed.
 */
export async function signedPost(post: SignedPost): Promise<PostResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(post.timeoutMs);
  const signal = AbortSignal.any([timeout, post.signal]);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(post.url, {
      method: "POST",
      headers: {
        // Bolt compares the content type exactly, so no charset parameter.
        "Content-Type": post.contentType,
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        ...signedHeaders(post.signingSecret, post.body),
        ...post.headers,
      },
      body: post.body,
      signal,
    });
    const body = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    return {
      outcome: ok ? "acked" : "http_error",
      status: response.status,
      body,
      noRetry: response.headers.get("x-slack-no-retry") === "1",
      latencyMs: elapsed(),
    };
  } catch {
    const timedOut = timeout.aborted && !post.signal.aborted;
    return { outcome: timedOut ? "http_timeout" : "connection_failed", noRetry: false, latencyMs: elapsed() };
  }
}
