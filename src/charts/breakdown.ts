/** Breakdown by a dimension: horizontal bars sorted by value, top N plus "Other", each bar labelled. */
import type { TopLevelSpec } from "vega-lite";
import { formatCompact } from "../format/format-figures.js";
import { METRIC_CATALOG, type Metric } from "../metrics/index.js";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { metricAxisTitle } from "./axis-title.js";
import { framedChart } from "./chart-frame.js";
import { type BreakdownRow, type ChartBasics, figure } from "./chart-inputs.js";
import { distinctLabels } from "./elide-label.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { COLORS } from "./palette.js";
import { pooledValue, topSegments } from "./top-segments.js";
import { capitalize, dimensionWords, plural } from "./wording.js";

export interface BreakdownChartInput extends ChartBasics {
  readonly rows: readonly BreakdownRow[];
  readonly metric: Metric;
  /** The dimension the rows are keyed by: "campaign", "country", "ad_group". */
  readonly dimension: string;
  /** Bars before the rest are summed into "Other" (default 10). */
  readonly top?: number;
}

export const DEFAULT_TOP = 10;
const BAR_STEP = 26;
const TICKS = 6;

interface Bar {
  readonly label: string;
  readonly value: number;
  readonly valueText: string;
  readonly isOther: boolean;
}

export function breakdownChartSpec(input: BreakdownChartInput): TopLevelSpec {
  const { metric, context } = input;
  const info = METRIC_CATALOG[metric];
  const dimension = dimensionWords(input.dimension);
  const title = `${info.label} by ${dimension}`;
  const { shown, rest } = topSegments(input.rows, metric, input.top ?? DEFAULT_TOP);
  const frame = { title, context, scope: input.scope };
  if (shown.length === 0) {
    const reason =
      input.rows.length === 0
        ? "There are no rows for this period."
        : `No ${dimension} has a ${info.label} value.`;
    return nothingToPlotSpec(frame, reason);
  }
  const labels = distinctLabels(shown.map((row) => row.key));
  const bars: Bar[] = shown.map((row, index) => {
    const value = figure(row, metric) ?? 0;
    return {
      label: labels[index] ?? row.key,
      value,
      valueText: formatCompact(metric, value, context.currency),
      isOther: false,
    };
  });
  const other = pooledValue(rest, metric);
  if (other !== null) {
    bars.push({
      label: `Other ${plural(dimension)} (${rest.length})`,
      value: other,
      valueText: formatCompact(metric, other, context.currency),
      isOther: true,
    });
  }
  if (bars.every((bar) => bar.value === 0)) {
    return nothingToPlotSpec(frame, `${capitalize(info.label)} is 0 for every ${dimension}.`);
  }
  const values = bars.map((bar) => bar.value);
  const extent = [Math.min(...values), Math.max(...values)] as const;
  const total = input.rows.filter((row) => figure(row, metric) !== null).length;
  const scope = [input.scope, rest.length > 0 ? `top ${shown.length} of ${total} ${plural(dimension)}` : null]
    .filter(Boolean)
    .join(" · ");
  return framedChart(
    { ...frame, scope, plotHeight: bars.length * BAR_STEP, bottomAxis: "labels-and-title" },
    [
      {
        data: { name: "bars" },
        encoding: {
          y: {
            field: "label",
            type: "nominal",
            // The bars arrive in order; sorting by a list of labels would make every chart's shape
            // unique, and cost a compile per chart (see chart-views.ts).
            sort: null,
            title: null,
            axis: { labelFontSize: 11 },
          },
          x: {
            field: "value",
            type: "quantitative",
            // Unstacked: Vega-Lite rounds a stacked bar's end by wrapping every bar in its own clipped group.
            stack: null,
            title: metricAxisTitle(metric, context.currency),
            axis: {
              format: axisNumberFormat(info.unit, context.currency, extent, TICKS),
              formatType: AXIS_FORMAT_TYPE,
              tickCount: TICKS,
            },
          },
        },
        layer: [
          {
            mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.72 } },
            encoding: {
              color: { condition: { test: "datum.isOther", value: COLORS.muted }, value: COLORS.primary },
            },
          },
          {
            mark: { type: "text", align: "left", baseline: "middle", dx: 5, color: COLORS.text },
            encoding: { text: { field: "valueText", type: "nominal" } },
          },
        ],
      },
    ],
    { bars },
  );
}
