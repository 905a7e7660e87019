import { describe, expect, it } from "vitest";
import { type Dataset, readExport } from "../../src/ingest/index.js";
import { breakdown, totals } from "../../src/metrics/index.js";
import { BlendError, blendExports, parseCurrencyRate } from "../../src/workspace-view/index.js";

const read = (name: string, text: string): Dataset => readExport({ bytes: Buffer.from(text), name });

const DAILY = `Campaign report
1 March 2024 - 3 March 2024
Day,Campaign,Currency code,Cost,Impr.,Clicks,Conversions
2024-03-01,Brand,USD,10.10,1000,50,5
2024-03-02,Brand,USD,20.20,2000,60,6
2024-03-03,Brand,USD,30.30,3000,70,7
2024-03-01,Generic,USD,5.05,500,10,1
2024-03-02,Generic,USD,6.06,600,11,1
2024-03-03,Generic,USD,7.07,700,12,2
`;
const TOTALS = `Campaign report
1 March 2024 - 3 March 2024
Campaign,Currency code,Cost,Impr.,Clicks,Conversions
Brand,USD,60.60,6000,180,18
Generic,USD,18.18,1800,33,4
Total: Campaigns,USD,78.78,7800,213,22
`;
const META = `Reporting starts,Reporting ends,Day,Campaign name,Ad set name,Amount spent (USD),Impressions,Link clicks,Purchases,Purchases conversion value
2024-03-01,2024-03-02,2024-03-01,Prospecting,Broad,40,4000,80,2,120
2024-03-01,2024-03-02,2024-03-02,Prospecting,Broad,60,5000,90,3,210
`;
const GA4 = `# ----------------------------------------
# Traffic acquisition: Session primary channel group
# 20240301-20240303
# ----------------------------------------

Session primary channel group (Default Channel Group),Date,Sessions,Engaged sessions,Key events,Total revenue
Paid Search,20240301,300,200,9,500
Paid Social,20240302,400,250,11,700
`;

describe("blending several exports", () => {
  it("keeps one file as it was read", () => {
    const one = read("daily.csv", DAILY);
    const view = blendExports([one]);
    expect(view.dataset).toBe(one);
    expect(view.notes).toEqual([]);
  });

  it("adds platforms together with platform and source file as dimensions", () => {
    const view = blendExports([read("google.csv", DAILY), read("meta.csv", META)]);
    const blended = totals(view.dataset.facts);
    // Hand sums of the two files above.
    expect(blended.spend).toBeCloseTo(78.78 + 100, 9);
    expect(blended.conversions).toBe(22 + 5);
    expect(blended.cpa).toBeCloseTo(178.78 / 27, 9);
    const byPlatform = Object.fromEntries(
      breakdown(view.dataset.facts, "platform").map((r) => [r.key, r.spend]),
    );
    expect(byPlatform).toEqual({ "Google Ads": expect.closeTo(78.78, 9), "Meta Ads": 100 });
    const byFile = breakdown(view.dataset.facts, "source_file").map((r) => r.key);
    expect(byFile.sort()).toEqual(["google.csv", "meta.csv"]);
    expect(view.dataset.receipt.file).toBe("google.csv + meta.csv");
    expect(view.sources.map((s) => s.file)).toEqual(["google.csv", "meta.csv"]);
  });

  it("counts a daily and a totals version of one report once, keeping the daily rows", () => {
    const view = blendExports([read("totals.csv", TOTALS), read("daily.csv", DAILY)]);
    const blended = totals(view.dataset.facts);
    expect(blended.spend).toBeCloseTo(78.78, 9);
    expect(blended.clicks).toBe(213);
    expect(view.dataset.facts.days).not.toBeNull();
    expect(breakdown(view.dataset.facts, "source file").map((r) => r.key)).toEqual(["daily.csv"]);
    expect(view.notes.join("\n")).toMatch(/totals\.csv repeats daily\.csv .*counted once/);
  });

  it("counts the same report uploaded twice once", () => {
    const view = blendExports([read("a.csv", TOTALS), read("b.csv", TOTALS)]);
    expect(totals(view.dataset.facts).spend).toBeCloseTo(78.78, 9);
    expect(view.notes.join("\n")).toMatch(/counted once/);
  });

  it("keeps both versions of a refreshed report but says they disagree", () => {
    const refreshed = TOTALS.replace("Brand,USD,60.60,6000,180,18", "Brand,USD,75.00,7500,200,20");
    const view = blendExports([read("old.csv", TOTALS), read("new.csv", refreshed)]);
    expect(totals(view.dataset.facts).spend).toBeCloseTo(78.78 + 75 + 18.18 - 18.18, 9);
    expect(view.notes.join("\n")).toMatch(/Brand for the same days with different figures/);
  });

  it("never adds two currencies, and converts only at the rate given", () => {
    const pounds = TOTALS.replaceAll("USD", "GBP");
    expect(() => blendExports([read("uk.csv", pounds), read("meta.csv", META)])).toThrow(BlendError);
    expect(() => blendExports([read("uk.csv", pounds), read("meta.csv", META)])).toThrow(
      /--rate USD:GBP=<rate>/,
    );
    const view = blendExports([read("uk.csv", pounds), read("meta.csv", META)], {
      rates: [parseCurrencyRate("GBP:USD=1.25")],
    });
    expect(view.dataset.receipt.currency).toBe("USD");
    expect(totals(view.dataset.facts).spend).toBeCloseTo(78.78 * 1.25 + 100, 9);
    expect(view.notes.join("\n")).toMatch(/uk\.csv is in GBP: converted to USD at 1\.25 \(the rate you gave/);
  });

  it("keeps GA4's key events and revenue apart from ad-platform conversions and revenue", () => {
    const ga4 = read("ga4.csv", GA4);
    expect(ga4.receipt.platform).toBe("ga4");
    const view = blendExports([read("meta.csv", META), ga4]);
    const blended = totals(view.dataset.facts);
    expect(blended.conversions).toBe(5);
    expect(blended.revenue).toBe(330);
    expect(blended.roas).toBeCloseTo(3.3, 9);
    expect(blended.key_events).toBe(20);
    expect(view.dataset.facts.extraMeasures["site revenue"]).toBeDefined();
    expect(view.notes.join("\n")).toMatch(/ga4\.csv counts what happened on the site/);
  });

  it("says when a blended ratio includes spend that has no revenue", () => {
    const view = blendExports([read("google.csv", DAILY), read("meta.csv", META)]);
    expect(view.notes.join("\n")).toMatch(/google\.csv has spend but no revenue: blended ROAS/);
  });

  it("refuses two files of one name, and a rate it cannot read", () => {
    expect(() => blendExports([read("a.csv", META), read("a.csv", DAILY)])).toThrow(
      /two files are named "a\.csv"/,
    );
    expect(() => parseCurrencyRate("GBP 1.2")).toThrow(/FROM:TO=RATE/);
  });
});
