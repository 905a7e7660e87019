import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import type { TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { chartView } from "../../src/charts/chart-views.js";
import {
  breakdownChartSpec,
  efficiencyScatterChartSpec,
  funnelChartSpec,
  measureText,
  periodDeltasChartSpec,
  renderPng,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import { COLORS } from "../../src/charts/palette.js";
import { breakdownRow, CONTEXT, campaignRows, dailyRows, GRADIENT_BAR_SPEC } from "./sample-data.js";

const OUT = new URL("../out/", import.meta.url);

beforeAll(() => mkdirSync(OUT, { recursive: true }));

async function decoded(png: Buffer) {
  const image = sharp(png);
  const [metadata, stats, raw] = await Promise.all([image.metadata(), image.stats(), image.raw().toBuffer()]);
  const colours = new Set<number>();
  for (let index = 0; index < raw.length; index += 3 * 97) {
    colours.add(((raw[index] ?? 0) << 16) | ((raw[index + 1] ?? 0) << 8) | (raw[index + 2] ?? 0));
  }
  return { metadata, stats, colours };
}

/** The text Vega draws, as its SVG renderer writes it: every line as drawn, after any truncation. */
async function drawnText(spec: TopLevelSpec): Promise<string[]> {
  const view = chartView(spec);
  try {
    const svg = await view.toSVG();
    return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
  } finally {
    view.finalize();
  }
}

async function renderAndCheck(name: string, spec: TopLevelSpec): Promise<void> {
  const png = await renderPng(spec);
  writeFileSync(new URL(`${name}.png`, OUT), png);
  const { metadata, stats, colours } = await decoded(png);
  expect(metadata.format).toBe("png");
  expect(metadata.width).toBe(1600);
  expect(metadata.height ?? 0).toBeGreaterThan(300);
  expect(metadata.hasAlpha).toBe(false);
  expect(stats.isOpaque).toBe(true);
  // Not blank: dark text and coloured marks on the white background.
  expect(Math.min(...stats.channels.map((channel) => channel.min))).toBeLessThan(80);
  expect(colours.size).toBeGreaterThan(8);
}

const rows = campaignRows(14);
const deltas = {
  spend: { absolute: 1200, relative: 0.08 },
  revenue: { absolute: 5400, relative: 0.21 },
  ctr: { absolute: -0.001, relative: -0.05 },
  cpa: { absolute: 3.1, relative: 0.14 },
};

describe("renderPng", () => {
  it("renders every chart kind to an opaque 2x PNG, 800 CSS px wide", async () => {
    await renderAndCheck(
      "breakdown",
      breakdownChartSpec({ rows, metric: "spend", dimension: "campaign", context: CONTEXT }),
    );
    await renderAndCheck(
      "trend",
      trendChartSpec({ rows: dailyRows(120), metric: "roas", grain: "day", context: CONTEXT }),
    );
    await renderAndCheck(
      "spend-vs-revenue",
      spendVsRevenueChartSpec({ rows, dimension: "campaign", context: CONTEXT }),
    );
    await renderAndCheck(
      "efficiency-scatter",
      efficiencyScatterChartSpec({ rows, dimension: "campaign", efficiency: "cpa", context: CONTEXT }),
    );
    await renderAndCheck(
      "funnel",
      funnelChartSpec({
        totals: { impressions: 2.4e6, clicks: 43_200, conversions: 1380, ctr: 0.018, cvr: 0.0319 },
        context: CONTEXT,
      }),
    );
    await renderAndCheck(
      "period-deltas",
      periodDeltasChartSpec({
        deltas,
        current: CONTEXT.dateRange,
        previous: { from: "2024-02-05", to: "2024-03-03" },
        context: CONTEXT,
      }),
    );
  });

  it("renders degenerate data as a clear image, never throwing", async () => {
    const nulls = [{ key: "A", spend: null, roas: null }];
    await renderAndCheck(
      "empty",
      breakdownChartSpec({ rows: [], metric: "cpa", dimension: "campaign", context: CONTEXT }),
    );
    await renderAndCheck(
      "all-null",
      breakdownChartSpec({ rows: nulls, metric: "roas", dimension: "campaign", context: CONTEXT }),
    );
    await renderAndCheck(
      "one-point",
      trendChartSpec({
        rows: [{ period: "2024-03-04", roas: 3.2 }],
        metric: "roas",
        grain: "week",
        context: CONTEXT,
      }),
    );
    await renderAndCheck(
      "all-zero",
      trendChartSpec({
        rows: dailyRows(14).map((row) => ({ period: row.period, conversions: 0 })),
        metric: "conversions",
        grain: "day",
        context: CONTEXT,
      }),
    );
    await renderAndCheck(
      "single-bar",
      breakdownChartSpec({
        rows: [breakdownRow("Só uma campanha", 120, 0, 10, 900, 0)],
        metric: "cpa",
        dimension: "campaign",
        context: { ...CONTEXT, currency: null, dateRange: null },
      }),
    );
  });

  it("draws every glyph when renders needing the same new glyphs run at once", async () => {
    const spec = breakdownChartSpec({ rows, metric: "cpm", dimension: "ad set", context: CONTEXT });
    // A pixel ratio no other test uses, so every glyph mask is new to the process.
    const together = await Promise.all([1, 2, 3].map(() => renderPng(spec, { pixelRatio: 1.5 })));
    const alone = await renderPng(spec, { pixelRatio: 1.5 });
    for (const png of together) expect(png.equals(alone)).toBe(true);
    expect((await sharp(alone).metadata()).width).toBe(1200);
  });

  it("is deterministic: the same spec gives the same bytes", async () => {
    const spec = breakdownChartSpec({ rows, metric: "roas", dimension: "campaign", context: CONTEXT });
    const [first, second] = [await renderPng(spec), await renderPng(spec)];
    expect(first.equals(second)).toBe(true);
  });
});

describe("labels", () => {
  const labels = [
    "Campaign 05 – Brand/Über Größe",
    "Promoção de Verão – São Paulo – Feed",
    "Façade Çedilla – Ação Nacional 2024",
    "Retargeting – Cart Abandoners 7d – EU",
  ];
  const spec = breakdownChartSpec({
    rows: labels.map((key, index) => breakdownRow(key, 1000 * (index + 1), 3000, 100, 10_000, 10)),
    metric: "spend",
    dimension: "campaign",
    context: CONTEXT,
  });

  it("draws labels of 30-40 characters whole, with no ellipsis anywhere", async () => {
    const texts = await drawnText(spec);
    for (const label of labels) {
      expect([...label].length).toBeGreaterThanOrEqual(30);
      expect(texts).toContain(label);
    }
    expect(texts.join("\n")).not.toContain("…");
  });

  it("keeps a label within Vega's default 180 px limit whole, as its real width allows", async () => {
    const label = "Campaign 05 – Brand/Ü";
    expect(measureText(label, 11)).toBeLessThan(180);
    const plain = {
      data: { values: [{ name: label, value: 3 }] },
      mark: "bar",
      encoding: { y: { field: "name", type: "nominal" }, x: { field: "value", type: "quantitative" } },
    } as TopLevelSpec;
    const texts = await drawnText(plain);
    expect(texts).toContain(label);
    expect(texts.join("\n")).not.toContain("…");
  });

  it("elides a label over 40 characters at a word boundary", async () => {
    const long = "Summer Sale 2024 – Prospecting – Lookalike 1% – Advantage+ Audience";
    const texts = await drawnText(
      breakdownChartSpec({
        rows: [breakdownRow(long, 500, 900, 50, 4000, 5)],
        metric: "spend",
        dimension: "campaign",
        context: CONTEXT,
      }),
    );
    expect(texts).toContain("Summer Sale 2024 – Prospecting…");
  });

  it("renders scripts the font lacks as boxes rather than failing", async () => {
    const png = await renderPng(
      breakdownChartSpec({
        rows: [
          breakdownRow("夏季促销 – 北京", 500, 900, 50, 4000, 5),
          breakdownRow("Chiến dịch mùa hè – Hà Nội", 300, 800, 40, 3000, 4),
        ],
        metric: "roas",
        dimension: "campaign",
        context: { ...CONTEXT, currency: "VND" },
      }),
    );
    writeFileSync(new URL("unsupported-script.png", OUT), png);
    expect((await sharp(png).metadata()).width).toBe(1600);
  });
});

describe("marks", () => {
  it("draw long trend lines in the line colour, across the plot", async () => {
    const png = await renderPng(
      trendChartSpec({ rows: dailyRows(400), metric: "spend", grain: "day", context: CONTEXT }),
    );
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const columns = new Set<number>();
    for (let index = 0; index < data.length; index += info.channels) {
      if (data[index] === 0 && data[index + 1] === 114 && data[index + 2] === 178)
        columns.add((index / info.channels) % info.width);
    }
    expect(columns.size).toBeGreaterThan(info.width * 0.7);
    expect(COLORS.primary.toLowerCase()).toBe("#0072b2");
  });

  it("draw a gradient bar with both of its colours", async () => {
    const png = await renderPng(GRADIENT_BAR_SPEC);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect((await sharp(png).metadata()).hasAlpha).toBe(false);
    const colours = new Set<string>();
    for (let index = 0; index < info.width * info.height; index++) {
      const [red, green, blue] = [data[index * 3], data[index * 3 + 1], data[index * 3 + 2]] as number[];
      if ((red ?? 0) < 40 && (blue ?? 0) > 150) colours.add("blue");
      if ((red ?? 0) > 200 && (green ?? 0) > 120 && (green ?? 0) < 190 && (blue ?? 255) < 40)
        colours.add("orange");
    }
    expect(colours).toEqual(new Set(["blue", "orange"]));
  });
});
