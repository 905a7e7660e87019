/** The image for data with nothing to draw: same title and footer as the chart would have, and why. */
import type { TopLevelSpec } from "vega-lite";
import { type Frame, framedChart } from "./chart-frame.js";
import { COLORS } from "./palette.js";

const PLOT_HEIGHT = 150;

export function nothingToPlotSpec(
  frame: Omit<Frame, "plotHeight" | "bottomAxis">,
  reason: string,
): TopLevelSpec {
  const one = { values: [{}] };
  const layers = [
    {
      data: one,
      mark: {
        type: "rect",
        x: 0,
        x2: { expr: "width" },
        y: 0,
        y2: { expr: "height" },
        fill: "#F6F8FA",
        stroke: "#D0D7DE",
        strokeDash: [4, 4],
        cornerRadius: 6,
      },
    },
    {
      data: one,
      mark: {
        type: "text",
        text: "Nothing to plot",
        x: { expr: "width / 2" },
        y: { expr: "height / 2 - 10" },
        fontSize: 15,
        fontWeight: 600,
        color: COLORS.text,
      },
    },
    {
      data: one,
      mark: {
        type: "text",
        text: { expr: "reason_text" },
        x: { expr: "width / 2" },
        y: { expr: "height / 2 + 14" },
        fontSize: 12,
        color: COLORS.secondaryText,
      },
    },
  ];
  return framedChart(
    { ...frame, plotHeight: PLOT_HEIGHT, bottomAxis: "none" },
    layers,
    {},
    {
      reason_text: reason,
    },
  );
}
