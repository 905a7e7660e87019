/**
 * librsvg is the renderer's oracle, as csv-parse is the tokenizer's: the SVG Vega writes for a view,
 * rasterised by librsvg through sharp, must look like the PNG renderPng draws with Vega's canvas
 * renderer on Skia. librsvg finds fonts through fontconfig, which cannot read the bundled Inter (WOFF2),
 * so both sides draw with DejaVu Sans, a system font each of them loads from the same file; the layout
 * is still Vega's, measured by Skia.
 *
 * Tolerance: a mean absolute difference under 1 (of 255) per channel, and under 0.5% of channel values
 * more than 64 apart. Marks, axes and grid lines match to the last bits of anti-aliasing; what differs
 * more is the edges of glyphs, which the two libraries hint and place to a fraction of a pixel apart.
 */
import { GlobalFonts } from "canvas";
import sharp from "sharp";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { chartView } from "../../src/charts/chart-views.js";
import {
  breakdownChartSpec,
  efficiencyScatterChartSpec,
  renderPng,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import { CONTEXT, campaignRows, dailyRows, weeklyTrendWithComparison } from "./sample-data.js";

const ORACLE_FONT = "DejaVu Sans";
const PIXEL_RATIO = 2;
const MAX_MEAN_DIFFERENCE = 1;
const FAR = 64;
const MAX_FAR_SHARE = 0.005;

function inOracleFont(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: { ...spec.config, font: ORACLE_FONT } } as TopLevelSpec;
}

async function rgb(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function librsvg(spec: TopLevelSpec): Promise<Buffer> {
  const view = chartView(spec);
  try {
    return Buffer.from(await view.toSVG(PIXEL_RATIO));
  } finally {
    view.finalize();
  }
}

const rows = campaignRows(14);
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

describe("renderPng against librsvg", () => {
  it(`has ${ORACLE_FONT} to draw with on both sides`, () => {
    expect(GlobalFonts.has(ORACLE_FONT)).toBe(true);
  });

  for (const [name, chart] of Object.entries(charts)) {
    it(`draws ${name} as librsvg draws Vega's SVG of it`, async () => {
      const spec = inOracleFont(chart);
      const [drawn, oracle] = [await rgb(await renderPng(spec)), await rgb(await librsvg(spec))];
      expect([drawn.width, drawn.height]).toEqual([oracle.width, oracle.height]);
      let sum = 0;
      let far = 0;
      for (let index = 0; index < drawn.data.length; index++) {
        const delta = Math.abs((drawn.data[index] as number) - (oracle.data[index] as number));
        sum += delta;
        if (delta > FAR) far++;
      }
      expect(sum / drawn.data.length).toBeLessThan(MAX_MEAN_DIFFERENCE);
      expect(far / drawn.data.length).toBeLessThan(MAX_FAR_SHARE);
    });
  }
});
