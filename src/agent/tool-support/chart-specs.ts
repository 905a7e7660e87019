import type { TopLevelSpec } from "vega-lite";
import {
  breakdownChartSpec,
  type ChartBasics,
  type EfficiencyMetric,
  efficiencyScatterChartSpec,
  funnelChartSpec,
  periodDeltasChartSpec,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../charts/index.js";
import {
  anomalies,
  breakdown,
  type Delta,
  delta,
  type Grain,
  METRIC_CATALOG,
  METRICS,
  type Metric,
  MetricsError,
  totals,
  trend,
} from "../../metrics/index.js";
import type { ResolvedComparison, ResolvedScope } from "./resolve-scope.js";

export const CHART_KINDS = [
  "trend",
  "breakdown",
  "spend_vs_revenue",
  "efficiency",
  "funnel",
  "period_change",
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartRequest {
  kind: Exclude<ChartKind, "period_change">;
  metric?: Metric;
  dimension?: string;
  grain: Grain;
  top?: number;
}

export interface BuiltChart {
  title: string;
  spec: TopLevelSpec;
}

/**
 * A chart's spec from the metrics engine's figures for the scope. Every figure drawn comes from the
 * engine; the spec builders only lay them out.
 */
export function chartFromScope(scope: ResolvedScope, request: ChartRequest, basics: ChartBasics): BuiltChart {
  const { facts, filter } = scope;
  switch (request.kind) {
    case "trend": {
      const metric = needMetric(request);
      const rows = trend(facts, request.grain, { filter });
      const unusual = request.grain === "day" ? anomalies(facts, { metric, filter }) : [];
      return {
        title: `${METRIC_CATALOG[metric].label} per ${request.grain}`,
        spec: trendChartSpec({ ...basics, rows, metric, grain: request.grain, anomalies: unusual }),
      };
    }
    case "breakdown": {
      const metric = needMetric(request);
      const dimension = needDimension(request);
      const rows = breakdown(facts, dimension, { filter });
      return {
        title: `${METRIC_CATALOG[metric].label} by ${dimension}`,
        spec: breakdownChartSpec({ ...basics, rows, metric, dimension, top: request.top }),
      };
    }
    case "spend_vs_revenue": {
      const dimension = needDimension(request);
      const rows = breakdown(facts, dimension, { filter });
      return {
        title: `Spend vs revenue by ${dimension}`,
        spec: spendVsRevenueChartSpec({ ...basics, rows, dimension, top: request.top }),
      };
    }
    case "efficiency": {
      const dimension = needDimension(request);
      const efficiency: EfficiencyMetric = request.metric === "cpa" ? "cpa" : "roas";
      const rows = breakdown(facts, dimension, { filter });
      return {
        title: `Spend vs ${METRIC_CATALOG[efficiency].label} by ${dimension}`,
        spec: efficiencyScatterChartSpec({ ...basics, rows, dimension, efficiency }),
      };
    }
    case "funnel":
      return {
        title: "Funnel: impressions, clicks, conversions",
        spec: funnelChartSpec({ ...basics, totals: totals(facts, filter) }),
      };
  }
}

export function periodChangeChart(comparison: ResolvedComparison, basics: ChartBasics): BuiltChart {
  const current = totals(comparison.facts, { ...comparison.filter, dateRange: comparison.current });
  const previous = totals(comparison.facts, { ...comparison.filter, dateRange: comparison.previous });
  const deltas: Partial<Record<Metric, Delta>> = {};
  for (const metric of METRICS) deltas[metric] = delta(previous[metric], current[metric]);
  return {
    title: "Change vs previous period",
    spec: periodDeltasChartSpec({
      ...basics,
      deltas,
      current: comparison.current,
      previous: comparison.previous,
    }),
  };
}

function needMetric(request: ChartRequest): Metric {
  if (!request.metric) throw new MetricsError(`a ${request.kind} chart needs a metric`);
  return request.metric;
}

function needDimension(request: ChartRequest): string {
  if (!request.dimension) throw new MetricsError(`a ${request.kind} chart needs a dimension, e.g. campaign`);
  return request.dimension;
}
