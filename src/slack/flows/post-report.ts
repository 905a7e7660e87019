import type { webApi } from "@slack/bolt";
import { generateInsights, personalColumns, withheldRefusal } from "../../agent/index.js";
import { formatCount } from "../../format/format-figures.js";
import { mrkdwn } from "../../format/slack-text.js";
import { concatFactTables, dateRangeOf, type FactTable } from "../../ingest/index.js";
import { breakdown, MetricsError } from "../../metrics/index.js";
import { summarizePerformance } from "../../report/performance-summary.js";
import { type ReportRequest, ReportRequestError, resolvePeriod } from "../../report/report-request.js";
import { summaryCharts } from "../../report/summary-charts.js";
import type { StoredDataset, Workspace } from "../../store/index.js";
import { recentLiveFacts } from "../../store/recent-live-facts.js";
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
  const parts: FactTable[] = [];
  const sources: string[] = [];
  if (stored) {
    parts.push(stored.facts);
    sources.push(stored.record.name);
  }
  if (blend) {
    parts.push(blend.dataset.facts);
    sources.push(...blend.sources.map((source) => source.file));
  }
  if (live.rowCount > 0) {
    parts.push(live);
    sources.push(`live webhook data (${formatCount(live.rowCount)} rows)`);
  }
  if (parts.length === 0) {
    throw new ReportRequestError(
      "there is no data in this channel yet: drop an ad export (CSV) here first, then run `/report`",
    );
  }
  const facts = parts.length === 1 ? (parts[0] as FactTable) : concatFactTables(parts);
  const range = dateRangeOf(facts);
  if (request.period && !range)
    throw new ReportRequestError(
      "this data has no dates, so it cannot be cut by period: try `/report` alone",
    );
  const period = request.period && range ? resolvePeriod(request.period, range.to) : undefined;
  if (period && range && (period.to < range.from || period.from > range.to))
    throw new ReportRequestError(
      `${period.from} to ${period.to} has no rows: the data covers ${range.from} to ${range.to}`,
    );
  if (request.by) checkDimension(facts, request.by);

  const summary = summarizePerformance(facts, {
    period,
    dimension: request.by ?? undefined,
    statedPeriod: stored?.record.receipt.dateRange,
  });
  const currency = blend?.dataset.receipt.currency ?? stored?.record.receipt.currency ?? null;
  // The narrative may be written by the model: a breakdown by a personal column (`/report by email`)
  // would hand it every value, so it gets the totals only.
  const leaders = summary.leaders;
  const shareLeaders =
    leaders && withheldRefusal(leaders.dimension, personalColumns(facts)) === null ? leaders : null;
  const narrative = await generateInsights(
    {
      source: { file: sources.join(" + "), currency, dateRange: summary.period },
      totals: summary.figures,
      ...(shareLeaders
        ? {
            breakdown: breakdown(facts, shareLeaders.dimension, {
              filter: period ? { dateRange: period } : undefined,
              limit: 15,
            }),
            by: shareLeaders.dimension,
          }
        : {}),
    },
    { config: deps.config, nextActionsOnly: true },
  );
  const posted = await client.chat.postMessage({
    channel: place.channel,
    text: mrkdwn`Performance report: ${sources.join(" + ")}`,
    blocks: [
      ...reportBlocks({ sources, summary, currency, narrative, requestedBy: place.user, ...delivery }),
      ...blendNoteBlocks(blend?.notes ?? []),
      ...(await targetBlocks(deps, place, { facts, currency })),
    ],
  });
  const threadTs = posted.ts as string;
  if (stored) await deps.store.bindThread(place.channel, threadTs, stored.record.id, place.workspace);
  const charts = await summaryCharts(facts, summary, {
    source: sources.join(" + "),
    dateRange: summary.period,
    currency,
  });
  await uploadCharts(deps, client, charts, { channel: place.channel, threadTs });
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

function checkDimension(facts: FactTable, dimension: string): void {
  try {
    breakdown(facts, dimension, { limit: 1 });
  } catch (error) {
    if (!(error instanceof MetricsError)) throw error;
    if (!error.message.startsWith("unknown dimension")) throw new ReportRequestError(error.message);
    const available = Object.keys(facts.dimensions);
    throw new ReportRequestError(
      available.length > 0
        ? `this data has no ${dimension} column: it can be broken down by ${available.join(", ")}`
        : `this data has no ${dimension} column, nor any other to break it down by: try \`/report\` alone`,
    );
  }
}
