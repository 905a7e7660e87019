import { personalColumns, withheldRefusal } from "../agent/index.js";
import { currentReader, type Reader, withReader } from "../format/reader-locale.js";
import {
  concatFactTables,
  type DateRange,
  dateRangeOf,
  type FactsOf,
  type FactTable,
  type FollowUp,
} from "../ingest/index.js";
import { type BreakdownRow, breakdown, MetricsError } from "../metrics/index.js";
import type { TargetRecord } from "../targets/index.js";
import { pacingLine } from "../targets/index.js";
import { type PerformanceSummary, summarizePerformance } from "./performance-summary.js";
import { type ReportRequest, resolvePeriod } from "./report-request.js";
import { type SummaryChart, summaryCharts } from "./summary-charts.js";

/** What a report is worked out from, besides its main data (a stored dataset, a blend, or live rows alone). */
export interface ReportWork {
  request: ReportRequest;
  /** Live webhook rows to add to the main data, when there are any besides it. */
  live: FactTable | null;
  /** The period the stored export's title line names, if any. */
  statedPeriod: DateRange | null | undefined;
  sources: string[];
  currency: string | null;
  /** The channel's targets, each paced on the report's data. */
  targets: TargetRecord[];
}

/** The report's figures, or why the request cannot be met (said to the person as a ReportRequestError). */
export type ReportFigures =
  | { refusal: string }
  | {
      summary: PerformanceSummary;
      /** The leaders' breakdown the narrative may see: none when it would hand a model personal values. */
      shared: { breakdown: BreakdownRow[]; by: string } | null;
      /** One line per target: its pacing on this data. */
      pacing: string[];
      charts: SummaryChart[];
    };

/**
 * The report's figures from its data, on whichever thread runs it: on millions of rows the summary and
 * charts take seconds of CPU, so the Slack flow runs this in a parse worker (reportFiguresFollowUp).
 */
export async function reportFigures(main: FactTable, work: ReportWork): Promise<ReportFigures> {
  const { request } = work;
  const facts = work.live ? concatFactTables([main, work.live]) : main;
  const range = dateRangeOf(facts);
  if (request.period && !range)
    return { refusal: "this data has no dates, so it cannot be cut by period: try `/report` alone" };
  const period = request.period && range ? resolvePeriod(request.period, range.to) : undefined;
  if (period && range && (period.to < range.from || period.from > range.to))
    return {
      refusal: `${period.from} to ${period.to} has no rows: the data covers ${range.from} to ${range.to}`,
    };
  const unknown = request.by ? dimensionRefusal(facts, request.by) : null;
  if (unknown) return { refusal: unknown };

  const summary = summarizePerformance(facts, {
    period,
    dimension: request.by ?? undefined,
    statedPeriod: work.statedPeriod ?? undefined,
  });
  // The narrative may be written by the model: a breakdown by a personal column (`/report by email`)
  // would hand it every value, so it gets the totals only.
  const leaders = summary.leaders;
  const shared =
    leaders && withheldRefusal(leaders.dimension, personalColumns(facts)) === null
      ? {
          breakdown: breakdown(facts, leaders.dimension, {
            filter: period ? { dateRange: period } : undefined,
            limit: 15,
          }),
          by: leaders.dimension,
        }
      : null;
  const pacing = work.targets.map((target) => pacingLine(target, { facts, currency: work.currency }));
  const charts = await summaryCharts(facts, summary, {
    source: work.sources.join(" + "),
    dateRange: summary.period,
    currency: work.currency,
  });
  return { summary, shared, pacing, charts };
}

function dimensionRefusal(facts: FactTable, dimension: string): string | null {
  try {
    breakdown(facts, dimension, { limit: 1 });
    return null;
  } catch (error) {
    if (!(error instanceof MetricsError)) throw error;
    if (!error.message.startsWith("unknown dimension")) return error.message;
    const available = Object.keys(facts.dimensions);
    return available.length > 0
      ? `this data has no ${dimension} column: it can be broken down by ${available.join(", ")}`
      : `this data has no ${dimension} column, nor any other to break it down by: try \`/report\` alone`;
  }
}

/** The follow-up a parse worker runs to work out a report for the reader of the work in progress. */
export function reportFiguresFollowUp(work: ReportWork): FollowUp {
  return { module: import.meta.url, input: { reader: currentReader(), work } };
}

/** The parse worker's side (FollowUp): the report's figures, written for the reader the work was for. */
export function followUp(data: FactsOf, input: unknown): Promise<ReportFigures> {
  const { reader, work } = input as { reader: Reader; work: ReportWork };
  return withReader(reader, () => reportFigures(data.facts, work));
}
