/**
 * chartView compiles each chart's shape once and pours in its data sets and parameters per render: the
 * SVG must be exactly the one compiling the whole spec gives, for every chart kind, whatever came before.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { registerAxisFormat } from "../../src/charts/axis-format.js";
import { loadChartFont } from "../../src/charts/chart-font.js";
import { chartShapeKey, chartView } from "../../src/charts/chart-views.js";
import {
  breakdownChartSpec,
  efficiencyScatterChartSpec,
  funnelChartSpec,
  periodDeltasChartSpec,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import { CONTEXT, campaignRows, dailyRows, weeklyTrendWithComparison } from "./sample-data.js";
import { dataOf, layers } from "./spec-helpers.js";

loadChartFont();
registerAxisFormat();

async function svgOf(view: vega.View): Promise<string> {
  try {
    return await view.toSVG(2);
  } finally {
    view.finalize();
  }
}

/** The SVG the whole spec compiles to, without chart-views.ts. */
function compiledSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  compiled.background ??= "#ffffff";
  return svgOf(new vega.View(vega.parse(compiled), { renderer: "none" }));
}

const days = dailyRows(120);
const breakdown = (count: number, scale: number, source: string) =>
  breakdownChartSpec({
    rows: campaignRows(count).map((row) => ({ ...row, spend: (row.spend ?? 0) * scale })),
    metric: "spend",
    dimension: "campaign",
    top: 12,
    context: { ...CONTEXT, source },
  });
const dailyTrend = (count: number, scale: number, source: string) =>
  trendChartSpec({
    rows: dailyRows(count, Date.UTC(2023, count % 12, 1)).map((row) => ({
      ...row,
      spend: (row.spend ?? 0) * scale,
    })),
    metric: "spend",
    grain: "day",
    context: { ...CONTEXT, source, dateRange: null },
  });

const charts: Record<string, TopLevelSpec> = {
  "a breakdown": breakdown(30, 1, "a.csv"),
  "another breakdown of the same shape": breakdown(25, 1.2, "b.csv"),
  "a daily trend": dailyTrend(300, 1, "a.csv"),
  "another daily trend of the same shape": dailyTrend(400, 1.1, "b.csv"),
  "a weekly trend with comparison, dots and anomalies": weeklyTrendWithComparison(),
  "a single point": trendChartSpec({
    rows: days.slice(0, 1),
    metric: "roas",
    grain: "day",
    context: CONTEXT,
  }),
  "spend vs revenue": spendVsRevenueChartSpec({
    rows: campaignRows(14),
    dimension: "campaign",
    context: CONTEXT,
  }),
  "an efficiency scatter": efficiencyScatterChartSpec({
    rows: campaignRows(14),
    dimension: "campaign",
    efficiency: "roas",
    context: CONTEXT,
  }),
  "a funnel": funnelChartSpec({
    totals: { impressions: 2_400_000, clicks: 43_200, conversions: 1380, ctr: 0.018, cvr: 0.0319 },
    context: CONTEXT,
  }),
  "period deltas": periodDeltasChartSpec({
    deltas: { revenue: { absolute: 5400, relative: 0.21 }, cpa: { absolute: 3.1, relative: 0.14 } },
    current: { from: "2024-03-04", to: "2024-03-31" },
    previous: { from: "2024-02-05", to: "2024-03-03" },
    context: CONTEXT,
  }),
  "nothing to plot": breakdownChartSpec({ rows: [], metric: "cpa", dimension: "campaign", context: CONTEXT }),
};

describe("chartView", () => {
  for (const [name, spec] of Object.entries(charts)) {
    it(`draws ${name} exactly as compiling the whole spec does`, async () => {
      const before = JSON.stringify(spec);
      const expected = await compiledSvg(spec);
      // Twice: the second view comes from the cached shape.
      expect(await svgOf(chartView(spec))).toBe(expected);
      expect(await svgOf(chartView(spec))).toBe(expected);
      expect(JSON.stringify(spec)).toBe(before);
    });
  }

  it("draws every chart exactly so from a view built ahead, after charts of the same shape", async () => {
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    for (const spec of Object.values(charts)) {
      const expected = await compiledSvg(spec);
      await svgOf(chartView(spec));
      // The event loop is free, as it is while a PNG encodes: the next view of this shape is built now.
      await nextTurn();
      expect(await svgOf(chartView(spec))).toBe(expected);
    }
  });

  it("gives charts of one kind one shape, whatever their data, labels, titles and sources", () => {
    expect(chartShapeKey(charts["a breakdown"] as TopLevelSpec)).toBe(
      chartShapeKey(charts["another breakdown of the same shape"] as TopLevelSpec),
    );
    expect(chartShapeKey(charts["a daily trend"] as TopLevelSpec)).toBe(
      chartShapeKey(charts["another daily trend of the same shape"] as TopLevelSpec),
    );
    expect(chartShapeKey(charts["a breakdown"] as TopLevelSpec)).not.toBe(
      chartShapeKey(
        breakdownChartSpec({
          rows: campaignRows(30),
          metric: "roas",
          dimension: "campaign",
          context: CONTEXT,
        }),
      ),
    );
  });

  it("gives weekly trends over other weeks, and spend vs revenue over other segments, one shape each", () => {
    const weekly = (start: number, count: number) =>
      trendChartSpec({
        rows: dailyRows(count * 7, start).filter((_, index) => index % 7 === 0),
        metric: "cpa",
        grain: "week",
        context: CONTEXT,
      });
    expect(chartShapeKey(weekly(Date.UTC(2024, 0, 1), 12))).toBe(
      chartShapeKey(weekly(Date.UTC(2023, 5, 5), 9)),
    );
    const bySpend = (count: number) =>
      spendVsRevenueChartSpec({
        rows: campaignRows(count).reverse(),
        dimension: "campaign",
        context: CONTEXT,
      });
    expect(chartShapeKey(bySpend(14))).toBe(chartShapeKey(bySpend(20)));
  });

  it("keeps a breakdown's bars, and spend vs revenue's segments, in the order of their data", async () => {
    const domainOf = async (spec: TopLevelSpec) => {
      const view = chartView(spec);
      try {
        await view.runAsync();
        return view.scale("y").domain();
      } finally {
        view.finalize();
      }
    };
    const firstLabels = (spec: TopLevelSpec) => {
      const layer = layers(spec)[0];
      return [...new Set(layer ? dataOf(spec, layer).map((row) => row.label) : [])];
    };
    for (const spec of [charts["a breakdown"], charts["spend vs revenue"]] as TopLevelSpec[]) {
      expect(await domainOf(spec)).toEqual(firstLabels(spec));
    }
  });
});
