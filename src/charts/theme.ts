/**
 * The light theme every chart shares: Inter throughout, quiet greys for axes and grid so the data carries
 * the colour, an opaque white background (Slack shows transparent PNGs on dark themes too).
 */
import type { Config } from "vega-lite";
import { CHART_FONT_FAMILY } from "./chart-font.js";
import { COLORS, SERIES } from "./palette.js";

/** CSS pixels; rendered at 2x, this suits Slack's image preview width. */
export const CHART_WIDTH = 800;

export const FONT_SIZES = {
  title: 16,
  subtitle: 12,
  axisLabel: 11,
  axisTitle: 11,
  label: 11,
  footer: 10,
} as const;

export const AXIS = { labelPadding: 6, titlePadding: 10, tickSize: 4 } as const;

export const chartConfig: Config = {
  background: COLORS.background,
  font: CHART_FONT_FAMILY,
  padding: { left: 16, right: 20, top: 16, bottom: 12 },
  // Accessibility descriptions go unseen in a PNG and slow Vega down on large line charts.
  aria: false,
  customFormatTypes: true,
  view: { stroke: null },
  title: {
    anchor: "start",
    frame: "bounds",
    fontSize: FONT_SIZES.title,
    fontWeight: 600,
    color: COLORS.text,
    subtitleFontSize: FONT_SIZES.subtitle,
    subtitleColor: COLORS.secondaryText,
    subtitlePadding: 6,
    offset: 16,
  },
  axis: {
    labelFontSize: FONT_SIZES.axisLabel,
    labelColor: COLORS.secondaryText,
    titleFontSize: FONT_SIZES.axisTitle,
    titleFontWeight: 600,
    titleColor: COLORS.secondaryText,
    titlePadding: AXIS.titlePadding,
    labelPadding: AXIS.labelPadding,
    gridColor: COLORS.grid,
    domainColor: COLORS.axis,
    tickColor: COLORS.axis,
    tickSize: AXIS.tickSize,
    // Labels are elided to 40 characters by the spec builders; Vega must never cut them again.
    labelLimit: 0,
  },
  axisBand: { domain: false, ticks: false, grid: false },
  legend: {
    orient: "top",
    direction: "horizontal",
    labelFontSize: FONT_SIZES.axisLabel,
    labelColor: COLORS.secondaryText,
    titleFontSize: FONT_SIZES.axisTitle,
    titleColor: COLORS.secondaryText,
    labelLimit: 0,
    symbolStrokeWidth: 3,
  },
  range: { category: [...SERIES] },
  bar: { color: COLORS.primary },
  line: { color: COLORS.primary, strokeWidth: 2, strokeJoin: "round", strokeCap: "round" },
  point: { color: COLORS.primary, filled: true },
  text: { fontSize: FONT_SIZES.label, color: COLORS.text },
};
