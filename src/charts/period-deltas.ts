/**
 * Period-over-period change per metric: diverging bars from zero, green when the change is good news and
 * vermillion when it is bad, which for cost metrics (CPC, CPM, CPA) means a fall is green. Spend has no
 * good direction and stays neutral blue.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatCompact, formatCompactChange } from "../format/format-figures.js";
import { METRIC_CATALOG, METRICS, type Metric } from "../metrics/index.js";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { framedChart, type Layer } from "./chart-frame.js";
import type { ChartBasics, DateRange, MetricDelta } from "./chart-inputs.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { formatDateRange } from "./format-date.js";
import { COLORS } from "./palette.js";
import { FONT_SIZES } from "./theme.js";

export interface PeriodDeltasChartInput extends ChartBasics {
  readonly deltas: Partial<Record<Metric, MetricDelta>>;
  /** Metrics to show, in this order (default: every metric with a change, in the usual order). */
  readonly metrics?: readonly Metric[];
  readonly current: DateRange | null;
  readonly previous: DateRange | null;
}

export type DeltaTone = "good" | "bad" | "neutral";

const BAR_STEP = 30;
/** Parameter: the change axis's extent, symmetric around zero. */
const DOMAIN = "change_domain";
const TICKS = 6;
const TONE_COLORS: Record<DeltaTone, string> = {
  good: COLORS.good,
  bad: COLORS.bad,
  neutral: COLORS.neutral,
};

/** Good or bad news: a rise is good for revenue or ROAS, bad for CPA; spend is neither. */
export function deltaTone(metric: Metric, relative: number): DeltaTone {
  const direction = METRIC_CATALOG[metric].direction;
  if (direction === "neutral" || relative === 0) return "neutral";
  const rising = relative > 0;
  return rising === (direction === "higher-is-better") ? "good" : "bad";
}

interface Bar {
  readonly metric: string;
  readonly relative: number;
  readonly tone: DeltaTone;
  readonly text: string;
}

export function periodDeltasChartSpec(input: PeriodDeltasChartInput): TopLevelSpec {
  const { context } = input;
  const current = formatDateRange(input.current ?? context.dateRange);
  const previous = formatDateRange(input.previous);
  const period = [current, previous ? `vs ${previous}` : null].filter(Boolean).join(" ");
  const frame = { title: "Change vs previous period", context, scope: input.scope, period: period || null };
  const order = input.metrics ?? METRICS;
  const bars: Bar[] = order.flatMap((metric) => {
    const delta = input.deltas[metric];
    const relative = delta?.relative;
    if (typeof relative !== "number" || !Number.isFinite(relative)) return [];
    const absolute = formatCompact(metric, delta?.absolute, context.currency, { signed: true });
    const text = `${formatCompactChange(relative)}${delta?.absolute == null ? "" : ` (${absolute})`}`;
    return [{ metric: METRIC_CATALOG[metric].label, relative, tone: deltaTone(metric, relative), text }];
  });
  if (bars.length === 0) return nothingToPlotSpec(frame, "No metric has a value in both periods to compare.");
  // A symmetric axis keeps zero in the middle, so rises and falls are read against each other.
  const reach = Math.max(0.01, ...bars.map((bar) => Math.abs(bar.relative)));
  const domain = [-reach * 1.35, reach * 1.35];
  const y = {
    field: "metric",
    type: "nominal",
    sort: bars.map((bar) => bar.metric),
    title: null,
    axis: { labelFontSize: 12 },
  };
  const x = {
    field: "relative",
    type: "quantitative",
    // Unstacked: Vega-Lite rounds a stacked bar's end by wrapping every bar in its own clipped group.
    stack: null,
    title: "Change vs previous period (%) · green = better, vermillion = worse",
    scale: { domain: { expr: DOMAIN }, nice: false },
    axis: {
      format: axisNumberFormat("rate", null, [domain[0] ?? 0, domain[1] ?? 0], TICKS),
      formatType: AXIS_FORMAT_TYPE,
      tickCount: TICKS,
    },
  };
  const label = (side: "rise" | "fall"): Layer => ({
    transform: [{ filter: side === "rise" ? "datum.relative >= 0" : "datum.relative < 0" }],
    mark: {
      type: "text",
      align: side === "rise" ? "left" : "right",
      baseline: "middle",
      dx: side === "rise" ? 5 : -5,
      fontSize: FONT_SIZES.label,
      color: COLORS.text,
    },
    encoding: { y, x, text: { field: "text", type: "nominal" } },
  });
  // Rises and falls are separate layers so each bar is rounded at its outer end, away from zero.
  const bar = (side: "rise" | "fall"): Layer => ({
    transform: [{ filter: side === "rise" ? "datum.relative >= 0" : "datum.relative < 0" }],
    mark: {
      type: "bar",
      height: { band: 0.7 },
      ...(side === "rise"
        ? { cornerRadiusTopRight: 2, cornerRadiusBottomRight: 2 }
        : { cornerRadiusTopLeft: 2, cornerRadiusBottomLeft: 2 }),
    },
    encoding: {
      y,
      x,
      color: {
        field: "tone",
        type: "nominal",
        scale: { domain: Object.keys(TONE_COLORS), range: Object.values(TONE_COLORS) },
        legend: null,
      },
    },
  });
  const layers = [
    {
      data: { name: "bars" },
      layer: [
        bar("rise"),
        bar("fall"),
        { mark: { type: "rule", color: COLORS.axis }, encoding: { x: { datum: 0 } } },
        label("rise"),
        label("fall"),
      ],
    },
  ];
  const plot = { ...frame, plotHeight: bars.length * BAR_STEP, bottomAxis: "labels-and-title" } as const;
  return framedChart(plot, layers, { bars }, { [DOMAIN]: domain });
}
