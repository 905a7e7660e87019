import { webApi } from "@slack/bolt";
import type { Logger } from "../log/logger.js";

export interface RetryOptions {
  /** Tries in all, the first included; 4 by default. */
  attempts?: number;
  /** Wait before the second try, doubled for each next one; 500 ms by default. */
  baseDelayMs?: number;
}

/** Slack answers these when the fault is on its side and a later try may work. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

/** Whether trying again could help: network failures, 5xx and 429, and Slack's own transient errors. */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (code === webApi.ErrorCode.RequestError || code === webApi.ErrorCode.RateLimitedError) return true;
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as { statusCode?: number }).statusCode ?? 0;
    return status >= 500 || status === 429;
  }
  if (code === webApi.ErrorCode.PlatformError) {
    return TRANSIENT_PLATFORM_ERRORS.has((error as { data?: { error?: string } }).data?.error ?? "");
  }
  return false;
}

/** Slack's error code (e.g. "channel_not_found"), or the error's message: safe to log, never a token. */
export function slackErrorCode(error: unknown): string {
  const platform = (error as { data?: { error?: unknown } })?.data?.error;
  if (typeof platform === "string") return platform;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a Slack call, retrying transient failures with exponential backoff (on top of the WebClient's own
 * handling of rate limits), and logs every failure with what was being done and where.
 */
export async function withSlackRetry<T>(
  action: string,
  context: Record<string, unknown>,
  call: () => Promise<T>,
  logger: Logger,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const details = { ...context, attempt, attempts, error: slackErrorCode(error) };
      if (attempt >= attempts || !isTransient(error)) {
        logger.error(`Slack ${action} failed for good`, details);
        throw error;
      }
      const delayMs = baseDelayMs * 2 ** (attempt - 1);
      logger.warn(`Slack ${action} failed, retrying in ${delayMs} ms`, details);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
