/**
 * The forecast's rolling-origin backtest on the real daily exports: from every day after the first three
 * weeks, the forecast and the seasonal-naive one (each day repeats the same weekday of the last week) see
 * only the days before and are scored on the sum of the next 7, 14 and 28 days. Printed per series as
 * weighted absolute percentage error (total absolute error over total actual), then averaged over the
 * series: errors in dong and in dollars cannot be added, so each series counts once.
 */
import { dailySeries } from "../src/optimizer/daily-series.js";
import { MIN_FORECAST_DAYS } from "../src/optimizer/forecast.js";
import { backtestErrors, rollingBacktest } from "../src/optimizer/forecast-backtest.js";
import { realDailyExports } from "./real-daily-exports.js";

const MEASURES = ["spend", "conversions", "revenue", "clicks"] as const;
const HORIZONS = [7, 14, 28];

export async function run(): Promise<void> {
  const perSeries = new Map<number, Array<{ model: number; naive: number }>>(
    HORIZONS.map((horizon) => [horizon, []]),
  );
  const started = performance.now();
  for (const { file, dataset } of await realDailyExports()) {
    const series = dailySeries(dataset.facts);
    if (!series) continue;
    for (const measure of MEASURES) {
      const values = series.values[measure];
      if (!values || values.every((value) => value === 0)) continue;
      for (const horizon of HORIZONS) {
        const points = rollingBacktest(values, series.firstDay, { horizon, minHistory: MIN_FORECAST_DAYS });
        const errors = backtestErrors(points);
        if (!errors) continue;
        perSeries.get(horizon)?.push(errors);
        console.log(
          `${file.split("/")[1]} · ${measure} · next ${horizon} days: forecast ${pct(errors.model)}, seasonal naive ${pct(errors.naive)} (${points.length} origins)`,
        );
      }
    }
  }
  for (const [horizon, errors] of perSeries) {
    if (errors.length === 0) continue;
    const mean = (pick: (item: { model: number; naive: number }) => number) =>
      errors.reduce((total, item) => total + pick(item), 0) / errors.length;
    const model = mean((item) => item.model);
    const naive = mean((item) => item.naive);
    const wins = errors.filter((item) => item.model <= item.naive).length;
    console.log(
      `MEAN over ${errors.length} series, next ${horizon} days: forecast ${pct(model)}, seasonal naive ${pct(naive)}; forecast at least as good on ${wins} of ${errors.length} ${model <= naive ? "✓" : "✗"}`,
    );
  }
  console.log(`backtest time ${(performance.now() - started).toFixed(0)} ms`);
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
