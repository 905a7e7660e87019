import type { webApi } from "@slack/bolt";
import { exampleQuestions } from "../../agent/index.js";
import { mrkdwn } from "../../format/slack-text.js";
import { analyzeExport, type Dataset, IngestError } from "../../ingest/index.js";
import { summarizePerformance } from "../../report/performance-summary.js";
import { summaryCharts } from "../../report/summary-charts.js";
import type { Workspace } from "../../store/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { analysisBlocks, analysisFallbackText } from "../views/analysis-blocks.js";
import { context, section } from "../views/block-kit.js";
import { DownloadError, downloadFile, downloadPolicy } from "./download-file.js";
import { describeFailure, failureForPeople } from "./slack-failure.js";
import { uploadCharts } from "./upload-charts.js";

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
 * its thread with the reading in one line, the KPIs and charts. Progress shows in place; a file we cannot
 * read gets the reason in plain words. Each file is analysed once, however often Slack tells us about it:
 * its job is keyed by the file id, and a rerun after a crash finishes the progress message it had started.
 */
export async function analyzeUpload(
  deps: SlackDeps,
  client: webApi.WebClient,
  file: SharedFile,
  place: UploadPlace,
): Promise<void> {
  if (!isTabularFile(file)) return;
  const { channel, threadTs } = place;
  const progress = await client.chat.postMessage({
    channel,
    thread_ts: threadTs,
    text: mrkdwn`Reading ${file.name}…`,
    blocks: [section(mrkdwn`⏳ Reading *${file.name}*…`)],
  });
  const progressTs = progress.ts as string;
  const update = (text: string, blocks: ReturnType<typeof section>[]) =>
    // chat.update parses text the way clients do unless told not to (chat.postMessage does not by default).
    client.chat.update({ channel, ts: progressTs, text, blocks, parse: "none" });
  try {
    const url = file.url_private_download ?? file.url_private;
    if (!url) throw new DownloadError("Slack sent no download link for the file");
    const bytes = await downloadFile(url, deps.botToken, file.size, downloadPolicy(deps.config));
    const dataset = await analyzeExport({ bytes, name: file.name });
    await update(mrkdwn`Analysing ${file.name}…`, [
      section(
        mrkdwn`⏳ Analysing *${file.name}*: ${dataset.receipt.rows.toLocaleString("en-US")} rows read…`,
      ),
    ]);
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
    await replyWithAnalysis(deps, client, dataset, { channel, threadTs, progressTs });
    deps.logger.info("slack: analysed an upload", { channel, file: file.id, rows: dataset.receipt.rows });
  } catch (error) {
    if (error instanceof IngestError || error instanceof DownloadError) {
      await update(mrkdwn`I couldn't read ${file.name}`, [
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
    await update(mrkdwn`Something went wrong with ${file.name}`, [
      section(
        mrkdwn`⚠️ Something went wrong while analysing *${file.name}* (${failureForPeople(error)}). Please try again.`,
      ),
    ]).catch(() => undefined);
  }
}

async function replyWithAnalysis(
  deps: SlackDeps,
  client: webApi.WebClient,
  dataset: Dataset,
  place: { channel: string; threadTs: string; progressTs: string },
): Promise<void> {
  const summary = summarizePerformance(dataset.facts, { statedPeriod: dataset.receipt.dateRange });
  await client.chat.update({
    channel: place.channel,
    ts: place.progressTs,
    text: analysisFallbackText(dataset),
    blocks: analysisBlocks(dataset, summary, exampleQuestions(dataset)),
    parse: "none",
  });
  const charts = await summaryCharts(dataset.facts, summary, {
    source: dataset.receipt.file,
    dateRange: summary.period,
    currency: dataset.receipt.currency,
  });
  await uploadCharts(deps, client, charts, { channel: place.channel, threadTs: place.threadTs });
}
