/**
 * Anomalies the metrics engine found, marked on a trend: a vermillion dot on each, and the strongest
 * few labelled with the actual value against the expected one ("$14K vs ~$5,200").
 */

import { formatCompact } from "../format/format-figures.js";
import type { Metric } from "../metrics/index.js";
import { measureText } from "./chart-font.js";
import { type Datasets, type Layer, namedData } from "./chart-frame.js";
import type { Anomaly } from "./chart-inputs.js";
import { isoDateTime } from "./format-date.js";
import { COLORS } from "./palette.js";
import { CHART_WIDTH, FONT_SIZES } from "./theme.js";

/** Anomalies beyond this many (by score) are marked but not labelled, to keep the chart readable. */
const MAX_ANOMALY_LABELS = 3;
/** The plot's width in CSS px, less than the chart's by the y axis beside it (a generous estimate). */
const PLOT_WIDTH = CHART_WIDTH - 110;
/** Space kept between two labels on the same side, in CSS px. */
const LABEL_GAP = 8;

export interface TimePoint {
  readonly time: number;
  readonly value: number | null;
}

interface MarkedAnomaly {
  readonly time: number;
  readonly label: string;
  readonly below: boolean;
}

/**
 * The anomalies whose labels would not run into the label of a stronger one on the same side (two
 * spikes a few days apart), strongest first: the weaker keeps its dot but goes unlabelled. Positions
 * are estimated from the dates' share of the plotted span.
 */
function apart<T extends MarkedAnomaly>(byScore: readonly T[], plotted: readonly TimePoint[]): T[] {
  const first = plotted[0]?.time ?? 0;
  const span = Math.max(1, (plotted[plotted.length - 1]?.time ?? first) - first);
  const placed: { x: number; half: number; below: boolean }[] = [];
  return byScore.filter((anomaly) => {
    const x = ((anomaly.time - first) / span) * PLOT_WIDTH;
    const half = measureText(anomaly.label, FONT_SIZES.label, "semibold") / 2;
    const clear = placed.every(
      (other) => other.below !== anomaly.below || Math.abs(other.x - x) >= other.half + half + LABEL_GAP,
    );
    if (clear) placed.push({ x, half, below: anomaly.below });
    return clear;
  });
}

/** The anomaly layers and the named data sets they draw. */
export function anomalyLayers(
  anomalies: readonly Anomaly[],
  metric: Metric,
  currency: string | null,
  plotted: readonly TimePoint[],
): { layers: Layer[]; datasets: Datasets } {
  if (!anomalies.some((anomaly) => anomaly.metric === metric)) return { layers: [], datasets: {} };
  const byTime = new Map(plotted.map((point) => [point.time, point]));
  const marked = anomalies
    .filter((anomaly) => anomaly.metric === metric)
    .flatMap((anomaly) => {
      const time = isoDateTime(anomaly.date) ?? undefined;
      const point = time === undefined ? undefined : byTime.get(time);
      if (!point || point.value === null) return [];
      const expected = anomaly.expected.median;
      const label = `${formatCompact(metric, point.value, currency)}${
        expected === null ? "" : ` vs ~${formatCompact(metric, expected, currency)}`
      }`;
      const below = expected !== null && point.value < expected;
      return [{ time: point.time, value: point.value, score: anomaly.score, label, below }];
    })
    .sort((a, b) => b.score - a.score);
  if (marked.length === 0) return { layers: [], datasets: {} };
  const encoding = {
    x: { field: "time", type: "temporal" },
    y: { field: "value", type: "quantitative" },
  };
  const labelled = apart(marked, plotted).slice(0, MAX_ANOMALY_LABELS);
  // Labels sit on the side away from the expected value: above a spike, below a drop.
  const labels = [
    {
      name: "anomaly_labels_above",
      side: labelled.filter((anomaly) => !anomaly.below),
      dy: -13,
      baseline: "bottom",
    },
    {
      name: "anomaly_labels_below",
      side: labelled.filter((anomaly) => anomaly.below),
      dy: 13,
      baseline: "top",
    },
  ].filter((group) => group.side.length > 0);
  const layers = [
    {
      data: namedData("anomalies"),
      mark: {
        type: "point",
        filled: true,
        size: 80,
        color: COLORS.anomaly,
        stroke: COLORS.background,
        strokeWidth: 1.5,
        opacity: 1,
      },
      encoding,
    },
    ...labels.map((group) => ({
      data: namedData(group.name),
      mark: {
        type: "text",
        dy: group.dy,
        baseline: group.baseline,
        fontSize: FONT_SIZES.label,
        fontWeight: 600,
        color: COLORS.anomaly,
      },
      encoding: { ...encoding, text: { field: "label", type: "nominal" } },
    })),
  ];
  const datasets = Object.fromEntries([
    ["anomalies", marked],
    ...labels.map((group) => [group.name, group.side] as const),
  ]);
  return { layers, datasets };
}
