import type { webApi } from "@slack/bolt";
import { generateInsights } from "../../agent/index.js";
import { formatCount } from "../../format/format-figures.js";
import { mrkdwn } from "../../format/slack-text.js";
import { type FactTable, workOnDataset } from "../../ingest/index.js";
import { type ReportFigures, reportFiguresFollowUp } from "../../report/report-figures.js";
import { type ReportRequest, ReportRequestError } from "../../report/report-request.js";
import type { StoredDataset, Workspace } from "../../store/index.js";
import { recentLiveFacts } from "../../store/recent-live-facts.js";
import type { TargetRecord } from "../../targets/index.js";
import { BlendError, type WorkspaceView } from "../../workspace-view/index.js";
import type { SlackDeps } from "../slack-deps.js";
import { blendNoteBlocks } from "../views/blend-notes.js";
import { type ReportView, reportBlocks } from "../views/report-blocks.js";
import { channelView } from "./channel-view.js";
import { targetBlocks } from "./target-blocks.js";
import { uploadCharts } from "./upload-charts.js";

/**
 * `/report`: the channel's latest dataset (or the one named), plus live webhook data, summarised for the
 * requested period: KPIs with deltas, best and worst performers, unusual days, a narrative, two charts.
 * Throws ReportRequestError with a message for the user when the request cannot be met.
 */
export async function postReport(
  deps: SlackDeps,
  client: webApi.WebClient,
  request: ReportRequest,
  place: { channel: string; user: string; workspace: Workspace },
  delivery: Pick<ReportView, "note" | "scheduleValue"> = {},
): Promise<void> {
  const blend = await wholeChannel(deps, place, request.dataset);
  const stored = blend ? null : await pickDataset(deps, place, request.dataset);
  const live = await recentLiveFacts(deps.store, place.workspace);
  const sources: string[] = [];
  if (stored) sources.push(stored.record.name);
  if (blend) sources.push(...blend.sources.map((source) => source.file));
  if (live.rowCount > 0) sources.push(`live webhook data (${formatCount(live.rowCount)} rows)`);
  if (!stored && !blend && live.rowCount === 0) {
    throw new ReportRequestError(
      "there is no data in this channel yet: drop an ad export (CSV) here first, then run `/report`",
    );
  }
  const { figures, targets } = await figuresOf(deps, place, { stored, blend, live, sources, request });
  if ("refusal" in figures) throw new ReportRequestError(figures.refusal);
  const { summary, shared, charts } = figures;
  const currency = blend?.dataset.receipt.currency ?? stored?.record.receipt.currency ?? null;
  const narrative = await generateInsights(
    {
      source: { file: sources.join(" + "), currency, dateRange: summary.period },
      totals: summary.figures,
      ...(shared ?? {}),
    },
    { config: deps.config, nextActionsOnly: true },
  );
  const posted = await client.chat.postMessage({
    channel: place.channel,
    text: mrkdwn`Performance report: ${sources.join(" + ")}`,
    blocks: [
      ...reportBlocks({ sources, summary, currency, narrative, requestedBy: place.user, ...delivery }),
      ...blendNoteBlocks(blend?.notes ?? []),
      ...targetBlocks(targets, figures.pacing, currency),
    ],
  });
  const threadTs = posted.ts as string;
  if (stored) await deps.store.bindThread(place.channel, threadTs, stored.record.id, place.workspace);
  await uploadCharts(deps, client, charts, { channel: place.channel, threadTs });
}

/**
 * The report's figures, worked out in a parse worker (report-figures.ts): the stored dataset's or blend's
 * columns move there and back without a copy, with the live rows and the channel's targets.
 */
async function figuresOf(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
  data: {
    stored: StoredDataset | null;
    blend: WorkspaceView | null;
    live: FactTable;
    sources: string[];
    request: ReportRequest;
  },
): Promise<{ figures: ReportFigures; targets: TargetRecord[] }> {
  const { stored, blend, live } = data;
  const main = stored ?? blend?.dataset ?? { facts: live };
  const hasLive = live.rowCount > 0 && main.facts !== live;
  const targets = await deps.targets.list(place.channel, place.workspace);
  const { result } = await workOnDataset<ReportFigures>(
    { facts: main.facts },
    reportFiguresFollowUp({
      request: data.request,
      live: hasLive ? live : null,
      statedPeriod: stored?.record.receipt.dateRange,
      sources: data.sources,
      currency: blend?.dataset.receipt.currency ?? stored?.record.receipt.currency ?? null,
      targets,
    }),
  );
  // A Buffer crosses threads as a plain Uint8Array.
  const figures =
    "refusal" in result
      ? result
      : { ...result, charts: result.charts.map((chart) => ({ ...chart, png: Buffer.from(chart.png) })) };
  return { figures, targets };
}

/** `/report all`: every export of the channel blended, with platform and source file as dimensions. */
async function wholeChannel(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
  name: string | null,
): Promise<WorkspaceView | null> {
  if (!name || !/^(?:all|all exports|everything|blended?)$/i.test(name.trim())) return null;
  try {
    const view = await channelView(deps, place);
    if (!view)
      throw new ReportRequestError(
        "there are no exports in this channel yet: drop an ad export (CSV) here first",
      );
    return view;
  } catch (error) {
    if (error instanceof BlendError)
      throw new ReportRequestError(error.message.replace(/--rate (\S+)/g, "a rate for $1"));
    throw error;
  }
}

async function pickDataset(
  deps: SlackDeps,
  place: { channel: string; workspace: Workspace },
  name: string | null,
): Promise<StoredDataset | null> {
  const { channel, workspace } = place;
  if (!name) return deps.store.latestDataset(channel, workspace);
  const records = await deps.store.listDatasets({ channel, workspace, limit: 50 });
  const wanted = name.toLowerCase();
  const match =
    records.find((record) => record.name.toLowerCase() === wanted) ??
    records.find((record) => record.name.toLowerCase().includes(wanted));
  if (!match) {
    const known = records.map((record) => record.name).slice(0, 5);
    throw new ReportRequestError(
      `"${name}" is neither a period nor a dataset in this channel${known.length > 0 ? ` (datasets here: ${known.join(", ")})` : ""}`,
    );
  }
  return deps.store.getDataset(match.id, workspace);
}
