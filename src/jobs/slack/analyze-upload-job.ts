import type { webApi } from "@slack/bolt";
import { analyzeUpload, type SharedFile } from "../../slack/flows/analyze-upload.js";
import type { SlackDeps } from "../../slack/slack-deps.js";
import type { UploadJob } from "./slack-jobs.js";

type Shares = Partial<
  Record<"public" | "private", Record<string, Array<{ ts: string; thread_ts?: string }>>>
>;

/**
 * An upload: file_shared names only the file, so files.info supplies it and the share the reply threads
 * under; a message with the file carries both.
 */
export async function analyzeUploadJob(
  deps: SlackDeps,
  client: webApi.WebClient,
  job: UploadJob,
): Promise<void> {
  const { place } = job;
  if ("name" in job.file && place.threadTs) {
    await analyzeUpload(deps, client, job.file, { ...place, threadTs: place.threadTs });
    return;
  }
  const info = await client.files.info({ file: job.file.id });
  const file = info.file as (SharedFile & { shares?: Shares }) | undefined;
  const share = file?.shares?.public?.[place.channel]?.[0] ?? file?.shares?.private?.[place.channel]?.[0];
  if (!file || !share) return;
  await analyzeUpload(deps, client, file, { ...place, threadTs: share.thread_ts ?? share.ts });
}
