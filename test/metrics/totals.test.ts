import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { MetricsError, totals } from "../../src/metrics/index.js";
import { account } from "./sample-facts.js";

describe("totals", () => {
  it("sums every row, undated ones included, and computes KPIs from the sums", () => {
    expect(totals(account())).toEqual({
      spend: 525,
      impressions: 71000,
      clicks: 810,
      conversions: 20,
      revenue: 930,
      sessions: null,
      engaged_sessions: null,
      key_events: null,
      ctr: 810 / 71000,
      cpc: 525 / 810,
      cpm: (525 / 71000) * 1000,
      cvr: 20 / 810,
      cpa: 26.25,
      roas: 930 / 525,
      aov: 46.5,
      engagement_rate: null,
    });
  });

  it("gives null for a measure the data does not have, and for the KPIs built on it", () => {
    const facts = factTableFromRecords([
      { campaign: "A", spend: 10, clicks: 5 },
      { campaign: "B", spend: 30, clicks: 15 },
    ]);
    const figures = totals(facts);
    expect(figures.spend).toBe(40);
    expect(figures.cpc).toBe(2);
    expect(figures.impressions).toBeNull();
    expect(figures.revenue).toBeNull();
    expect(figures.ctr).toBeNull();
    expect(figures.cpm).toBeNull();
    expect(figures.roas).toBeNull();
  });

  it("skips empty cells instead of counting them as zero", () => {
    const facts = factTableFromRecords([
      { spend: 10, conversions: 2, revenue: null },
      { spend: null, conversions: 3, revenue: 60 },
      { spend: 20, conversions: null, revenue: 40 },
    ]);
    const figures = totals(facts);
    expect(figures.spend).toBe(30);
    expect(figures.conversions).toBe(5);
    expect(figures.revenue).toBe(100);
    expect(figures.cpa).toBe(6);
    expect(figures.aov).toBe(20);
  });

  it("gives null for a column that is present but empty in every row", () => {
    const facts = factTableFromRecords([
      { spend: 10, revenue: null },
      { spend: 5, revenue: null },
    ]);
    expect(totals(facts).revenue).toBeNull();
    expect(totals(facts).roas).toBeNull();
  });
});

describe("filters", () => {
  it("keeps dated rows inside an inclusive date range, leaving undated rows out", () => {
    const figures = totals(account(), { dateRange: { from: "2025-01-07", to: "2025-01-20" } });
    expect(figures.spend).toBe(400);
    expect(figures.clicks).toBe(600);
  });

  it("matches dimension values case-insensitively, ignoring surrounding spaces", () => {
    expect(totals(account(), { where: { channel: ["meta"] } }).spend).toBe(250);
    expect(totals(account(), { where: { campaign: [" BRAND ", "prospecting"] } }).spend).toBe(500);
  });

  it("matches blank cells with (not set), as breakdown labels them", () => {
    expect(totals(account(), { where: { campaign: ["(not set)"] } }).spend).toBe(25);
  });

  it("combines dimensions and dates with and", () => {
    const filter = {
      where: { channel: ["Google"], campaign: ["Prospecting"] },
      dateRange: { from: "2025-01-01", to: "2025-01-31" },
    };
    expect(totals(account(), filter).spend).toBe(150);
  });

  it("finds a dimension written the way a person would", () => {
    const facts = factTableFromRecords([{ ad_group: "Shoes", spend: 7 }]);
    expect(totals(facts, { where: { "Ad Group": ["shoes"] } }).spend).toBe(7);
  });

  it("gives zero measures and null KPIs when nothing matches", () => {
    const figures = totals(account(), { where: { channel: ["TikTok"] } });
    expect(figures.spend).toBe(0);
    expect(figures.revenue).toBe(0);
    expect(figures.roas).toBeNull();
  });

  it("names an unknown dimension and lists the ones there are", () => {
    expect(() => totals(account(), { where: { country: ["DE"] } })).toThrow(MetricsError);
    expect(() => totals(account(), { where: { country: ["DE"] } })).toThrow(
      'unknown dimension "country"; available: campaign, channel',
    );
  });

  it("refuses a date range on undated data and a date that is not one", () => {
    const undated = factTableFromRecords([{ spend: 1 }]);
    expect(() => totals(undated, { dateRange: { from: "2025-01-01", to: "2025-01-31" } })).toThrow(
      /no dates/,
    );
    expect(() => totals(account(), { dateRange: { from: "2025-02-30", to: "2025-03-01" } })).toThrow(
      'date range has "2025-02-30", which is not a date; use YYYY-MM-DD',
    );
    expect(() => totals(account(), { dateRange: { from: "2025-03-01", to: "2025-02-01" } })).toThrow(
      /backwards/,
    );
  });
});
