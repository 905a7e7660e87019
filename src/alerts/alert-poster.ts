import type { webApi } from "@slack/bolt";
import type { Logger } from "../log/logger.js";
import type { Workspace } from "../store/index.js";
import type { SlackMessage } from "./alert-message.js";
import { type RetryOptions, withSlackRetry } from "./slack-retry.js";

export interface ChartUpload {
  channel: string;
  /** The rule's workspace: its bot token posts there. */
  workspace?: Workspace;
  threadTs: string;
  png: Buffer;
  filename: string;
  title: string;
  altText: string;
}

/** Where alerts go: Slack in production and tests (through the emulator); any channel-like sink in principle. */
export interface AlertPoster {
  /** Posts a message (in a thread when `threadTs` is given) and returns its ts. */
  postMessage(
    message: SlackMessage & { channel: string; threadTs?: string; workspace?: Workspace },
  ): Promise<string>;
  uploadPng(upload: ChartUpload): Promise<void>;
}

/** The client that posts in a workspace: one for all (SLACK_BOT_TOKEN), or each installation's own. */
export type AlertClients =
  | webApi.WebClient
  | ((workspace: Workspace | undefined) => Promise<webApi.WebClient>);

/** An AlertPoster on the Slack app's WebClient (or each workspace's), with retries and logged failures. */
export function slackAlertPoster(
  clients: AlertClients,
  options: RetryOptions & { logger?: Logger } = {},
): AlertPoster {
  const logger = options.logger ?? console;
  const clientOf = typeof clients === "function" ? clients : async () => clients;
  return {
    async postMessage({ channel, threadTs, text, blocks, workspace }) {
      const client = await clientOf(workspace);
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
    async uploadPng({ channel, threadTs, png, filename, title, altText, workspace }) {
      const client = await clientOf(workspace);
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
