/**
 * The builders take the metrics engine's results exactly as it returns them. These assignments are the
 * contract; tsc checks them, and the test runs them through the builders.
 */
import { describe, expect, it } from "vitest";
import {
  breakdownChartSpec,
  efficiencyScatterChartSpec,
  funnelChartSpec,
  periodDeltasChartSpec,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import type {
  Anomaly,
  BreakdownRow,
  Figures,
  Metric,
  PeriodComparison,
  TrendPoint,
} from "../../src/metrics/index.js";
import { CONTEXT } from "./sample-data.js";

const figures: Figures = {
  spend: 1200,
  impressions: 90_000,
  clicks: 1500,
  conversions: 40,
  revenue: 4100,
  sessions: null,
  engaged_sessions: null,
  key_events: null,
  ctr: 1500 / 90_000,
  cpc: 0.8,
  cpm: 13.33,
  cvr: 40 / 1500,
  cpa: 30,
  roas: 4100 / 1200,
  aov: 102.5,
  engagement_rate: null,
};

describe("metrics engine results", () => {
  it("pass straight into the builders", () => {
    const engineMetric: Metric = "roas";
    const rows: BreakdownRow[] = [
      { key: "Brand", ...figures },
      { key: "Generic", ...figures, revenue: null, roas: null },
    ];
    const points: TrendPoint[] = [
      { period: "2024-03-04", ...figures },
      { period: "2024-03-11", ...figures, spend: 1500 },
    ];
    const anomalies: Anomaly[] = [
      {
        date: "2024-03-11",
        metric: "spend",
        actual: 1500,
        expected: { low: 1000, high: 1300, median: 1200 },
        direction: "above",
        score: 4,
      },
    ];
    const comparison: Pick<PeriodComparison, "deltas"> = {
      deltas: Object.fromEntries(
        Object.keys(figures).map((name) => [name, { absolute: 10, relative: 0.05 }]),
      ) as PeriodComparison["deltas"],
    };
    const specs = [
      breakdownChartSpec({ rows, metric: engineMetric, dimension: "campaign", context: CONTEXT }),
      spendVsRevenueChartSpec({ rows, dimension: "campaign", context: CONTEXT }),
      efficiencyScatterChartSpec({ rows, dimension: "campaign", efficiency: "roas", context: CONTEXT }),
      trendChartSpec({ rows: points, metric: "spend", grain: "week", anomalies, context: CONTEXT }),
      funnelChartSpec({ totals: figures, context: CONTEXT }),
      periodDeltasChartSpec({ deltas: comparison.deltas, current: null, previous: null, context: CONTEXT }),
    ];
    expect(specs).toHaveLength(6);
  });
});
