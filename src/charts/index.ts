/**
 * Charts: Vega-Lite spec builders fed by the metrics engine's rows, and the renderer that turns any of
 * their specs into a PNG (2x, 800 CSS px wide, bundled Inter font) for Slack.
 */
export { type BreakdownChartInput, breakdownChartSpec } from "./breakdown.js";
export { type FaceWeight, measureText } from "./chart-font.js";
export type {
  Anomaly,
  BreakdownRow,
  ChartBasics,
  ChartContext,
  DateRange,
  MetricDelta,
  MetricFigures,
  TimeGrain,
  TrendRow,
} from "./chart-inputs.js";
export {
  type EfficiencyMetric,
  type EfficiencyScatterChartInput,
  efficiencyScatterChartSpec,
} from "./efficiency-scatter.js";
export { elideLabel, MAX_LABEL_CHARACTERS } from "./elide-label.js";
export { type FunnelChartInput, funnelChartSpec } from "./funnel.js";
export {
  type DeltaTone,
  deltaTone,
  type PeriodDeltasChartInput,
  periodDeltasChartSpec,
} from "./period-deltas.js";
export { type RenderOptions, renderPng } from "./render.js";
export { type SpendVsRevenueChartInput, spendVsRevenueChartSpec } from "./spend-vs-revenue.js";
export { type TrendChartInput, trendChartSpec } from "./trend.js";
