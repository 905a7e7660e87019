import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isoToDay, loadExport } from "../../src/ingest/index.js";
import { dailySeries } from "../../src/optimizer/daily-series.js";
import { projectSum } from "../../src/optimizer/forecast.js";
import { backtestErrors, rollingBacktest } from "../../src/optimizer/forecast-backtest.js";
import { forecastDaily } from "../../src/optimizer/forecast-model.js";
import { forecastWindow } from "../../src/optimizer/forecast-window.js";

const MONDAY = isoToDay("2024-01-01");

/** Eight identical weeks: Monday 10 … Sunday 70. */
const steadyWeeks = Array.from({ length: 56 }, (_, i) => 10 * ((i % 7) + 1));

describe("forecast", () => {
  it("continues a perfectly weekly series exactly, with no width to its interval", () => {
    // By hand: the next week repeats Monday 10 … Sunday 70, which sums to 280; four weeks to 1,120.
    expect(forecastDaily(steadyWeeks, MONDAY, 7).map((value) => Math.round(value * 1e9) / 1e9)).toEqual([
      10, 20, 30, 40, 50, 60, 70,
    ]);
    const outcome = projectSum(steadyWeeks, MONDAY, 28);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.projection.expected).toBeCloseTo(1120, 6);
    expect(outcome.projection.low).toBeCloseTo(1120, 6);
    expect(outcome.projection.high).toBeCloseTo(1120, 6);
  });

  it("counts only the days after the skipped ones", () => {
    // Starting on a Monday, skipping 3 days leaves Thursday to Sunday: 40 + 50 + 60 + 70 = 220.
    const outcome = projectSum(steadyWeeks, MONDAY, 7, 3);
    expect(outcome.ok && outcome.projection.expected).toBeCloseTo(220, 6);
  });

  it("refuses under three weeks of history and says how much is needed", () => {
    const outcome = projectSum(steadyWeeks.slice(0, 12), MONDAY, 7);
    expect(outcome).toEqual({ ok: false, reason: expect.stringContaining("at least 21 days") });
    if (!outcome.ok) expect(outcome.reason).toContain("this has 12");
  });

  it("puts a level shift inside its interval and the interval around the forecast", () => {
    const shifted = steadyWeeks.map((value, i) => (i >= 42 ? value * 1.5 : value) + ((i * 7) % 5));
    const outcome = projectSum(shifted, MONDAY, 14);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { expected, low, high } = outcome.projection;
    expect(low).toBeLessThanOrEqual(expected);
    expect(high).toBeGreaterThanOrEqual(expected);
    // Two weeks at the new level are 2 × 280 × 1.5 = 840 plus the small wobble.
    expect(expected).toBeGreaterThan(560);
    expect(expected).toBeLessThan(900);
  });
});

describe("forecast windows", () => {
  const first = isoToDay("2024-06-01");
  it("month end adds the rest of the data's last month to what it holds", () => {
    const window = forecastWindow(first, isoToDay("2024-08-23"), "month_end");
    expect(window).toMatchObject({
      from: "2024-08-01",
      to: "2024-08-31",
      ahead: 8,
      skip: 0,
      label: "August 2024",
    });
    expect(window.knownFrom).toBe(isoToDay("2024-08-01") - first);
  });
  it("next month skips the rest of this one, across a year end", () => {
    const window = forecastWindow(first, isoToDay("2024-12-20"), "next_month");
    expect(window).toMatchObject({
      from: "2025-01-01",
      to: "2025-01-31",
      skip: 11,
      ahead: 42,
      label: "January 2025",
    });
  });
  it("a month already complete has nothing ahead", () => {
    expect(forecastWindow(first, isoToDay("2024-08-31"), "month_end").ahead).toBe(0);
  });
});

const realExports = join(import.meta.dirname, "../../../shared/real-exports");
const present = existsSync(realExports);
if (!present)
  console.warn(`forecast backtest: ${realExports} is absent, so the real-export backtest is skipped`);

describe.skipIf(!present)("forecast backtest on the real daily exports", () => {
  it("is at least as accurate as seasonal naive on a year of Meta daily spend", async () => {
    const dataset = await loadExport({
      path: join(realExports, "meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv"),
    });
    const series = dailySeries(dataset.facts);
    expect(series).not.toBeNull();
    if (!series) return;
    for (const horizon of [7, 14, 28]) {
      const errors = backtestErrors(
        rollingBacktest(series.values.spend, series.firstDay, { horizon, minHistory: 21 }),
      );
      expect(errors).not.toBeNull();
      expect(errors?.model).toBeLessThanOrEqual(errors?.naive ?? 0);
    }
  });
});
