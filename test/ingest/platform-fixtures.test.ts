import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { sums } from "./read-text.js";

/**
 * One small export per platform, written from each platform's documented column names and layout
 * (preambles, footers and total rows where the platform prints them): the platform is recognised, every
 * canonical column comes from the header the platform uses for it, and the figures are exact.
 */
const read = (file: string) => readExport({ path: join(import.meta.dirname, "fixtures/platforms", file) });

describe("documented platform exports", () => {
  it.each([
    [
      "tiktok-ads.csv",
      "tiktok_ads",
      "USD",
      {
        spend: "Cost",
        impressions: "Impressions",
        clicks: "Clicks (destination)",
        conversions: "Conversions",
        revenue: "Total complete payment value",
        date: "By Day",
      },
      { spend: 300, impressions: 75000, clicks: 1480, conversions: 29, revenue: 1160 },
    ],
    [
      "linkedin-campaign-manager.csv",
      "linkedin_ads",
      "EUR",
      {
        spend: "Total Spent",
        impressions: "Impressions",
        clicks: "Clicks",
        conversions: "Conversions",
        date: "Start Date (in UTC)",
        campaign: "Campaign Name",
      },
      { spend: 500, impressions: 22000, clicks: 110, conversions: 6 },
    ],
    [
      "microsoft-advertising.csv",
      "microsoft_ads",
      "USD",
      {
        spend: "Spend",
        impressions: "Impr.",
        clicks: "Clicks",
        conversions: "Conv.",
        revenue: "Revenue",
        date: "Gregorian date",
        campaign: "Campaign name",
      },
      { spend: 85.75, impressions: 3700, clicks: 145, conversions: 6, revenue: 445 },
    ],
    [
      "amazon-sponsored-products.csv",
      "amazon_ads",
      "USD",
      {
        spend: "Spend",
        impressions: "Impressions",
        clicks: "Clicks",
        conversions: "7 Day Total Orders (#)",
        revenue: "7 Day Total Sales ",
        date: "Date",
        campaign: "Campaign Name",
        ad_group: "Ad Group Name",
      },
      { spend: 81.27, impressions: 3573, clicks: 91, conversions: 10, revenue: 439.78 },
    ],
    [
      "snapchat-ads.csv",
      "snapchat_ads",
      "GBP",
      {
        spend: "Amount Spent",
        impressions: "Paid Impressions",
        clicks: "Swipe Ups",
        conversions: "Purchases",
        revenue: "Purchases Value",
        date: "Start Time",
        ad_group: "Ad Set Name",
      },
      { spend: 120, impressions: 39000, clicks: 520, conversions: 14, revenue: 740 },
    ],
    [
      "pinterest-ads.csv",
      "pinterest_ads",
      null,
      {
        spend: "Spend in account currency",
        impressions: "Paid impressions",
        clicks: "Pin clicks",
        conversions: "Total conversions (Checkout)",
        revenue: "Total order value (Checkout)",
        date: "Date",
      },
      { spend: 60, impressions: 12400, clicks: 200, conversions: 4, revenue: 315 },
    ],
    [
      "reddit-ads.csv",
      "reddit_ads",
      "USD",
      { spend: "Amount Spent", impressions: "Impressions", clicks: "Clicks", date: "Date" },
      { spend: 150, impressions: 50000, clicks: 280 },
    ],
    [
      "x-ads.csv",
      "x_ads",
      "USD",
      { spend: "Spend", impressions: "Impressions", clicks: "Link clicks", date: "Time period" },
      { spend: 200, impressions: 95000, clicks: 600 },
    ],
  ])("reads %s", (file, platform, currency, columns, figures) => {
    const dataset = read(file);
    expect(dataset.receipt.platform).toBe(platform);
    expect(dataset.receipt.currency).toBe(currency);
    expect(dataset.receipt.columns).toMatchObject(columns);
    expect(sums(dataset)).toEqual(figures);
  });

  it("dates Microsoft Advertising's few rows past its total row and footer, and checks them against the total", () => {
    const dataset = read("microsoft-advertising.csv");
    expect(dataset.receipt.droppedRows.map((row) => row.line)).toEqual([16, 18]);
    expect(dataset.totalsCheck).toMatchObject({ label: "Total", matched: true });
    expect(dataset.receipt.dateRange).toEqual({ from: "2024-03-01", to: "2024-03-03" });
  });

  it("dates LinkedIn's rows month first, below its preamble", () => {
    const dataset = read("linkedin-campaign-manager.csv");
    expect(dataset.receipt.dateRange).toEqual({ from: "2024-03-01", to: "2024-03-15" });
    expect(Array.from(dataset.facts.extraMeasures.Leads ?? [])).toEqual([6, 4, 0]);
  });

  it("reads Meta collaborative (CPAS) ads: purchases and their value for shared items are conversions and revenue", () => {
    const dataset = read("meta-collaborative-ads.csv");
    expect(dataset.receipt.platform).toBe("meta_ads");
    expect(dataset.receipt.currency).toBe("IDR");
    expect(dataset.receipt.columns).toMatchObject({
      conversions: "Purchases with shared items",
      revenue: "Purchases conversion value for shared items only",
    });
    expect(sums(dataset)).toEqual({
      spend: 4_000_000,
      impressions: 32000,
      clicks: 1000,
      conversions: 11,
      revenue: 5_500_000,
    });
    expect(dataset.receipt.warnings).toEqual([]);
  });

  it("keeps reach, frequency, results, landing-page views and messaging as named extra measures", () => {
    const dataset = read("meta-collaborative-ads.csv");
    expect(dataset.receipt.extraMeasures).toEqual([
      { name: "reach", header: "Reach", additive: false },
      { name: "frequency", header: "Frequency", additive: false },
      { name: "results", header: "Results", additive: true },
      { name: "landing_page_views", header: "Landing page views", additive: true },
      { name: "Adds to cart with shared items", header: "Adds to cart with shared items", additive: true },
      { name: "messaging_conversations_started", header: "Messaging conversations started", additive: true },
    ]);
    expect(dataset.receipt.columns).toMatchObject({
      reach: "Reach",
      landing_page_views: "Landing page views",
      messaging_conversations_started: "Messaging conversations started",
    });
    expect(Array.from(dataset.facts.extraMeasures.landing_page_views ?? [])).toEqual([310, 280, 120, 80]);
  });

  it("names Snapchat's paid reach and frequency as reach and frequency, never additive", () => {
    expect(read("snapchat-ads.csv").receipt.extraMeasures).toEqual([
      { name: "reach", header: "Paid Reach", additive: false },
      { name: "frequency", header: "Paid Frequency", additive: false },
    ]);
  });
});
