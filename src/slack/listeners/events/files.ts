import type { App } from "@slack/bolt";
import { fileKey } from "../../../jobs/slack/slack-jobs.js";
import type { SlackDeps } from "../../slack-deps.js";
import { workspaceOf } from "../workspace-of.js";

/**
 * Slack announces an upload twice (file_shared, and a message with subtype file_share); both become the
 * same job, keyed by the file id, so the file is analysed once. The bot's own uploads (its charts) are
 * not read back.
 */
export function registerFileListeners(app: App, deps: SlackDeps): void {
  app.event("file_shared", async ({ event, context }) => {
    if (context.botUserId !== undefined && event.user_id === context.botUserId) return;
    await deps.jobs.enqueue(
      {
        kind: "analyze-upload",
        payload: {
          file: { id: event.file_id },
          place: {
            channel: event.channel_id,
            threadTs: null,
            user: event.user_id,
            workspace: workspaceOf(context),
          },
        },
      },
      fileKey(event.file_id),
    );
  });
}
