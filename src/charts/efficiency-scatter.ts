/**
 * Efficiency against scale: spend on x, ROAS or CPA on y, bubble area = conversions. The segments that
 * matter most (biggest spend, best and worst efficiency) are named; a dashed line marks the overall value.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatCompact } from "../format/format-figures.js";
import { METRIC_CATALOG } from "../metrics/index.js";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { metricAxisTitle } from "./axis-title.js";
import { type Datasets, framedChart, type Layer, type Parameters } from "./chart-frame.js";
import { type BreakdownRow, type ChartBasics, figure } from "./chart-inputs.js";
import { elideLabel } from "./elide-label.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { COLORS } from "./palette.js";
import { FONT_SIZES } from "./theme.js";
import { pooledValue } from "./top-segments.js";
import { dimensionWords } from "./wording.js";

export type EfficiencyMetric = "roas" | "cpa";

export interface EfficiencyScatterChartInput extends ChartBasics {
  readonly rows: readonly BreakdownRow[];
  readonly dimension: string;
  readonly efficiency: EfficiencyMetric;
}

const PLOT_HEIGHT = 380;
const TICKS = 6;
/** Named points: the largest spenders plus the best and the worst performer. */
const LABELLED_BY_SPEND = 3;
const RIGHT_THIRD = 2 / 3;
/** Bubble areas in px² for zero and for the most conversions. */
const BUBBLE_AREA = [30, 900] as const;

interface Dot {
  readonly label: string;
  readonly spend: number;
  readonly efficiency: number;
  readonly conversions: number;
}

/** The points worth naming, without repeats: biggest spend first, then best and worst efficiency. */
function notable(dots: readonly Dot[], efficiency: EfficiencyMetric): Dot[] {
  const bySpend = [...dots].sort((a, b) => b.spend - a.spend).slice(0, LABELLED_BY_SPEND);
  const byEfficiency = [...dots].sort((a, b) => b.efficiency - a.efficiency);
  const best = efficiency === "roas" ? byEfficiency[0] : byEfficiency[byEfficiency.length - 1];
  const worst = efficiency === "roas" ? byEfficiency[byEfficiency.length - 1] : byEfficiency[0];
  return [...new Set([...bySpend, best, worst].filter((dot): dot is Dot => dot !== undefined))];
}

interface PointLabels {
  readonly layers: Layer[];
  readonly datasets: Datasets;
  /** How far each side's names sit from their points, in CSS px. */
  readonly parameters: Parameters;
}

/**
 * Names go right of their point, or left of it in the right third so they stay inside the chart, clear
 * of the largest bubble on that side.
 */
function pointLabels(
  dots: readonly Dot[],
  maxConversions: number,
  maxSpend: number,
  x: Layer,
  y: Layer,
): PointLabels {
  const clearance = (side: readonly Dot[]) => {
    const largest = Math.max(0, ...side.map((dot) => dot.conversions));
    const area = BUBBLE_AREA[0] + ((BUBBLE_AREA[1] - BUBBLE_AREA[0]) * largest) / Math.max(1, maxConversions);
    return Math.sqrt(area / Math.PI) + 4;
  };
  const left = dots.filter((dot) => dot.spend <= maxSpend * RIGHT_THIRD);
  const right = dots.filter((dot) => dot.spend > maxSpend * RIGHT_THIRD);
  const sides = [
    { name: "labels_left", dots: left, align: "left", dx: clearance(left) },
    { name: "labels_right", dots: right, align: "right", dx: -clearance(right) },
  ].filter((side) => side.dots.length > 0);
  return {
    layers: sides.map((side) => ({
      data: { name: side.name },
      mark: {
        type: "text",
        align: side.align,
        baseline: "middle",
        dx: { expr: `${side.name}_offset` },
        fontSize: FONT_SIZES.label,
        color: COLORS.text,
      },
      encoding: { x, y, text: { field: "label", type: "nominal" } },
    })),
    datasets: Object.fromEntries(sides.map((side) => [side.name, side.dots])),
    parameters: Object.fromEntries(sides.map((side) => [`${side.name}_offset`, side.dx])),
  };
}

export function efficiencyScatterChartSpec(input: EfficiencyScatterChartInput): TopLevelSpec {
  const { context, efficiency } = input;
  const info = METRIC_CATALOG[efficiency];
  const dimension = dimensionWords(input.dimension);
  const frame = { title: `Spend vs ${info.label} by ${dimension}`, context, scope: input.scope };
  const dots: Dot[] = input.rows.flatMap((row) => {
    const spend = figure(row, "spend");
    const value = figure(row, efficiency);
    if (spend === null || value === null) return [];
    return [
      { label: elideLabel(row.key), spend, efficiency: value, conversions: figure(row, "conversions") ?? 0 },
    ];
  });
  if (dots.length === 0) {
    const reason =
      input.rows.length === 0
        ? "There are no rows for this period."
        : `No ${dimension} has both spend and ${info.label}.`;
    return nothingToPlotSpec(frame, reason);
  }
  const overall = pooledValue(input.rows, efficiency);
  const spendExtent = [0, Math.max(...dots.map((dot) => dot.spend))] as const;
  const efficiencyValues = [...dots.map((dot) => dot.efficiency), ...(overall === null ? [] : [overall])];
  const efficiencyExtent = [Math.min(0, ...efficiencyValues), Math.max(...efficiencyValues)] as const;
  const x = {
    field: "spend",
    type: "quantitative",
    title: metricAxisTitle("spend", context.currency),
    axis: {
      format: axisNumberFormat("money", context.currency, spendExtent, TICKS),
      formatType: AXIS_FORMAT_TYPE,
      tickCount: TICKS,
    },
  };
  const y = {
    field: "efficiency",
    type: "quantitative",
    title: metricAxisTitle(efficiency, context.currency),
    axis: {
      format: axisNumberFormat(info.unit, context.currency, efficiencyExtent, TICKS),
      formatType: AXIS_FORMAT_TYPE,
      tickCount: TICKS,
    },
  };
  const labels = pointLabels(
    notable(dots, efficiency),
    Math.max(...dots.map((dot) => dot.conversions)),
    spendExtent[1],
    x,
    y,
  );
  const layers: Layer[] = [
    {
      data: { name: "dots" },
      mark: {
        type: "circle",
        color: COLORS.primary,
        opacity: 0.7,
        stroke: COLORS.background,
        strokeWidth: 1,
      },
      encoding: {
        x,
        y,
        size: {
          field: "conversions",
          type: "quantitative",
          title: "Conversions",
          scale: { range: [...BUBBLE_AREA] },
          legend: { format: ",.0f", tickCount: 3 },
        },
      },
    },
    ...labels.layers,
  ];
  const datasets: Record<string, readonly object[]> = { dots, ...labels.datasets };
  if (overall !== null) {
    const overallText = `Overall ${formatCompact(efficiency, overall, context.currency)}`;
    datasets.overall = [{ efficiency: overall, text: overallText }];
    layers.unshift(
      {
        data: { name: "overall" },
        mark: { type: "rule", color: COLORS.faintText, strokeDash: [4, 4] },
        encoding: { y },
      },
      {
        data: { name: "overall" },
        mark: {
          type: "text",
          align: "right",
          baseline: "bottom",
          dy: -4,
          x: { expr: "width" },
          color: COLORS.secondaryText,
        },
        encoding: { y, text: { field: "text", type: "nominal" } },
      },
    );
  }
  const plot = { ...frame, plotHeight: PLOT_HEIGHT, bottomAxis: "labels-and-title" } as const;
  return framedChart(plot, layers, datasets, labels.parameters);
}
