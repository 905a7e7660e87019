import type { webApi } from "@slack/bolt";
import { formatCount } from "../../format/format-figures.js";
import { mrkdwn } from "../../format/slack-text.js";
import { type Dataset, IngestError } from "../../ingest/index.js";
import type { Workspace } from "../../store/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { analysisBlocks, analysisFallbackText } from "../views/analysis-blocks.js";
import { type Block, context, section } from "../views/block-kit.js";
import { DownloadError, downloadFile, downloadPolicy } from "./download-file.js";
import { describeFailure, failureForPeople } from "./slack-failure.js";
import { readUpload, type UploadAnalysis } from "./upload-analysis.js";
import { uploadCharts } from "./upload-charts.js";
import { clearWorking, showWorking } from "./working-status.js";

export interface SharedFile {
  id: string;
  name: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export interface UploadPlace {
  channel: string;
  /** The message the file came with: the analysis replies in its thread. */
  threadTs: string;
  user: string | null;
  workspace: Workspace;
}

const TABULAR_TYPES = new Set(["csv", "tsv", "text", "xlsx", "xls"]);

/**
 * CSV-like files and Excel workbooks are analysed (a legacy .xls gets the reason it cannot be read, not
 * silence); images (our own charts among them), PDFs and the rest are left alone.
 */
export function isTabularFile(file: SharedFile): boolean {
  return (
    TABULAR_TYPES.has(file.filetype ?? "") ||
    /\.(csv|tsv|txt|xlsx|xls)$/i.test(file.name) ||
    /^(text\/(csv|tab-separated-values|plain)|application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.sheet|ms-excel))/.test(
      file.mimetype ?? "",
    )
  );
}

/**
 * A CSV shared in a channel or DM: download it, read it, store it as that channel's dataset, and reply in
 * its thread with the reading in one line, the KPIs and charts. Progress shows as the thread's status, and
 * the reply is posted once, final (never a progress message edited into it); a file we cannot read gets the
 * reason in plain words. Each file is analysed once, however often Slack tells us about it: its job is keyed
 * by the file id, and its posts are once-only steps, so a rerun after a crash posts what the first run did not.
 */
export async function analyzeUpload(
  deps: SlackDeps,
  client: webApi.WebClient,
  file: SharedFile,
  place: UploadPlace,
): Promise<void> {
  if (!isTabularFile(file)) return;
  const { channel, threadTs } = place;
  const reply = (text: string, blocks: Block[]) =>
    client.chat.postMessage({ channel, thread_ts: threadTs, text, blocks });
  await showWorking(deps, client, place, `is reading ${file.name}…`);
  try {
    const url = file.url_private_download ?? file.url_private;
    if (!url) throw new DownloadError("Slack sent no download link for the file");
    // The job's client carries the bot token of the workspace the file was shared in.
    const bytes = await downloadFile(url, client.token ?? "", file.size, downloadPolicy(deps.config));
    const { dataset, analysis } = await readUpload({ bytes, name: file.name });
    await showWorking(
      deps,
      client,
      place,
      `is analysing ${file.name}: ${formatCount(dataset.receipt.rows)} rows read…`,
    );
    const saved = await deps.store.saveDataset({
      team: place.workspace.team,
      enterprise: place.workspace.enterprise,
      channel,
      threadTs,
      fileId: file.id,
      name: file.name,
      uploadedBy: place.user,
      receipt: dataset.receipt,
      totalsCheck: dataset.totalsCheck,
      facts: dataset.facts,
    });
    await deps.store.bindThread(channel, threadTs, saved.record.id, place.workspace);
    await replyWithAnalysis(deps, client, dataset, analysis, { channel, threadTs });
    deps.logger.info("slack: analysed an upload", { channel, file: file.id, rows: dataset.receipt.rows });
  } catch (error) {
    if (error instanceof IngestError || error instanceof DownloadError) {
      await reply(mrkdwn`I couldn't read ${file.name}`, [
        section(mrkdwn`⚠️ I couldn't read *${file.name}*: ${error.message}.`),
        context(["Nothing was stored. Export the report again as CSV or .xlsx and drop it here."]),
      ]);
      return;
    }
    deps.logger.error("slack: analysing an upload failed", {
      channel,
      file: file.id,
      error: describeFailure(error),
    });
    await reply(mrkdwn`Something went wrong with ${file.name}`, [
      section(
        mrkdwn`⚠️ Something went wrong while analysing *${file.name}* (${failureForPeople(error)}). Please try again.`,
      ),
    ]).catch(() => undefined);
  } finally {
    await clearWorking(deps, client, place);
  }
}

async function replyWithAnalysis(
  deps: SlackDeps,
  client: webApi.WebClient,
  dataset: Dataset,
  { summary, questions, charts }: UploadAnalysis,
  place: { channel: string; threadTs: string },
): Promise<void> {
  await client.chat.postMessage({
    channel: place.channel,
    thread_ts: place.threadTs,
    text: analysisFallbackText(dataset),
    blocks: analysisBlocks(dataset, summary, questions),
  });
  await uploadCharts(deps, client, charts, { channel: place.channel, threadTs: place.threadTs });
}
