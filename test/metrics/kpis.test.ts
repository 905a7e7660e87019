import { describe, expect, it } from "vitest";
import { figuresFromSums, isCostMetric, isRate, KPIS, METRICS } from "../../src/metrics/index.js";

describe("figuresFromSums", () => {
  it("computes every KPI as a ratio of the sums, cpm per thousand and rates as fractions", () => {
    const figures = figuresFromSums({
      spend: 525,
      impressions: 71000,
      clicks: 810,
      conversions: 20,
      revenue: 930,
    });
    expect(figures.spend).toBe(525);
    expect(figures.ctr).toBeCloseTo(0.0114084507, 10);
    expect(figures.cpc).toBeCloseTo(0.6481481481, 10);
    expect(figures.cpm).toBeCloseTo(7.3943661972, 10);
    expect(figures.cvr).toBeCloseTo(0.024691358, 10);
    expect(figures.cpa).toBe(26.25);
    expect(figures.roas).toBeCloseTo(1.7714285714, 10);
    expect(figures.aov).toBe(46.5);
  });

  it("makes an absent measure and every KPI that needs it null, and leaves the others alone", () => {
    const figures = figuresFromSums({ spend: 100, impressions: 4000, clicks: 50 });
    expect(figures).toEqual({
      spend: 100,
      impressions: 4000,
      clicks: 50,
      conversions: null,
      revenue: null,
      sessions: null,
      engaged_sessions: null,
      key_events: null,
      ctr: 50 / 4000,
      cpc: 2,
      cpm: 25,
      cvr: null,
      cpa: null,
      roas: null,
      aov: null,
      engagement_rate: null,
    });
  });

  it("gives null, not Infinity or NaN, for a zero denominator, while a zero numerator is a real 0", () => {
    const figures = figuresFromSums({ spend: 0, impressions: 0, clicks: 0, conversions: 0, revenue: 0 });
    for (const kpi of KPIS) expect(figures[kpi]).toBeNull();
    const noSales = figuresFromSums({ spend: 80, clicks: 40, conversions: 0, revenue: 0 });
    expect(noSales.cvr).toBe(0);
    expect(noSales.roas).toBe(0);
    expect(noSales.cpa).toBeNull();
    expect(noSales.aov).toBeNull();
  });

  it("treats a NaN sum as unknown so the result is always valid JSON", () => {
    const figures = figuresFromSums({ spend: Number.NaN, revenue: 10 });
    expect(figures.spend).toBeNull();
    expect(figures.roas).toBeNull();
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });
});

describe("metric classes", () => {
  it("lists the ad-platform and GA4 measures, then the KPIs", () => {
    expect(METRICS).toEqual([
      "spend",
      "impressions",
      "clicks",
      "conversions",
      "revenue",
      "sessions",
      "engaged_sessions",
      "key_events",
      "ctr",
      "cpc",
      "cpm",
      "cvr",
      "cpa",
      "roas",
      "aov",
      "engagement_rate",
    ]);
  });

  it("marks the metrics where up is bad, and the fractions", () => {
    expect(METRICS.filter(isCostMetric)).toEqual(["spend", "cpc", "cpm", "cpa"]);
    expect(METRICS.filter(isRate)).toEqual(["ctr", "cvr", "engagement_rate"]);
  });
});
