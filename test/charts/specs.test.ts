import { compile, type TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { AXIS_FORMAT_TYPE } from "../../src/charts/axis-format.js";
import {
  breakdownChartSpec,
  deltaTone,
  efficiencyScatterChartSpec,
  elideLabel,
  funnelChartSpec,
  periodDeltasChartSpec,
  spendVsRevenueChartSpec,
  trendChartSpec,
} from "../../src/charts/index.js";
import { COLORS } from "../../src/charts/palette.js";
import { breakdownRow, CONTEXT, campaignRows, dailyRows } from "./sample-data.js";
import { dataOf, dig, layers, layerWithMark } from "./spec-helpers.js";

function footerOf(spec: TopLevelSpec): unknown {
  return dig(layers(spec).at(-1), "mark", "text");
}

function compiles(spec: TopLevelSpec): void {
  expect(() => compile(spec)).not.toThrow();
}

describe("breakdownChartSpec", () => {
  const rows = campaignRows(14);
  const spec = breakdownChartSpec({
    rows,
    metric: "spend",
    dimension: "campaign",
    context: CONTEXT,
    scope: "Meta Ads",
  });
  const bars = layerWithMark(spec, "bar");
  const data = bars ? dataOf(spec, bars) : [];

  it("states metric, period and scope in the title, and source and dates in the footer", () => {
    expect(dig(spec, "title", "text")).toBe("Spend by campaign");
    expect(dig(spec, "title", "subtitle")).toBe("Mar 4 – 31, 2024 · Meta Ads · top 10 of 14 campaigns");
    expect(footerOf(spec)).toBe("Source: meta-ads-export-march.csv · Mar 4 – 31, 2024");
    compiles(spec);
  });

  it("sorts bars by value, largest first, with Other last", () => {
    // Drawn in data order (chart-views.test.ts checks the scale's domain).
    expect(dig(layers(spec)[0], "encoding", "y", "sort")).toBeNull();
    const values = data.filter((bar) => !bar.isOther).map((bar) => bar.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(data.at(-1)?.label).toBe("Other campaigns (4)");
  });

  it("sums the segments outside the top N into Other", () => {
    const shown = new Set(data.filter((bar) => !bar.isOther).map((bar) => bar.label));
    const rest = rows.filter((row) => !shown.has(elideLabel(row.key)));
    const other = data.find((bar) => bar.isOther);
    expect(other?.value).toBeCloseTo(rest.reduce((total, row) => total + (row.spend ?? 0), 0));
    expect(dig(bars, "encoding", "color", "condition", "value")).toBe(COLORS.muted);
  });

  it("pools ratio metrics as a ratio of sums, choosing segments by spend", () => {
    const roas = breakdownChartSpec({
      rows,
      metric: "roas",
      dimension: "campaign",
      context: CONTEXT,
      top: 5,
    });
    const roasBars = layerWithMark(roas, "bar");
    const roasData = roasBars ? dataOf(roas, roasBars) : [];
    const bySpend = [...rows].sort((a, b) => (b.spend ?? 0) - (a.spend ?? 0));
    const rest = bySpend.slice(5);
    const pooled =
      rest.reduce((t, r) => t + (r.revenue ?? 0), 0) / rest.reduce((t, r) => t + (r.spend ?? 0), 0);
    expect(roasData.find((bar) => bar.isOther)?.value).toBeCloseTo(pooled);
    expect(roasData.find((bar) => bar.isOther)?.valueText).toBe(`${pooled.toFixed(2)}x`);
  });

  it("formats the value axis in the data's currency and titles it with the unit", () => {
    const brl = breakdownChartSpec({
      rows,
      metric: "cpc",
      dimension: "campaign",
      context: { ...CONTEXT, currency: "BRL" },
    });
    const x = dig(layers(brl)[0], "encoding", "x");
    expect(dig(x, "title")).toBe("CPC (BRL per click)");
    expect(dig(x, "axis", "formatType")).toBe(AXIS_FORMAT_TYPE);
    expect(dig(x, "axis", "format", "prefix")).toBe("R$");
    const ctr = breakdownChartSpec({ rows, metric: "ctr", dimension: "ad_group", context: CONTEXT });
    expect(dig(layers(ctr)[0], "encoding", "x", "axis", "format", "postfix")).toBe("%");
    expect(dig(ctr, "title", "text")).toBe("CTR by ad group");
    compiles(brl);
  });

  it("elides names over 40 characters at a word boundary and keeps shorter ones whole", () => {
    const labels = data.map((bar) => bar.label as string);
    expect(labels).toContain("Summer Sale 2024 – Prospecting…");
    expect(labels).toContain("Campaign 05 – Brand/Ünïcode Größe");
    for (const label of labels) expect([...label].length).toBeLessThanOrEqual(40);
  });
});

describe("trendChartSpec", () => {
  const rows = dailyRows(60, Date.UTC(2024, 0, 1));
  const comparison = dailyRows(60, Date.UTC(2023, 10, 2));
  const anomalies = [
    {
      date: "2024-01-20",
      metric: "spend" as const,
      actual: 9000,
      expected: { low: 2000, high: 4000, median: 3100 },
      direction: "up",
      score: 4.2,
    },
    {
      date: "2024-01-21",
      metric: "roas" as const,
      actual: 1,
      expected: { low: 2, high: 3, median: 2.5 },
      direction: "down",
      score: 3,
    },
  ];
  const spec = trendChartSpec({
    rows,
    metric: "spend",
    grain: "day",
    context: CONTEXT,
    comparison: { rows: comparison },
    anomalies,
  });
  const line = layerWithMark(spec, "line");

  it("draws time on a UTC axis and the metric with its currency", () => {
    expect(dig(line, "encoding", "x", "type")).toBe("temporal");
    expect(dig(line, "encoding", "x", "scale", "type")).toBe("utc");
    expect(dig(line, "encoding", "y", "title")).toBe("Spend (USD)");
    expect(dig(line, "encoding", "y", "axis", "format", "prefix")).toBe("$");
    expect(dig(spec, "title", "text")).toBe("Spend per day");
    compiles(spec);
  });

  it("overlays the previous period dashed and grey on the current dates", () => {
    const data = line ? dataOf(spec, line) : [];
    const series = dig(line, "encoding", "strokeDash", "scale", "domain") as string[];
    expect(series).toEqual(["Mar 4 – 31, 2024", "Previous period"]);
    expect(dig(line, "encoding", "color", "scale", "range")).toEqual([COLORS.primary, COLORS.muted]);
    const times = (name: string) => data.filter((point) => point.series === name).map((point) => point.time);
    expect(times("Previous period")).toEqual(times("Mar 4 – 31, 2024"));
  });

  it("marks only the anomalies of the charted metric, labelled with actual vs expected", () => {
    const labels = layerWithMark(spec, "text");
    const marked = labels ? dataOf(spec, labels) : [];
    expect(marked).toHaveLength(1);
    expect(marked[0]?.label).toMatch(/^\$[\d,.K]+ vs ~\$3,100$/);
  });

  it("labels the strongest of anomalies days apart on the same side, and dots them all", () => {
    const anomaly = (day: number, direction: "up" | "down", score: number) => ({
      date: rows[day]?.period ?? "",
      metric: "spend" as const,
      actual: 0,
      expected: { low: 0, high: 0, median: direction === "up" ? 100 : 1_000_000 },
      direction,
      score,
    });
    const crowded = trendChartSpec({
      rows,
      metric: "spend",
      grain: "day",
      context: CONTEXT,
      // Two spikes a day apart, a drop between them, and a spike far away.
      anomalies: [anomaly(10, "up", 5), anomaly(11, "up", 4), anomaly(12, "down", 3), anomaly(50, "up", 2)],
    });
    const labelled = layers(crowded)
      .filter((layer) => dig(layer, "encoding", "text", "field") === "label")
      .flatMap((layer) => dataOf(crowded, layer).map((point) => point.time));
    const time = (day: number) => Date.parse(`${rows[day]?.period}T00:00:00Z`);
    expect(labelled.sort()).toEqual([time(10), time(12), time(50)].sort());
    const dots = layers(crowded).find((layer) => dig(layer, "mark", "color") === COLORS.anomaly);
    expect(dots ? dataOf(crowded, dots) : []).toHaveLength(4);
  });

  it("labels weekly axes on the weeks' Mondays", () => {
    const weeks = Array.from({ length: 6 }, (_, index) => ({
      period: new Date(Date.UTC(2024, 2, 4 + 7 * index)).toISOString().slice(0, 10),
      ctr: 0.01 + index / 1000,
    }));
    const weekly = trendChartSpec({ rows: weeks, metric: "ctr", grain: "week", context: CONTEXT });
    const values = dig(layerWithMark(weekly, "line"), "encoding", "x", "axis", "values") as number[];
    expect(values.map((time) => new Date(time).getUTCDay())).toEqual(values.map(() => 1));
    expect(dig(layerWithMark(weekly, "line"), "encoding", "y", "axis", "format", "postfix")).toBe("%");
  });
});

describe("spendVsRevenueChartSpec", () => {
  const spec = spendVsRevenueChartSpec({ rows: campaignRows(14), dimension: "campaign", context: CONTEXT });

  it("groups spend and revenue per segment and writes each segment's ROAS", () => {
    const bars = layerWithMark(spec, "bar");
    expect(dig(bars, "encoding", "yOffset", "field")).toBe("measure");
    expect(dig(bars, "encoding", "color", "scale", "domain")).toEqual(["Spend", "Revenue"]);
    const roas = layerWithMark(spec, "text");
    const texts = (roas ? dataOf(spec, roas) : []).map((segment) => segment.roasText);
    expect(texts.every((text) => /^ROAS \d+\.\d\dx$/.test(String(text)))).toBe(true);
    expect(dig(spec, "title", "text")).toBe("Spend vs revenue by campaign");
    compiles(spec);
  });
});

describe("efficiencyScatterChartSpec", () => {
  const rows = campaignRows(14);
  const spec = efficiencyScatterChartSpec({
    rows,
    dimension: "campaign",
    efficiency: "roas",
    context: CONTEXT,
  });

  it("puts spend on x, ROAS on y, conversions as bubble size, and the overall ROAS as a rule", () => {
    const circles = layerWithMark(spec, "circle");
    expect(dig(circles, "encoding", "x", "field")).toBe("spend");
    expect(dig(circles, "encoding", "y", "axis", "format", "postfix")).toBe("x");
    expect(dig(circles, "encoding", "size", "field")).toBe("conversions");
    const rule = layerWithMark(spec, "rule");
    const overall =
      rows.reduce((t, r) => t + (r.revenue ?? 0), 0) / rows.reduce((t, r) => t + (r.spend ?? 0), 0);
    expect(rule ? dataOf(spec, rule)[0]?.efficiency : null).toBeCloseTo(overall);
    compiles(spec);
  });

  it("names the biggest spenders and the best and worst performers", () => {
    const named = layers(spec)
      .filter((layer) => dig(layer, "encoding", "text", "field") === "label")
      .flatMap((layer) => dataOf(spec, layer).map((dot) => dot.label));
    expect(named.length).toBeGreaterThanOrEqual(3);
    expect(named.length).toBeLessThanOrEqual(5);
    const cpa = efficiencyScatterChartSpec({
      rows,
      dimension: "campaign",
      efficiency: "cpa",
      context: CONTEXT,
    });
    expect(dig(layerWithMark(cpa, "circle"), "encoding", "y", "title")).toBe("CPA (USD per conversion)");
  });
});

describe("funnelChartSpec", () => {
  it("shows the stages in order with the engine's step rates between them", () => {
    const totals = { impressions: 2_400_000, clicks: 43_200, conversions: 1380, ctr: 0.018, cvr: 0.0319 };
    const spec = funnelChartSpec({ totals, context: CONTEXT });
    const sort = dig(layerWithMark(spec, "bar"), "encoding", "y", "sort");
    expect(sort).toEqual(["Impressions", "step:Clicks", "Clicks", "step:Conversions", "Conversions"]);
    const steps = layers(spec)
      .flatMap((layer) => dataOf(spec, layer))
      .filter((row) => row.value === null);
    expect(steps.map((row) => row.text)).toEqual(["↓ 1.80% click-through rate", "↓ 3.19% conversion rate"]);
    compiles(spec);
  });
});

describe("periodDeltasChartSpec", () => {
  const spec = periodDeltasChartSpec({
    deltas: {
      revenue: { absolute: 5400, relative: 0.21 },
      cpa: { absolute: 3.1, relative: 0.14 },
      cpc: { absolute: -0.04, relative: -0.06 },
      spend: { absolute: 1200, relative: 0.08 },
      ctr: { absolute: -0.001, relative: -0.05 },
      roas: { absolute: null, relative: null },
    },
    current: { from: "2024-03-04", to: "2024-03-31" },
    previous: { from: "2024-02-05", to: "2024-03-03" },
    context: CONTEXT,
  });

  it("colours good news green and bad news vermillion, inverted for cost metrics", () => {
    expect(deltaTone("revenue", 0.2)).toBe("good");
    expect(deltaTone("ctr", -0.05)).toBe("bad");
    expect(deltaTone("cpa", 0.14)).toBe("bad");
    expect(deltaTone("cpc", -0.06)).toBe("good");
    expect(deltaTone("spend", 0.08)).toBe("neutral");
    const bars = layerWithMark(spec, "bar");
    const data = bars ? dataOf(spec, bars) : [];
    expect(Object.fromEntries(data.map((bar) => [bar.metric, bar.tone]))).toEqual({
      Spend: "neutral",
      Revenue: "good",
      CTR: "bad",
      CPC: "good",
      CPA: "bad",
    });
    const scale = dig(bars, "encoding", "color", "scale");
    expect(dig(scale, "domain")).toEqual(["good", "bad", "neutral"]);
    expect(dig(scale, "range")).toEqual([COLORS.good, COLORS.bad, COLORS.neutral]);
  });

  it("keeps zero in the middle and labels changes with sign and amount", () => {
    const bars = layerWithMark(spec, "bar");
    const domain = dig(bars, "encoding", "x", "scale", "domain") as number[];
    expect(domain[0]).toBeCloseTo(-(domain[1] ?? 0));
    const texts = (bars ? dataOf(spec, bars) : []).map((bar) => bar.text);
    expect(texts).toContain("+21.0% (+$5,400)");
    expect(texts).toContain("−6.0% (−$0.04)");
    expect(dig(spec, "title", "subtitle")).toBe("Mar 4 – 31, 2024 vs Feb 5 – Mar 3, 2024");
    compiles(spec);
  });
});

describe("degenerate data", () => {
  const empty = (spec: TopLevelSpec) =>
    layers(spec).some((layer) => dig(layer, "mark", "text") === "Nothing to plot");
  const nulls = [breakdownRow("A", 0, 0, 0, 0, 0), breakdownRow("B", 0, 0, 0, 0, 0)].map((row) => ({
    ...row,
    roas: null,
    cpa: null,
  }));

  it("explains an empty chart instead of drawing nothing", () => {
    expect(
      empty(breakdownChartSpec({ rows: [], metric: "spend", dimension: "campaign", context: CONTEXT })),
    ).toBe(true);
    expect(
      empty(breakdownChartSpec({ rows: nulls, metric: "roas", dimension: "campaign", context: CONTEXT })),
    ).toBe(true);
    expect(
      empty(breakdownChartSpec({ rows: nulls, metric: "spend", dimension: "campaign", context: CONTEXT })),
    ).toBe(true);
    expect(empty(trendChartSpec({ rows: [], metric: "spend", grain: "week", context: CONTEXT }))).toBe(true);
    expect(empty(spendVsRevenueChartSpec({ rows: [], dimension: "campaign", context: CONTEXT }))).toBe(true);
    expect(
      empty(
        efficiencyScatterChartSpec({
          rows: nulls,
          dimension: "campaign",
          efficiency: "cpa",
          context: CONTEXT,
        }),
      ),
    ).toBe(true);
    expect(empty(funnelChartSpec({ totals: {}, context: CONTEXT }))).toBe(true);
    expect(
      empty(periodDeltasChartSpec({ deltas: {}, current: null, previous: null, context: CONTEXT })),
    ).toBe(true);
  });

  it("draws a flat zero series on a 0-1 axis with a single tick", () => {
    const zeros = dailyRows(10).map((row) => ({ period: row.period, conversions: 0 }));
    const spec = trendChartSpec({ rows: zeros, metric: "conversions", grain: "day", context: CONTEXT });
    expect(empty(spec)).toBe(false);
    expect(dig(layerWithMark(spec, "line"), "encoding", "y", "scale", "domain")).toEqual([0, 1]);
    expect(dig(layerWithMark(spec, "line"), "encoding", "y", "axis", "values")).toEqual([0]);
  });
});
