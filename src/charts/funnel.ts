/**
 * The funnel: impressions -> clicks -> conversions as bars on one scale, with the step rates (CTR, then
 * conversion rate) written between the stages they connect. Bars share a linear scale on purpose: the
 * drop from impressions to conversions is the point, and the labels carry the exact figures.
 */
import type { TopLevelSpec } from "vega-lite";
import { formatCompact } from "../format/format-figures.js";
import { METRIC_CATALOG, type Metric } from "../metrics/index.js";
import { framedChart } from "./chart-frame.js";
import { type ChartBasics, figure, type MetricFigures } from "./chart-inputs.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { COLORS, SERIES } from "./palette.js";
import { FONT_SIZES } from "./theme.js";

export interface FunnelChartInput extends ChartBasics {
  /** Totals from the metrics engine: impressions, clicks, conversions and their ctr and cvr. */
  readonly totals: MetricFigures;
}

const STAGES = [
  { metric: "impressions", color: SERIES[4] },
  { metric: "clicks", color: SERIES[0] },
  { metric: "conversions", color: SERIES[2] },
] as const satisfies readonly { metric: Metric; color: string }[];

/** The rate that leads from one stage to the next, as the metrics engine computed it. */
const STEP_RATES: Partial<Record<Metric, { metric: Metric; words: string }>> = {
  clicks: { metric: "ctr", words: "click-through rate" },
  conversions: { metric: "cvr", words: "conversion rate" },
};

const ROW_STEP = 34;
const STEP_PREFIX = "step:";

interface Row {
  readonly row: string;
  readonly value: number | null;
  readonly text: string;
  readonly color: string;
}

export function funnelChartSpec(input: FunnelChartInput): TopLevelSpec {
  const { totals, context } = input;
  const frame = { title: "Funnel: impressions → clicks → conversions", context, scope: input.scope };
  const present = STAGES.filter((stage) => figure(totals, stage.metric) !== null);
  if (present.length === 0)
    return nothingToPlotSpec(frame, "The data has no impressions, clicks or conversions.");
  if (present.every((stage) => figure(totals, stage.metric) === 0)) {
    return nothingToPlotSpec(frame, "Impressions, clicks and conversions are all 0.");
  }
  const rows: Row[] = present.flatMap((stage, index) => {
    const value = figure(totals, stage.metric) ?? 0;
    const { label } = METRIC_CATALOG[stage.metric];
    const bar: Row = {
      row: label,
      value,
      text: formatCompact(stage.metric, value, null),
      color: stage.color,
    };
    const step = STEP_RATES[stage.metric];
    const previous = present[index - 1];
    // A step rate only makes sense between adjacent stages that are both present.
    const adjacent = previous !== undefined && STAGES.indexOf(previous) === STAGES.indexOf(stage) - 1;
    const rate = step && adjacent ? figure(totals, step.metric) : null;
    if (!step || rate === null) return [bar];
    const text = `↓ ${formatCompact(step.metric, rate, null)} ${step.words}`;
    return [{ row: `${STEP_PREFIX}${label}`, value: null, text, color: COLORS.secondaryText }, bar];
  });
  const y = {
    field: "row",
    type: "nominal",
    sort: rows.map((row) => row.row),
    title: null,
    axis: { labelExpr: `indexof(datum.label, '${STEP_PREFIX}') === 0 ? '' : datum.label`, labelFontSize: 12 },
  };
  const bars = rows.filter((row) => row.value !== null);
  const layers = [
    {
      data: { name: "bars" },
      mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.8 } },
      encoding: {
        y,
        x: { field: "value", type: "quantitative", axis: null, stack: null },
        color: { field: "color", type: "nominal", scale: null },
      },
    },
    {
      data: { name: "bars" },
      mark: {
        type: "text",
        align: "left",
        baseline: "middle",
        dx: 6,
        fontSize: 12,
        fontWeight: 600,
        color: COLORS.text,
      },
      encoding: { y, x: { field: "value", type: "quantitative" }, text: { field: "text", type: "nominal" } },
    },
    {
      data: { name: "steps" },
      mark: {
        type: "text",
        align: "left",
        baseline: "middle",
        x: 4,
        fontSize: FONT_SIZES.label,
        color: COLORS.secondaryText,
      },
      encoding: { y, text: { field: "text", type: "nominal" } },
    },
  ];
  return framedChart({ ...frame, plotHeight: rows.length * ROW_STEP, bottomAxis: "none" }, layers, {
    bars,
    steps: rows.filter((row) => row.value === null),
  });
}
