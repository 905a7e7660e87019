import { isKpi, isLowerBetter, METRIC_CATALOG, type Metric } from "../../metrics/index.js";
import type { Json, JsonObject } from "../tools/tool.js";
import { change, figure, label, metricWords, type Wording } from "./answer-wording.js";

/** Weeks the verdict reads: enough to outlast one odd week, few enough to be "lately". */
const WEEKS = 6;
/** A steady move of less than this share of the level per week is flat. */
const FLAT_PER_WEEK = 0.03;

/**
 * "is CPA going up?": yes, no or flat, from the median week-to-week slope of the trend tool's last complete
 * weeks (a week the data covers only in part is left out, and the answer says so), with how many weeks and
 * how steady the move is.
 */
export function writeVerdict(result: JsonObject, asked: "up" | "down"): string {
  const all = (result.points ?? []) as JsonObject[];
  const partial = partialPeriods(result, all);
  const complete = all.filter((point) => !partial.includes(String(point.period)));
  const points = complete.slice(-WEEKS);
  const metric = Object.keys((result.totals ?? {}) as JsonObject)[0] as Metric | undefined;
  if (!metric || points.length < 3) return "**Too few complete weeks to say which way it is heading.**";
  const valued = points.filter((point) => typeof point[metric] === "number");
  const values = valued.map((point) => point[metric] as number);
  if (values.length < 3) return "**Too few weeks with a value to say which way it is heading.**";
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const slope = medianSlope(values);
  const relative = mean === 0 ? 0 : slope / Math.abs(mean);
  const moves = values.slice(1).map((value, index) => Math.sign(value - (values[index] ?? value)));
  const upWeeks = moves.filter((move) => move > 0).length;
  const downWeeks = moves.filter((move) => move < 0).length;
  // In words, not counts: a count here is a figure no tool returned.
  const way = upWeeks >= downWeeks ? "up" : "down";
  const steady =
    upWeeks === 0 || downWeeks === 0
      ? `${way} every week`
      : Math.max(upWeeks, downWeeks) > moves.length / 2
        ? `${way} in most of them`
        : "with weeks both ways";
  const latest = all.at(-1);
  const leftOut =
    latest && partial.includes(String(latest.period))
      ? `; the week of ${latest.period} is partial and left out`
      : "";
  const span = `over the last ${values.length} complete weeks (from the week of ${valued[0]?.period}${leftOut})`;
  const name = label(metric);
  if (Math.abs(relative) < FLAT_PER_WEEK) return `**Flat: ${name} has no steady direction ${span}.**`;
  const up = relative > 0;
  const answer = up === (asked === "up") ? "Yes" : "No";
  // Volume (spend, clicks) is neither better nor worse by itself; efficiency is.
  const judged = isKpi(metric) ? `; that is ${up !== isLowerBetter(metric) ? "better" : "worse"}` : "";
  return `**${answer}: ${name} is going ${up ? "up" : "down"} ${span}, ${steady}${judged}.**`;
}

/**
 * The weeks the data covers only in part, as the trend tool lists them; a result without that list may
 * have a partial first and last week, so both are counted as partial.
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

/** Theil–Sen: the median of the slopes between every two weeks, so one odd week cannot make a trend. */
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
