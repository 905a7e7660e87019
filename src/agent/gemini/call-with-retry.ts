import { ApiError } from "@google/genai";
import { GeminiFailure, type GeminiFailureReason } from "./gemini-failure.js";

export interface RetryPolicy {
  /** Attempts per model call, the first included. */
  attempts: number;
  /** First backoff; each retry doubles it. */
  baseDelayMs: number;
  /** Longest wait accepted, also when the server asks for longer (the person is waiting in Slack). */
  maxDelayMs: number;
  /** Each attempt is abandoned after this long. */
  callTimeoutMs: number;
}

export type Sleep = (ms: number) => Promise<void>;

const wait: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one model call with a timeout per attempt, retrying what may pass on its own (429, 408, 5xx,
 * timeouts, connection failures) with exponential backoff, or after the delay the server's RetryInfo
 * asks for. What cannot pass by retrying (400, 401, 403, 404) fails at once.
 */
export async function callWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep = wait,
): Promise<T> {
  let failure: GeminiFailure | null = null;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const signal = AbortSignal.timeout(policy.callTimeoutMs);
    try {
      return await call(signal);
    } catch (error) {
      const classified = classify(error, signal);
      failure = new GeminiFailure(classified.reason, classified.detail);
      if (!classified.retryable || attempt === policy.attempts) break;
      const delay = classified.retryAfterMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
      if (delay > policy.maxDelayMs) break;
      await sleep(delay);
    }
  }
  throw failure ?? new GeminiFailure("bad_response", "no attempt was made");
}

interface Classified {
  reason: GeminiFailureReason;
  retryable: boolean;
  detail: string;
  retryAfterMs?: number;
}

function classify(error: unknown, signal: AbortSignal): Classified {
  if (signal.aborted) return { reason: "timeout", retryable: true, detail: "the call timed out" };
  if (error instanceof ApiError) {
    const detail = `HTTP ${error.status}: ${apiMessage(error.message)}`;
    if (error.status === 429) {
      return { reason: "rate_limited", retryable: true, detail, retryAfterMs: retryDelayMs(error.message) };
    }
    if (error.status === 408 || error.status >= 500) {
      return { reason: "unavailable", retryable: true, detail, retryAfterMs: retryDelayMs(error.message) };
    }
    return { reason: "rejected", retryable: false, detail };
  }
  if (error instanceof TypeError) return { reason: "network", retryable: true, detail: error.message };
  return {
    reason: "bad_response",
    retryable: false,
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** The SDK puts the error body in the message: `{"error":{"code":429,"message":"...","details":[...]}}`. */
function parseBody(message: string): { message?: unknown; details?: unknown } | null {
  try {
    const body = JSON.parse(message) as { error?: { message?: unknown; details?: unknown } };
    return body.error ?? null;
  } catch {
    return null;
  }
}

function apiMessage(message: string): string {
  const text = parseBody(message)?.message;
  return typeof text === "string" ? text.slice(0, 300) : message.slice(0, 300);
}

/** google.rpc.RetryInfo's retryDelay ("27s", "0.5s"), in milliseconds. */
function retryDelayMs(message: string): number | undefined {
  const details = parseBody(message)?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = (detail as { retryDelay?: unknown })?.retryDelay;
    const match = typeof delay === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}
