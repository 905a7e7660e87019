/**
 * renderPng paints the common charts itself and hands the rest to librsvg; either way the picture must be
 * the one librsvg draws. These tests compare the two paths pixel by pixel.
 */
import sharp from "sharp";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { registerAxisFormat } from "../../src/charts/axis-format.js";
import {
  breakdownChartSpec,
  efficiencyScatterChartSpec,
  renderPng,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import { isPaintable, planPaint } from "../../src/charts/paint-svg.js";
import { renderPngWithLibrsvg } from "../../src/charts/render.js";
import { scanSvg } from "../../src/charts/svg-scan.js";
import { installTextMetrics } from "../../src/charts/vega-text-metrics.js";
import {
  CONTEXT,
  campaignRows,
  dailyRows,
  GRADIENT_BAR_SPEC,
  weeklyTrendWithComparison,
} from "./sample-data.js";

async function rgb(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { data, width: info.width, height: info.height };
}

/** Mean absolute difference per channel, and how many pixels differ by more than `far` in a channel. */
async function compare(a: Buffer, b: Buffer, far = 64) {
  const [first, second] = [await rgb(a), await rgb(b)];
  expect([first.width, first.height]).toEqual([second.width, second.height]);
  let sum = 0;
  let distant = 0;
  for (let index = 0; index < first.data.length; index++) {
    const delta = Math.abs((first.data[index] as number) - (second.data[index] as number));
    sum += delta;
    if (delta > far) distant++;
  }
  return { mean: sum / first.data.length, distant };
}

/** Whether paint-svg.ts can draw the spec's SVG (at 2x), i.e. renderPng skips librsvg for it. */
async function paintable(spec: TopLevelSpec): Promise<boolean> {
  installTextMetrics();
  registerAxisFormat();
  const compiled = compile(spec).spec;
  compiled.background ??= "#ffffff";
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return isPaintable(planPaint(scanSvg(await view.toSVG(2)), 2));
  } finally {
    view.finalize();
  }
}

const rows = campaignRows(14);

describe("renderPng without librsvg", () => {
  const charts: Record<string, TopLevelSpec> = {
    "a 20-bar breakdown": breakdownChartSpec({
      rows: campaignRows(40),
      metric: "spend",
      dimension: "campaign",
      top: 19,
      context: CONTEXT,
    }),
    "a trend with a dashed comparison, dots and an anomaly": weeklyTrendWithComparison(),
    "a 1,000-point trend": trendChartSpec({
      rows: dailyRows(1000, Date.UTC(2021, 6, 1)),
      metric: "spend",
      grain: "day",
      context: { ...CONTEXT, dateRange: null },
    }),
    "translucent scatter bubbles with a legend": efficiencyScatterChartSpec({
      rows,
      dimension: "campaign",
      efficiency: "cpa",
      context: CONTEXT,
    }),
    "grouped bars with square legend swatches": spendVsRevenueChartSpec({
      rows,
      dimension: "campaign",
      context: CONTEXT,
    }),
    "the nothing-to-plot frame": breakdownChartSpec({
      rows: [],
      metric: "cpa",
      dimension: "campaign",
      context: CONTEXT,
    }),
  };

  for (const [name, spec] of Object.entries(charts)) {
    it(`paints ${name} as librsvg draws it`, async () => {
      expect(await paintable(spec)).toBe(true);
      const { mean, distant } = await compare(await renderPng(spec), await renderPngWithLibrsvg(spec));
      // Edges may differ in their last bits of anti-aliasing; nothing may be missing or moved.
      expect(mean).toBeLessThan(0.1);
      expect(distant).toBe(0);
    });
  }
});

describe("renderPng with librsvg", () => {
  const gradient = GRADIENT_BAR_SPEC;

  it("still renders a mark it cannot paint itself (a gradient bar), through librsvg", async () => {
    expect(await paintable(gradient)).toBe(false);
    const png = await renderPng(gradient);
    // The fallback is exactly the librsvg path.
    expect(png.equals(await renderPngWithLibrsvg(gradient))).toBe(true);
    const { data, width, height } = await rgb(png);
    expect((await sharp(png).metadata()).hasAlpha).toBe(false);
    // Both gradient colours show along the bar.
    const colours = new Set<string>();
    for (let index = 0; index < width * height; index++) {
      const [red, green, blue] = [data[index * 3], data[index * 3 + 1], data[index * 3 + 2]] as number[];
      if ((red ?? 0) < 40 && (blue ?? 0) > 150) colours.add("blue");
      if ((red ?? 0) > 200 && (green ?? 0) > 120 && (green ?? 0) < 190 && (blue ?? 255) < 40)
        colours.add("orange");
    }
    expect(colours).toEqual(new Set(["blue", "orange"]));
  });

  it("draws charts at pixel ratios with a fractional canvas (librsvg centres those) the same way", async () => {
    const spec = breakdownChartSpec({ rows, metric: "cpm", dimension: "ad set", context: CONTEXT });
    const png = await renderPng(spec, { pixelRatio: 1.5 });
    expect(png.equals(await renderPngWithLibrsvg(spec, { pixelRatio: 1.5 }))).toBe(true);
  });

  it("paints new glyphs right when renders needing them run at once", async () => {
    const spec = trendChartSpec({ rows: dailyRows(60), metric: "roas", grain: "day", context: CONTEXT });
    expect(await paintable(spec)).toBe(true);
    // A pixel ratio no other test uses, so every glyph mask is new to the process.
    const together = await Promise.all([1, 2, 3].map(() => renderPng(spec, { pixelRatio: 3 })));
    const alone = await renderPng(spec, { pixelRatio: 3 });
    for (const png of together) expect(png.equals(alone)).toBe(true);
    expect((await sharp(alone).metadata()).width).toBe(2400);
  });
});
