/**
 * The metrics engine: every number a person sees is computed here, from a FactTable, as plain JSON-ready
 * objects. One typed-array pass (aggregate.ts) does the per-row work; the rest works on its few groups.
 */
export { type Anomaly, type AnomalyOptions, anomalies } from "./anomalies.js";
export {
  type BreakdownOptions,
  type BreakdownRow,
  breakdown,
  breakdownWithTotals,
  PAIR_SEPARATOR,
} from "./breakdown.js";
export { GRAINS, type Grain } from "./calendar.js";
export {
  type CompareOptions,
  comparePeriods,
  type Delta,
  delta,
  type PeriodComparison,
  type PeriodFigures,
} from "./compare.js";
export { dimensionColumn, looseValue, NOT_SET } from "./dimensions.js";
export { type ChangeExplanation, type ChangeOptions, type Contribution, explainChange } from "./drivers.js";
export {
  type ExtraFigures,
  type ExtraFiguresOptions,
  type ExtraFiguresRow,
  extraFigures,
} from "./extra-figures.js";
export type { Filter } from "./filter.js";
export {
  type Figures,
  figuresFromSums,
  type MeasureSums,
} from "./kpis.js";
export {
  componentsOf,
  isCostMetric,
  isKpi,
  isLowerBetter,
  isMetric,
  isRate,
  KPIS,
  type Kpi,
  type KpiFacts,
  type KpiRatio,
  METRIC_CATALOG,
  METRICS,
  type Metric,
  type MetricCatalog,
  type MetricDirection,
  type MetricFacts,
  type MetricUnit,
} from "./metric-catalog.js";
export { MetricsError } from "./metrics-error.js";
export {
  isTimePart,
  partialTimeKeys,
  type QueryLimit,
  type QueryRequest,
  type QueryResult,
  type QueryRow,
  query,
  TIME_PARTS,
  type TimePart,
} from "./query.js";
export {
  costResult,
  defaultMinSpend,
  type RankedRow,
  type Ranking,
  type RankOptions,
  type RankOrder,
  rank,
  rankRows,
  spentWithNoResults,
} from "./rank.js";
export { weeklyPeriodNote, weeklyStartDay } from "./row-cadence.js";
export { hasRows, totals } from "./totals.js";
export { partialPeriods, type TrendOptions, type TrendPoint, trend } from "./trend.js";
export { unreportedMeasures } from "./unreported-measures.js";
export { VALUE_OPS, type ValueCondition, type ValueOp, valuesMatching } from "./value-conditions.js";
