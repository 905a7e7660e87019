/**
 * Spend next to revenue for each segment of a dimension (grouped horizontal bars), with each segment's
 * ROAS written after its bars: where the money went and what came back, in one picture.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatCompact } from "../format/format-figures.js";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { DEFAULT_TOP } from "./breakdown.js";
import { framedChart } from "./chart-frame.js";
import { type BreakdownRow, type ChartBasics, figure } from "./chart-inputs.js";
import { distinctLabels } from "./elide-label.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { COLORS } from "./palette.js";
import { FONT_SIZES } from "./theme.js";
import { pooledValue, topSegments } from "./top-segments.js";
import { dimensionWords, plural } from "./wording.js";

export interface SpendVsRevenueChartInput extends ChartBasics {
  readonly rows: readonly BreakdownRow[];
  readonly dimension: string;
  /** Segments (largest spend first) before the rest are pooled into "Other" (default 10). */
  readonly top?: number;
}

const GROUP_STEP = 40;
const TICKS = 6;
const MEASURES = ["Spend", "Revenue"] as const;

interface Segment {
  readonly label: string;
  readonly spend: number | null;
  readonly revenue: number | null;
  readonly roasText: string;
}

export function spendVsRevenueChartSpec(input: SpendVsRevenueChartInput): TopLevelSpec {
  const { context } = input;
  const dimension = dimensionWords(input.dimension);
  const frame = { title: `Spend vs revenue by ${dimension}`, context, scope: input.scope };
  const usable = input.rows.filter((row) => figure(row, "spend") !== null || figure(row, "revenue") !== null);
  if (usable.length === 0) {
    const reason =
      input.rows.length === 0
        ? "There are no rows for this period."
        : "The data has neither spend nor revenue.";
    return nothingToPlotSpec(frame, reason);
  }
  const { shown, rest } = topSegments(
    usable.map((row) => ({ ...row, spend: figure(row, "spend") ?? 0 })),
    "spend",
    input.top ?? DEFAULT_TOP,
  );
  const labels = distinctLabels(shown.map((row) => row.key));
  const roasText = (roas: number | null) =>
    roas === null ? "ROAS n/a" : `ROAS ${formatCompact("roas", roas, null)}`;
  const segments: Segment[] = shown.map((row, index) => {
    const original = usable.find((candidate) => candidate.key === row.key) ?? row;
    return {
      label: labels[index] ?? row.key,
      spend: figure(original, "spend"),
      revenue: figure(original, "revenue"),
      roasText: roasText(figure(original, "roas")),
    };
  });
  if (rest.length > 0) {
    const pooled = rest.map((row) => usable.find((candidate) => candidate.key === row.key) ?? row);
    segments.push({
      label: `Other ${plural(dimension)} (${rest.length})`,
      spend: pooledValue(pooled, "spend"),
      revenue: pooledValue(pooled, "revenue"),
      roasText: roasText(pooledValue(pooled, "roas")),
    });
  }
  const bars = segments.flatMap((segment) => [
    { label: segment.label, measure: "Spend", value: segment.spend },
    { label: segment.label, measure: "Revenue", value: segment.revenue },
  ]);
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  if (largest === 0) return nothingToPlotSpec(frame, `Spend and revenue are 0 for every ${dimension}.`);
  const ends = segments.map((segment) => ({
    ...segment,
    end: Math.max(segment.spend ?? 0, segment.revenue ?? 0),
  }));
  // Segments arrive in order; a list of labels to sort by would make every chart's shape unique (see
  // chart-views.ts).
  const y = { field: "label", type: "nominal", sort: null, title: null };
  const scope = [input.scope, rest.length > 0 ? `top ${shown.length} ${plural(dimension)} by spend` : null]
    .filter(Boolean)
    .join(" · ");
  return framedChart(
    { ...frame, scope, plotHeight: segments.length * GROUP_STEP, bottomAxis: "labels-and-title" },
    [
      {
        data: { name: "bars" },
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          y,
          yOffset: { field: "measure", type: "nominal", sort: [...MEASURES], scale: { paddingInner: 0.1 } },
          x: {
            field: "value",
            type: "quantitative",
            // Unstacked: Vega-Lite rounds a stacked bar's end by wrapping every bar in its own clipped group.
            stack: null,
            title: `Spend and revenue${context.currency ? ` (${context.currency})` : ""}`,
            axis: {
              format: axisNumberFormat("money", context.currency, [0, largest], TICKS),
              formatType: AXIS_FORMAT_TYPE,
              tickCount: TICKS,
            },
          },
          color: {
            field: "measure",
            type: "nominal",
            scale: { domain: [...MEASURES], range: [COLORS.secondary, COLORS.primary] },
            legend: { title: null },
          },
        },
      },
      {
        data: { name: "ends" },
        mark: {
          type: "text",
          align: "left",
          baseline: "middle",
          dx: 6,
          fontWeight: 600,
          fontSize: FONT_SIZES.label,
        },
        encoding: {
          y,
          x: { field: "end", type: "quantitative" },
          text: { field: "roasText", type: "nominal" },
        },
      },
    ],
    { bars: bars.filter((bar) => bar.value !== null), ends },
  );
}
