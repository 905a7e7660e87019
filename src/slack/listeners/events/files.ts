import type { App } from "@slack/bolt";
import { analyzeUpload, type SharedFile } from "../../flows/analyze-upload.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

type Shares = Partial<
  Record<"public" | "private", Record<string, Array<{ ts: string; thread_ts?: string }>>>
>;

/**
 * Slack announces an upload twice (file_shared, and a message with subtype file_share); both lead to the
 * same analysis, which runs once per file id. file_shared carries no message ts, so files.info supplies
 * the share the reply threads under.
 */
export function registerFileListeners(app: App, deps: SlackDeps): void {
  app.event("file_shared", async ({ event, client, context }) => {
    const info = await client.files.info({ file: event.file_id });
    const file = info.file as (SharedFile & { shares?: Shares }) | undefined;
    const share =
      file?.shares?.public?.[event.channel_id]?.[0] ?? file?.shares?.private?.[event.channel_id]?.[0];
    if (!file || !share) return;
    await analyzeUpload(deps, client, file, {
      channel: event.channel_id,
      threadTs: share.thread_ts ?? share.ts,
      user: event.user_id,
      workspace: workspaceOf(context),
    });
  });
}
