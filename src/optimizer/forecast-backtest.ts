import { forecastDaily, seasonalNaive } from "./forecast-model.js";
import { sum } from "./quantiles.js";

/** One forecast origin of a rolling backtest: the sum forecast over the horizon and what happened. */
export interface BacktestPoint {
  origin: number;
  actual: number;
  model: number;
  naive: number;
}

export interface BacktestOptions {
  horizon: number;
  /** Days of history the first origin has. */
  minHistory: number;
  /** Days between origins. */
  step?: number;
  /** Leading days of the horizon left out of the score (the rest of this month, for "next month"). */
  skip?: number;
}

/**
 * Rolling-origin backtest: from each origin, both forecasts see only the days before it and are scored on
 * the sum of the next `horizon` days, the figure a month-end or next-N-days projection is used for.
 */
export function rollingBacktest(
  values: readonly number[],
  firstDay: number,
  options: BacktestOptions,
): BacktestPoint[] {
  const points: BacktestPoint[] = [];
  const step = options.step ?? 1;
  const skip = options.skip ?? 0;
  for (let origin = options.minHistory; origin + options.horizon <= values.length; origin += step) {
    const history = values.slice(0, origin);
    points.push({
      origin,
      actual: sum(values.slice(origin + skip, origin + options.horizon)),
      model: sum(forecastDaily(history, firstDay, options.horizon).slice(skip)),
      naive: sum(seasonalNaive(history, options.horizon).slice(skip)),
    });
  }
  return points;
}

/** Weighted absolute percentage error of each forecast: total absolute error over total actual. */
export function backtestErrors(points: readonly BacktestPoint[]): { model: number; naive: number } | null {
  const actual = sum(points.map((point) => Math.abs(point.actual)));
  if (points.length === 0 || actual === 0) return null;
  return {
    model: sum(points.map((point) => Math.abs(point.actual - point.model))) / actual,
    naive: sum(points.map((point) => Math.abs(point.actual - point.naive))) / actual,
  };
}
