/**
 * What frames every chart: a title stating the metric, a subtitle with the period and filter scope, and a
 * small footer naming the source and its date range, all inside a fixed 800 px width.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBasics, ChartContext } from "./chart-inputs.js";
import { formatDateRange } from "./format-date.js";
import { COLORS } from "./palette.js";
import { AXIS, CHART_WIDTH, chartConfig, FONT_SIZES } from "./theme.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const SEPARATOR = " · ";

export interface Frame extends ChartBasics {
  /** "ROAS by campaign", "Spend per week". */
  readonly title: string;
  /** The period the figures cover, when it is not the source's whole date range. */
  readonly period?: string | null;
  /** Height of the plot area in CSS px. */
  readonly plotHeight: number;
  /** What sits under the plot, so the footer clears it. */
  readonly bottomAxis: "labels-and-title" | "labels" | "none";
}

function subtitleText(frame: Pick<Frame, "period" | "scope" | "context">): string {
  const period = frame.period ?? formatDateRange(frame.context.dateRange);
  return [period ?? "All dates", frame.scope].filter(Boolean).join(SEPARATOR);
}

function footerText(context: ChartContext): string {
  const range = formatDateRange(context.dateRange);
  return [`Source: ${context.source}`, range].filter(Boolean).join(SEPARATOR);
}

/** Space from the plot's bottom edge to the footer's top, clearing the bottom axis. */
function footerOffset(bottomAxis: Frame["bottomAxis"]): number {
  const labels = AXIS.tickSize + AXIS.labelPadding + FONT_SIZES.axisLabel + 2;
  const title = AXIS.titlePadding + FONT_SIZES.axisTitle + 2;
  const gap = 12;
  if (bottomAxis === "none") return gap;
  return labels + (bottomAxis === "labels-and-title" ? title : 0) + gap;
}

/** The footer as a text layer pinned under the plot's right edge (a spec can hold only one title). */
function footerLayer(frame: Frame): Layer {
  return {
    data: { values: [{}] },
    mark: {
      type: "text",
      text: footerText(frame.context),
      x: { expr: "width" },
      y: { expr: `height + ${footerOffset(frame.bottomAxis)}` },
      align: "right",
      baseline: "top",
      fontSize: FONT_SIZES.footer,
      color: COLORS.faintText,
    },
  };
}

/** One layer of a Vega-Lite layer spec, as plain JSON (the tests compile every spec built from them). */
export type Layer = Record<string, unknown>;

/**
 * A complete top-level spec: the chart's layers plus the footer, with the shared theme. `fit-x` makes
 * the image 800 px wide whatever the axis labels need; the height is the plot's plus what surrounds it.
 */
export function framedChart(frame: Frame, layers: readonly Layer[]): TopLevelSpec {
  const spec = {
    $schema: SCHEMA,
    config: chartConfig,
    width: CHART_WIDTH,
    height: frame.plotHeight,
    autosize: { type: "fit-x", contains: "padding" },
    title: { text: frame.title, subtitle: subtitleText(frame) },
    layer: [...layers, footerLayer(frame)],
  };
  // Layers are plain JSON (Vega-Lite's types would need `as const` on every literal); the tests compile
  // every builder's output with vega-lite, which is the check that matters.
  return spec as unknown as TopLevelSpec;
}
