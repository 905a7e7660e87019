import { weekdayOf } from "./weekday.js";

/**
 * The forecast: a recent level times a weekday profile. The profile comes from the last eight weeks and
 * is pulled toward flat as far as its noise calls for (see profileWeight); the level is smoothed over the
 * days with the profile taken out (see smoothedLevel), so it follows a change of budget. A trend term was
 * left out: extrapolated over a month it turns a two-week wobble into a runaway projection.
 */
const PROFILE_DAYS = 56;
/** Days whose mean starts the smoothed level: one week, so every weekday counts once. */
const WARM_UP_DAYS = 7;
const SMOOTHING_WEIGHTS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
/** Below this share of an average day, a weekday is treated as "does not run" rather than divided by. */
const IDLE_FACTOR = 0.05;

export interface SeasonalModel {
  /** The deseasonalised daily level at the end of the history. */
  level: number;
  /** One factor per weekday (0 = Monday), averaging 1. */
  factors: number[];
}

/** Fits the model to daily values whose first value is on `firstDay`. */
export function fitSeasonal(values: readonly number[], firstDay: number): SeasonalModel {
  const start = Math.max(0, values.length - PROFILE_DAYS);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  let total = 0;
  for (let i = start; i < values.length; i++) {
    const weekday = weekdayOf(firstDay + i);
    sums[weekday] = (sums[weekday] as number) + (values[i] as number);
    counts[weekday] = (counts[weekday] as number) + 1;
    total += values[i] as number;
  }
  const mean = total / Math.max(1, values.length - start);
  const raw = sums.map((value, weekday) =>
    mean > 0 && (counts[weekday] as number) > 0 ? value / (counts[weekday] as number) / mean : 1,
  );
  const weight = profileWeight(values, firstDay, start, mean, raw);
  const shrunk = raw.map((factor) => 1 + weight * (factor - 1));
  const average = shrunk.reduce((a, b) => a + b, 0) / 7;
  const factors = shrunk.map((factor) => (average > 0 ? factor / average : 1));
  return { level: smoothedLevel(values, firstDay, factors), factors };
}

/**
 * How far to trust each weekday's own ratio over a flat week (James–Stein): the spread between weekdays
 * against the noise of each weekday's mean. A clean weekly rhythm keeps its full shape; a few noisy weeks
 * are pulled toward flat, so one odd Saturday does not become a rule.
 */
function profileWeight(
  values: readonly number[],
  firstDay: number,
  start: number,
  mean: number,
  raw: readonly number[],
): number {
  if (mean <= 0) return 0;
  let noise = 0;
  for (let weekday = 0; weekday < 7; weekday++) {
    const own: number[] = [];
    for (let i = start; i < values.length; i++) {
      if (weekdayOf(firstDay + i) === weekday) own.push((values[i] as number) / mean);
    }
    if (own.length < 2) return 0;
    const ownMean = own.reduce((a, b) => a + b, 0) / own.length;
    const variance = own.reduce((a, b) => a + (b - ownMean) ** 2, 0) / (own.length - 1);
    noise += variance / own.length / 7;
  }
  const between = raw.reduce((a, b) => a + (b - 1) ** 2, 0) / 6;
  if (between <= 0) return 0;
  return Math.max(0, Math.min(1, 1 - noise / between));
}

/**
 * Exponential smoothing of the values with the weekday profile taken out, its weight on the newest day
 * chosen by how well it would have predicted each next day of this very history (as ETS fits its alpha):
 * a budget that steps up and down gets a level that follows the steps, a steady one a long average.
 */
function smoothedLevel(values: readonly number[], firstDay: number, factors: readonly number[]): number {
  const adjusted: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const factor = factors[weekdayOf(firstDay + i)] as number;
    if (factor >= IDLE_FACTOR) adjusted.push((values[i] as number) / factor);
  }
  if (adjusted.length === 0) return 0;
  let best = { error: Number.POSITIVE_INFINITY, level: 0 };
  for (const alpha of SMOOTHING_WEIGHTS) {
    const warmUp = Math.min(WARM_UP_DAYS, adjusted.length);
    let level = adjusted.slice(0, warmUp).reduce((a, b) => a + b, 0) / warmUp;
    let error = 0;
    for (let i = warmUp; i < adjusted.length; i++) {
      const value = adjusted[i] as number;
      error += (value - level) ** 2;
      level += alpha * (value - level);
    }
    if (error < best.error) best = { error, level };
  }
  return best.level;
}

/** The next `horizon` days after the history. */
export function forecastSeasonal(values: readonly number[], firstDay: number, horizon: number): number[] {
  const model = fitSeasonal(values, firstDay);
  const nextDay = firstDay + values.length;
  return Array.from(
    { length: horizon },
    (_, i) => model.level * (model.factors[weekdayOf(nextDay + i)] as number),
  );
}

/** The baseline any forecast must beat: each future day repeats the same weekday of the last week. */
export function seasonalNaive(values: readonly number[], horizon: number): number[] {
  const lastWeek = values.slice(-7);
  return Array.from({ length: horizon }, (_, i) => lastWeek[i % lastWeek.length] ?? 0);
}

/**
 * The forecast used: the smoothed-profile model and the seasonal-naive one averaged. Averaging two
 * forecasts that err differently is the most reliable gain the forecasting competitions (M3, M4) found:
 * the smoothed model is steadier, the naive one quicker to follow a budget change.
 */
export function forecastDaily(values: readonly number[], firstDay: number, horizon: number): number[] {
  const naive = seasonalNaive(values, horizon);
  return forecastSeasonal(values, firstDay, horizon).map((value, i) => (value + (naive[i] as number)) / 2);
}
