/**
 * What frames every chart: a title stating the metric, a subtitle with the period and filter scope, and a
 * small footer naming the source and its date range, all inside a fixed 800 px width. The frame's words
 * are parameters and the layers' rows named data sets, so charts of one kind share one compiled shape
 * (see chart-views.ts).
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBasics, ChartContext } from "./chart-inputs.js";
import { formatDateRange } from "./format-date.js";
import { COLORS } from "./palette.js";
import { AXIS, CHART_WIDTH, chartConfig, FONT_SIZES } from "./theme.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const SEPARATOR = " · ";
const TITLE = "title_text";
const SUBTITLE = "subtitle_text";
const FOOTER = "footer_text";

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
      text: { expr: FOOTER },
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
 * A layer's data: the named data set's rows, ready to draw (times in milliseconds since the epoch), so
 * Vega-Lite adds no parse step. Left to itself it parses every time field, which makes Vega copy each
 * row and turn each time into a Date object, once more per render, for the same picture.
 */
export function namedData(name: string): { name: string; format: { parse: null } } {
  return { name, format: { parse: null } };
}

/** The rows each named data set holds; layers refer to one with `data: { name }`. */
export type Datasets = Readonly<Record<string, readonly object[]>>;

/** Values a chart's spec refers to by name with `{ expr: name }`: its words and per-chart figures. */
export type Parameters = Readonly<Record<string, unknown>>;

/**
 * A complete top-level spec: the chart's layers plus the footer, with the shared theme. `fit-x` makes
 * the image 800 px wide whatever the axis labels need; the height is the plot's plus what surrounds it.
 */
export function framedChart(
  frame: Frame,
  layers: readonly Layer[],
  datasets: Datasets,
  parameters: Parameters = {},
): TopLevelSpec {
  const words = {
    [TITLE]: frame.title,
    [SUBTITLE]: subtitleText(frame),
    [FOOTER]: footerText(frame.context),
  };
  const spec = {
    $schema: SCHEMA,
    config: chartConfig,
    width: CHART_WIDTH,
    height: frame.plotHeight,
    autosize: { type: "fit-x", contains: "padding" },
    title: { text: { expr: TITLE }, subtitle: { expr: SUBTITLE } },
    params: Object.entries({ ...words, ...parameters }).map(([name, value]) => ({ name, value })),
    datasets,
    layer: [...layers, footerLayer(frame)],
  };
  // Layers are plain JSON (Vega-Lite's types would need `as const` on every literal); the tests compile
  // every builder's output with vega-lite, which is the check that matters.
  return spec as unknown as TopLevelSpec;
}
