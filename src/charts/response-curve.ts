/**
 * The budget move as a picture: for each campaign in the move, how daily results respond to daily spend
 * (the fitted curve), how sure that is (the band holds the middle 80% of the bootstrap curves), and
 * where its spend is now (hollow dot) and where the recommendation puts it (filled dot).
 */
import type { TopLevelSpec } from "vega-lite";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { framedChart } from "./chart-frame.js";
import type { ChartBasics } from "./chart-inputs.js";
import { distinctLabels } from "./elide-label.js";
import { SERIES } from "./palette.js";

export interface ResponseCurveSeries {
  readonly name: string;
  /** Points along the curve: spend a day, expected results a day, and the band's ends. */
  readonly points: ReadonlyArray<{ spend: number; expected: number; low: number; high: number }>;
  readonly current: { spend: number; results: number };
  readonly recommended: { spend: number; results: number };
}

export interface ResponseCurveChartInput extends ChartBasics {
  readonly curves: readonly ResponseCurveSeries[];
  /** "conversions" or "revenue": what the y axis counts. */
  readonly results: string;
}

const PLOT_HEIGHT = 320;
const TICKS = 6;

export function responseCurveChartSpec(input: ResponseCurveChartInput): TopLevelSpec {
  const { context } = input;
  const labels = distinctLabels(input.curves.map((curve) => curve.name));
  const named = input.curves.map((curve, index) => ({ ...curve, label: labels[index] ?? curve.name }));
  const band = named.flatMap((curve) => curve.points.map((point) => ({ ...point, campaign: curve.label })));
  const marks = named.flatMap((curve) => [
    { campaign: curve.label, kind: "Now", spend: curve.current.spend, results: curve.current.results },
    {
      campaign: curve.label,
      kind: "Recommended",
      spend: curve.recommended.spend,
      results: curve.recommended.results,
    },
  ]);
  const widest = Math.max(1, ...band.map((point) => point.spend));
  const tallest = Math.max(1, ...band.map((point) => point.high));
  const color = {
    field: "campaign",
    type: "nominal",
    sort: null,
    scale: { domain: named.map((curve) => curve.label), range: SERIES.slice(0, Math.max(1, named.length)) },
    legend: { title: null, orient: "top" },
  };
  const x = {
    field: "spend",
    type: "quantitative",
    title: `Spend a day${context.currency ? ` (${context.currency})` : ""}`,
    axis: {
      format: axisNumberFormat("money", context.currency, [0, widest], TICKS),
      formatType: AXIS_FORMAT_TYPE,
      tickCount: TICKS,
    },
  };
  const money = input.results === "revenue";
  const y = {
    type: "quantitative",
    title: `${money ? "Revenue" : "Conversions"} a day`,
    axis: {
      format: axisNumberFormat(
        money ? "money" : "count",
        money ? context.currency : null,
        [0, tallest],
        TICKS,
      ),
      formatType: AXIS_FORMAT_TYPE,
      tickCount: TICKS,
    },
  };
  return framedChart(
    {
      title: `Response to spend: ${input.results} a day`,
      context,
      scope: input.scope,
      plotHeight: PLOT_HEIGHT,
      bottomAxis: "labels-and-title",
    },
    [
      {
        data: { name: "band" },
        mark: { type: "area", opacity: 0.18 },
        encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color },
      },
      {
        data: { name: "band" },
        mark: { type: "line", strokeWidth: 2 },
        encoding: { x, y: { ...y, field: "expected" }, color },
      },
      {
        data: { name: "marks" },
        mark: { type: "point", size: 110, strokeWidth: 2.5, opacity: 1 },
        encoding: {
          x,
          y: { ...y, field: "results" },
          color,
          fill: {
            condition: {
              test: "datum.kind === 'Recommended'",
              field: "campaign",
              type: "nominal",
              scale: color.scale,
              legend: null,
            },
            value: "#FFFFFF",
          },
          shape: {
            field: "kind",
            type: "nominal",
            scale: { domain: ["Now", "Recommended"], range: ["circle", "circle"] },
            legend: null,
          },
        },
      },
      {
        data: { name: "marks" },
        mark: { type: "text", dy: -14, fontSize: 11, fontWeight: 600 },
        encoding: {
          x,
          y: { ...y, field: "results" },
          text: { field: "kind", type: "nominal" },
          color,
        },
      },
    ],
    { band, marks },
  );
}
