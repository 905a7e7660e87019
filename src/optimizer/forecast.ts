import { backtestErrors, rollingBacktest } from "./forecast-backtest.js";
import { forecastDaily } from "./forecast-model.js";
import { quantilesOf, sum } from "./quantiles.js";

/** Three weeks: each weekday seen three times, the least a weekly profile can be read from. */
export const MIN_FORECAST_DAYS = 21;
/** Origins of the in-sample backtest the interval is read from; fewer would make its ends a guess. */
const MIN_INTERVAL_ORIGINS = 8;
/** The interval holds the middle 80% of past errors: "likely", not "certainly". */
export const INTERVAL_LEVEL = 0.8;

export interface Projection {
  /** The forecast sum over the horizon. */
  expected: number;
  low: number;
  high: number;
  /** How the interval was read: from backtests at this horizon or, with too little history, at 7 days. */
  intervalHorizon: number;
  /** Past forecast origins behind the interval. */
  intervalOrigins: number;
  /** Weighted absolute error of this forecast and of the seasonal-naive one, backtested on this history. */
  backtest: { model: number; naive: number; origins: number } | null;
}

export type ProjectionOutcome = { ok: true; projection: Projection } | { ok: false; reason: string };

/**
 * The sum of the next `horizon` days (less the first `skip` of them) with an 80% interval. The interval is the spread of this very model's
 * errors when it was run from earlier days of the same history (rolling origin), so a volatile account gets
 * a wide interval and a steady one a narrow one, without assuming a distribution.
 */
export function projectSum(
  values: readonly number[],
  firstDay: number,
  horizon: number,
  skip = 0,
): ProjectionOutcome {
  if (values.length < MIN_FORECAST_DAYS) {
    return {
      ok: false,
      reason: `a forecast needs at least ${MIN_FORECAST_DAYS} days of daily data (three of each weekday); this has ${values.length}`,
    };
  }
  const expected = sum(forecastDaily(values, firstDay, horizon).slice(skip));
  const minHistory = Math.min(MIN_FORECAST_DAYS, values.length - horizon);
  let intervalHorizon = horizon;
  let points = rollingBacktest(values, firstDay, { horizon, skip, minHistory: Math.max(14, minHistory) });
  if (points.length < MIN_INTERVAL_ORIGINS) {
    // Too little history to backtest this horizon: the spread of weekly forecasts stands in for it.
    intervalHorizon = 7;
    points = rollingBacktest(values, firstDay, { horizon: 7, minHistory: 14 });
  }
  // Errors relative to the forecast, with a floor under it: a near-zero forecast in a quiet week would
  // otherwise turn an ordinary miss into a thousandfold error and the interval into nonsense.
  const typical = quantilesOf(
    points.map((point) => point.model),
    [0.5],
  )[0] as number;
  const floor = Math.max(typical / 4, Number.MIN_VALUE);
  const relative = points
    .filter((point) => point.model > 0)
    .map((point) => (point.actual - point.model) / Math.max(point.model, floor));
  if (relative.length < MIN_INTERVAL_ORIGINS) {
    return {
      ok: false,
      reason: `an interval for the forecast needs at least ${14 + 7 + MIN_INTERVAL_ORIGINS - 1} days of daily data with activity; this has ${values.length}`,
    };
  }
  const tail = (1 - INTERVAL_LEVEL) / 2;
  const [lowError, highError] = quantilesOf(relative, [tail, 1 - tail]) as [number, number];
  const errors = backtestErrors(points);
  return {
    ok: true,
    projection: {
      expected,
      // Past errors all on one side (after a step in spend) would put the forecast outside its own
      // interval; the interval is widened to hold it rather than quietly shifting the forecast.
      low: Math.max(0, expected + Math.max(expected, floor) * Math.min(0, lowError)),
      high: Math.max(0, expected + Math.max(expected, floor) * Math.max(0, highError)),
      intervalHorizon,
      intervalOrigins: relative.length,
      backtest: errors ? { ...errors, origins: points.length } : null,
    },
  };
}
