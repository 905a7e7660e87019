import {
  MAD_TO_SIGMA,
  MEAN_AD_TO_SIGMA,
  meanAbsoluteDeviation,
  median,
  medianAbsoluteDeviation,
} from "../../metrics/robust-stats.js";

/** One delivered day of a series: the day number and the metric's value that day. */
export interface DayValue {
  day: number;
  value: number;
}

/** A stretch of consecutive days whose mean broke from the rest of the series. */
export interface UnusualRun {
  /** Indexes into the series, inclusive. */
  first: number;
  last: number;
  mean: number;
  /** The median of the series outside the run: what a usual day looks like. */
  usual: number;
  /** Robust standard errors between the run's mean and the usual day; signed. */
  score: number;
}

export interface RunOptions {
  /** Longest run looked for, in days; 7 by default. */
  maxDays?: number;
  /** Score beyond which a run is unusual; 3.5 by default (Iglewicz and Hoaglin's cut-off for one day). */
  threshold?: number;
  /** Smallest relative change worth a marketer's attention; 0.3 by default. */
  minChange?: number;
  /** Fewest days outside a run for a baseline; 10 by default. */
  minBaseline?: number;
  /**
   * Score the logarithm of the values (when all are positive): a ratio such as CPA is skewed, since one
   * conversion fewer on a small day moves it far more than one more does, and its logarithm is not.
   */
  logScale?: boolean;
}

/** As in anomalies.ts: budget-capped series have a MAD of about zero, so the spread has a floor. */
const MIN_SPREAD_SHARE_OF_MEDIAN = 0.01;

/**
 * Runs of one to `maxDays` consecutive days whose mean lies far from the series' usual day.
 *
 * One day of a tracking outage is often inside a count's daily noise (3 conversions where 6 to 17 is
 * usual), but four such days in a row are not: a run's mean is judged against the spread of a mean of that
 * many days (the daily spread / sqrt(days)). The usual day and the spread are robust (median and MAD) and
 * come from the days outside the run, so the run does not hide itself by widening its own baseline. A first
 * pass against the whole series picks candidates cheaply; only those are re-scored. Overlapping runs keep
 * the strongest. Only days with delivery belong in `series`: a baseline of paused days is a baseline of
 * zeros.
 */
export function unusualRuns(series: readonly DayValue[], options: RunOptions = {}): UnusualRun[] {
  const { maxDays = 7, threshold = 3, minChange = 0.3, minBaseline = 10 } = options;
  if (series.length < minBaseline + 1) return [];
  const values = series.map((point) => point.value);
  const usualDay = median(values);
  if (usualDay === 0) return [];
  const scored = options.logScale && values.every((value) => value > 0) ? values.map(Math.log) : values;
  const prefix = [0];
  for (const value of scored) prefix.push((prefix.at(-1) as number) + value);
  const meanOf = (first: number, length: number) =>
    ((prefix[first + length] as number) - (prefix[first] as number)) / length;
  const found: UnusualRun[] = [];
  for (let length = 1; length <= maxDays && series.length - length >= minBaseline; length++) {
    const starts = runStarts(series, length);
    if (starts.length < minBaseline) break;
    const means = starts.map((first) => meanOf(first, length));
    const spread = baseline(means);
    if (spread.spread === 0) continue;
    starts.forEach((first, index) => {
      const score = ((means[index] as number) - spread.center) / spread.spread;
      if (Math.abs(score) < threshold) return;
      const run = trimmed(values, first, first + length - 1);
      if (Math.abs((run.mean - run.usual) / run.usual) < minChange) return;
      found.push({ ...run, score });
    });
  }
  return joinedWhenTouching(strongestApart(found), series, values);
}

const EDGE_SHARE = 2 / 3;

/**
 * The run without edge days that are not themselves part of the break: a day less than two thirds as far
 * from the usual as the run's mean is, so "Sep 16-22" becomes the "Sep 18-21" the outage was.
 */
function trimmed(values: readonly number[], first: number, last: number) {
  let [start, end] = [first, last];
  for (;;) {
    const usual = median([...values.slice(0, start), ...values.slice(end + 1)]);
    const inside = values.slice(start, end + 1);
    const mean = inside.reduce((sum, value) => sum + value, 0) / inside.length;
    const part = EDGE_SHARE * (mean - usual);
    const weak = (index: number) => Math.sign(part) * ((values[index] as number) - usual) < Math.abs(part);
    if (start < end && weak(start)) start++;
    else if (start < end && weak(end)) end--;
    else return { first: start, last: end, mean, usual: usual === 0 ? Number.MIN_VALUE : usual };
  }
}

/** Where a run of `length` consecutive calendar days starts; a gap in delivery breaks a run. */
function runStarts(series: readonly DayValue[], length: number): number[] {
  const starts: number[] = [];
  for (let first = 0; first + length <= series.length; first++) {
    const span = (series[first + length - 1] as DayValue).day - (series[first] as DayValue).day;
    if (span === length - 1) starts.push(first);
  }
  return starts;
}

/** Two breaks the same way on touching days are one break: four days at 1 are not two pairs of days at 1. */
function joinedWhenTouching(runs: UnusualRun[], series: readonly DayValue[], values: readonly number[]) {
  const joined: UnusualRun[] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    const touching =
      previous &&
      previous.last + 1 === run.first &&
      (series[run.first] as DayValue).day - (series[previous.last] as DayValue).day === 1 &&
      Math.sign(previous.score) === Math.sign(run.score);
    if (!touching) {
      joined.push(run);
      continue;
    }
    const score = Math.sign(run.score) * Math.max(Math.abs(run.score), Math.abs(previous.score));
    joined[joined.length - 1] = { ...trimmed(values, previous.first, run.last), score };
  }
  return joined;
}

function baseline(values: readonly number[]): { center: number; spread: number } {
  const center = median(values);
  const mad = MAD_TO_SIGMA * medianAbsoluteDeviation(values, center);
  const spread = mad > 0 ? mad : MEAN_AD_TO_SIGMA * meanAbsoluteDeviation(values, center);
  return { center, spread: Math.max(spread, MIN_SPREAD_SHARE_OF_MEDIAN * Math.abs(center)) };
}

function strongestApart(runs: UnusualRun[]): UnusualRun[] {
  const kept: UnusualRun[] = [];
  for (const run of [...runs].sort((a, b) => Math.abs(b.score) - Math.abs(a.score))) {
    if (kept.every((other) => run.last < other.first || run.first > other.last)) kept.push(run);
  }
  return kept.sort((a, b) => a.first - b.first);
}
