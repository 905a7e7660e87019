import { literalMarkdown } from "../../format/slack-markdown.js";
import type { Dataset } from "../../ingest/index.js";
import { isLowerBetter, type Metric } from "../../metrics/index.js";
import type { ToolCallRecord } from "../tool-runner.js";
import type { JsonObject } from "../tools/tool.js";
import { exampleQuestions, writeDescription, writeHelp } from "./answer-describe.js";
import { writeBreakdown, writeTotals } from "./answer-figures.js";
import { writeOtherMeasures } from "./answer-other-measures.js";
import { writeRanking, writeRecommendation } from "./answer-ranking.js";
import { writeAnomalies, writeComparison, writeExplanation, writeTrend } from "./answer-time.js";
import { writeChangeVerdict, writeVerdict } from "./answer-verdict.js";
import type { Wording } from "./answer-wording.js";
import type { ParsedQuestion } from "./question-parser.js";

/**
 * The offline answer from the tool results, in the style asked of Gemini: the answer first, the figures
 * formatted in the data's currency, the period and filters stated. A call that failed is answered with
 * its message, which names what the data lacks or what would work; a call the planner got wrong is not
 * the person's to fix, so they are asked to rephrase instead.
 */
export function writeAnswer(
  parsed: ParsedQuestion,
  records: readonly ToolCallRecord[],
  dataset: Dataset,
  notes: readonly string[],
): string {
  const wording: Wording = { currency: dataset.receipt.currency };
  const chart =
    parsed.intent === "chart" ? records.find((record) => record.name === "render_chart") : undefined;
  const data = records.filter((record) => record !== chart);
  const failed = data.find((record) => !record.ok);
  if (failed) {
    const examples = exampleQuestions(dataset).map((question) => `- “${question}”`);
    return [
      failed.internal
        ? "I couldn't work out how to answer that from this data. Could you name the figure you mean?"
        : `I couldn't answer that from this data: ${failed.error}.`,
      "It can answer, for example:",
      ...examples,
    ].join("\n");
  }
  const others = data.find((record) => record.name === "other_measures");
  const results = data.filter((record) => record !== others).map((record) => record.result as JsonObject);
  const othersText = others
    ? writeOtherMeasures(others.result as JsonObject, [...notes, ...timeNote(parsed)])
    : null;
  const metricsText =
    others && results.length === 0 ? null : writeBody(parsed, results, wording, dataset, notes);
  const body = [metricsText, othersText].filter((text) => text !== null).join("\n");
  if (!chart) return body;
  if (!chart.ok) return `I couldn't draw that chart: ${chart.error}. Here are the figures instead.\n${body}`;
  const handle = (chart.result?.chart ?? {}) as JsonObject;
  return `Here is the chart **${literalMarkdown(String(handle.title))}** (attached).\n${body}`;
}

/** Other measures are answered in total or by a dimension; a question over time is told so. */
function timeNote(parsed: ParsedQuestion): string[] {
  const overTime = ["trend", "compare", "anomalies", "explain", "chart"].includes(parsed.intent);
  return overTime && parsed.metrics.length === 0
    ? [
        "trends, comparisons and charts cover spend, impressions, clicks, conversions and revenue; other columns are given in total",
      ]
    : [];
}

function writeBody(
  parsed: ParsedQuestion,
  results: readonly JsonObject[],
  wording: Wording,
  dataset: Dataset,
  notes: readonly string[],
): string {
  const [first = {}, second = {}] = results;
  switch (parsed.intent) {
    case "describe":
      return writeDescription(first, dataset);
    case "rank":
      return writeRanking(asRanking(first), wording, {
        singular: parsed.singular,
        direction: parsed.direction,
        notes,
      });
    case "recommend":
      return writeRecommendation(first, second, wording, notes);
    case "trend":
      return parsed.verdict !== null
        ? `${writeVerdict(first, parsed.verdict)}\n${writeTrend(first, wording, notes)}`
        : writeTrend(first, wording, notes);
    case "compare": {
      const verdict =
        parsed.changeAsked !== null ? writeChangeVerdict(first, parsed.changeAsked, wording) : null;
      const body = writeByShape(first, wording, notes);
      return verdict !== null ? `${verdict}\n${body}` : body;
    }
    case "anomalies":
      return writeAnomalies(results, wording, notes);
    case "explain":
      return writeExplanation(first, second, wording, notes);
    case "unknown":
      return writeHelp(dataset);
    default:
      return writeByShape(first, wording, notes);
  }
}

/** Totals, breakdowns, comparisons and chart data are told apart by what their result holds. */
function writeByShape(result: JsonObject, wording: Wording, notes: readonly string[]): string {
  if ("changes" in result) return writeComparison(result, wording, notes);
  if ("points" in result) return writeTrend(result, wording, notes);
  if ("rows" in result) return writeBreakdown(result, wording, notes);
  return writeTotals(result, wording, notes);
}

/**
 * A ranking from the query tool (a time part ranked, "which weekday is best") in the shape of top_bottom's:
 * the sort metric, the grouping, and each row's place.
 */
function asRanking(result: JsonObject): JsonObject {
  if (!("group_by" in result) || "rank" in ((result.rows as JsonObject[] | undefined)?.[0] ?? {})) {
    return result;
  }
  const order = String(result.order ?? "");
  const metric = Object.keys((result.totals ?? {}) as JsonObject)[0] ?? "spend";
  const lowFirst = order.endsWith("lowest first");
  const rows = ((result.rows ?? []) as JsonObject[]).map((row, index) => ({ rank: index + 1, ...row }));
  return {
    scope: result.scope ?? null,
    dimension: result.group_by ?? null,
    metric,
    order: lowFirst === isLowerBetter(metric as Metric) ? "best first" : "worst first",
    ...(result.paid_per ? { paid_per: result.paid_per } : {}),
    ...(result.left_out ? { left_out: result.left_out } : {}),
    rows,
  };
}
