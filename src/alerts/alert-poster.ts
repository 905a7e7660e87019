import type { webApi } from "@slack/bolt";
import type { Logger } from "../log/logger.js";
import type { SlackMessage } from "./alert-message.js";
import { type RetryOptions, withSlackRetry } from "./slack-retry.js";

export interface ChartUpload {
  channel: string;
  threadTs: string;
  png: Buffer;
  filename: string;
  title: string;
  altText: string;
}

/** Where alerts go: Slack in production and tests (through the emulator); any channel-like sink in principle. */
export interface AlertPoster {
  /** Posts a message (in a thread when `threadTs` is given) and returns its ts. */
  postMessage(message: SlackMessage & { channel: string; threadTs?: string }): Promise<string>;
  uploadPng(upload: ChartUpload): Promise<void>;
}

/** An AlertPoster on the Slack app's own WebClient, with retries and logged failures. */
export function slackAlertPoster(
  client: webApi.WebClient,
  options: RetryOptions & { logger?: Logger } = {},
): AlertPoster {
  const logger = options.logger ?? console;
  return {
    async postMessage({ channel, threadTs, text, blocks }) {
      const result = await withSlackRetry(
        "chat.postMessage",
        { channel, threadTs },
        () =>
          client.chat.postMessage({ channel, text, blocks, ...(threadTs ? { thread_ts: threadTs } : {}) }),
        logger,
        options,
      );
      if (!result.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return result.ts;
    },
    async uploadPng({ channel, threadTs, png, filename, title, altText }) {
      await withSlackRetry(
        "files.uploadV2",
        { channel, threadTs, filename },
        () =>
          client.files.uploadV2({
            channel_id: channel,
            thread_ts: threadTs,
            file: png,
            filename,
            title,
            alt_text: altText,
          }),
        logger,
        options,
      );
    },
  };
}
