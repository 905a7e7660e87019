import { webApi } from "@slack/bolt";
import type { Logger } from "../log/logger.js";

/**
 * How the app's Web API clients talk to Slack: Slack's API or the emulator's, retried with backoff
 * (429s wait out Retry-After).
 */
export function slackClientOptions(apiUrl: string): webApi.WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true },
  };
}

/** The app's logger in the shape Bolt and its Web API client expect. */
export function clientLogger(logger: Logger): webApi.Logger {
  let level = webApi.LogLevel.INFO;
  const text = (parts: unknown[]) =>
    parts.map((part) => (typeof part === "string" ? part : JSON.stringify(part))).join(" ");
  return {
    debug: (...parts) => logger.debug(`bolt: ${text(parts)}`),
    info: (...parts) => logger.info(`bolt: ${text(parts)}`),
    warn: (...parts) => logger.warn(`bolt: ${text(parts)}`),
    error: (...parts) => logger.error(`bolt: ${text(parts)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
