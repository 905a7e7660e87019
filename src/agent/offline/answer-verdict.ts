import { costResult, isKpi, isLowerBetter, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { Json, JsonObject } from "../tools/tool.js";
import { change, figure, label, metricWords, namedPeriod, type Wording } from "./answer-wording.js";

/** Periods the verdict reads: enough to outlast one odd week (or month), few enough to be "lately". */
const PERIODS = 6;
/** A steady move of less than this share of the level per period is flat. */
const FLAT_PER_PERIOD = 0.03;

/**
 * "is CPA going up?": yes, no or flat, from the median period-to-period slope of the trend tool's last
 * complete periods (a week or month the data covers only in part is left out, and the answer says so), with
 * how many periods and how steady the move is, in the series' own grain: weeks, months or days.
 */
export function writeVerdict(result: JsonObject, asked: "up" | "down"): string {
  const grain = result.grain === "month" || result.grain === "day" ? result.grain : "week";
  const all = (result.points ?? []) as JsonObject[];
  const partial = partialPeriods(result, all);
  const complete = all.filter((point) => !partial.includes(String(point.period)));
  const points = complete.slice(-PERIODS);
  const metric = Object.keys((result.totals ?? {}) as JsonObject)[0] as Metric | undefined;
  // A day is always whole; a week or a month may be partial.
  const whole = grain === "day" ? "" : "complete ";
  if (!metric || points.length < 3) return `**Too few ${whole}${grain}s to say which way it is heading.**`;
  // A period that spent with no conversions has no CPA, yet it is worse than any: no slope over the
  // others can say which way CPA is heading past it.
  const results = costResult(metric);
  const unpriced = points.filter(
    (point) => Array.isArray(point.spent_with_no) && point.spent_with_no.includes(results),
  );
  const lastUnpriced = unpriced.at(-1);
  if (lastUnpriced && results) {
    return `**No plain yes or no: ${namedPeriod(grain, String(lastUnpriced.period))} spent with no ${results}, so it has no ${label(metric)}, worse than any; see the ${grain}s below.**`;
  }
  const valued = points.filter((point) => typeof point[metric] === "number");
  const values = valued.map((point) => point[metric] as number);
  if (values.length < 3) return `**Too few ${grain}s with a value to say which way it is heading.**`;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const slope = medianSlope(values);
  const relative = mean === 0 ? 0 : slope / Math.abs(mean);
  const moves = values.slice(1).map((value, index) => Math.sign(value - (values[index] ?? value)));
  const upMoves = moves.filter((move) => move > 0).length;
  const downMoves = moves.filter((move) => move < 0).length;
  // In words, not counts: a count here is a figure no tool returned.
  const way = upMoves >= downMoves ? "up" : "down";
  const steady =
    upMoves === 0 || downMoves === 0
      ? `${way} every ${grain}`
      : Math.max(upMoves, downMoves) > moves.length / 2
        ? `${way} in most of them`
        : `with ${grain}s both ways`;
  const latest = all.at(-1);
  const leftOut =
    latest && partial.includes(String(latest.period))
      ? `; ${namedPeriod(grain, String(latest.period))} is partial and left out`
      : "";
  const from = namedPeriod(grain, String(valued[0]?.period));
  const span = `over the last ${values.length} ${whole}${grain}s (from ${from}${leftOut})`;
  const name = label(metric);
  if (Math.abs(relative) < FLAT_PER_PERIOD) return `**Flat: ${name} has no steady direction ${span}.**`;
  const up = relative > 0;
  const answer = up === (asked === "up") ? "Yes" : "No";
  // Volume (spend, clicks) is neither better nor worse by itself; efficiency is.
  const judged = isKpi(metric) ? `; that is ${up !== isLowerBetter(metric) ? "better" : "worse"}` : "";
  return `**${answer}: ${name} is going ${up ? "up" : "down"} ${span}, ${steady}${judged}.**`;
}

/**
 * The periods the data covers only in part, as the trend tool lists them; a result without that list may
 * have a partial first and last period, so both are counted as partial.
 */
function partialPeriods(result: JsonObject, points: readonly JsonObject[]): string[] {
  if (Array.isArray(result.partial_periods)) return result.partial_periods.map(String);
  return [points[0], points.at(-1)].flatMap((point) => (point ? [String(point.period)] : []));
}

/** A move of less than this share between the two periods is about flat. */
const FLAT_CHANGE = 0.02;

/**
 * "did spend go up last week?": yes, no or about flat, from the comparison tool's first metric, with both
 * figures and the change. Nothing when a period has no value: the comparison below says n/a.
 */
export function writeChangeVerdict(
  result: JsonObject,
  asked: "up" | "down",
  wording: Wording,
): string | null {
  const now = ((result.current as JsonObject | undefined)?.figures ?? {}) as JsonObject;
  const before = ((result.previous as JsonObject | undefined)?.figures ?? {}) as JsonObject;
  const metric = Object.keys(now)[0] as Metric | undefined;
  if (!metric || typeof now[metric] !== "number" || typeof before[metric] !== "number") return null;
  const notes = ((result.scope as JsonObject | undefined)?.notes ?? []) as Json[];
  if (notes.some((note) => String(note).includes("outside the data"))) {
    // A period the data only partly covers holds fewer days: its total is not a like-for-like yes or no.
    return "**No plain yes or no: one of the periods reaches outside the data, so it covers fewer days (see the note below).**";
  }
  const delta = ((result.changes ?? {}) as JsonObject)[metric] as JsonObject | undefined;
  const relative = typeof delta?.relative === "number" ? delta.relative : null;
  const absolute = typeof delta?.absolute === "number" ? delta.absolute : 0;
  const name = metricWords(metric);
  const figures = `from ${figure(wording, metric, before[metric])} to ${figure(wording, metric, now[metric])} (${change(delta)})`;
  // With nothing before, any move is a real one; otherwise a sliver of a change is noise.
  const flat = relative === null ? absolute === 0 : Math.abs(relative) < FLAT_CHANGE;
  if (flat) return `**About flat: ${name} went ${figures}.**`;
  const up = (relative ?? absolute) > 0;
  const answer = up === (asked === "up") ? "Yes" : "No";
  // As the comparison line below judges it: spend alone is neither good nor bad news.
  const judged =
    METRIC_CATALOG[metric].direction === "neutral"
      ? ""
      : `; that is ${up !== isLowerBetter(metric) ? "better" : "worse"}`;
  return `**${answer}: ${name} went ${up ? "up" : "down"} ${figures}${judged}.**`;
}

/** Theil–Sen: the median of the slopes between every two periods, so one odd one cannot make a trend. */
function medianSlope(values: readonly number[]): number {
  const slopes: number[] = [];
  values.forEach((value, i) => {
    for (let j = i + 1; j < values.length; j++) slopes.push(((values[j] ?? value) - value) / (j - i));
  });
  slopes.sort((a, b) => a - b);
  const middle = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1
    ? (slopes[middle] ?? 0)
    : ((slopes[middle - 1] ?? 0) + (slopes[middle] ?? 0)) / 2;
}
