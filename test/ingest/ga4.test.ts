import { describe, expect, it } from "vitest";
import { totals } from "../../src/metrics/index.js";
import { readText, sums } from "./read-text.js";

/** GA4 exports as its Reports and Explore sections download them: a `#` block, then the table. */
const PREAMBLE = [
  "# ----------------------------------------",
  "# Traffic acquisition: Session primary channel group (Default Channel Group)",
  "# Account: Example",
  "# Property: Example",
  "# ----------------------------------------",
  "# ",
  "# All Users",
  "# Start date: 20250901",
  "# End date: 20250930",
  "# ----------------------------------------",
];

describe("GA4 in its own terms", () => {
  it("reads sessions, engaged sessions, key events and revenue as measures, users as a per-row figure", () => {
    const text = [
      ...PREAMBLE,
      "Session primary channel group (Default Channel Group),Total users,Sessions,Engaged sessions,Engagement rate,Average engagement time per session,Key events,Session key event rate,Total revenue",
      "Paid Search,1200,1500,900,0.6,41.2,45,0.03,3400.50",
      "Organic Search,2100,2600,1900,0.7307692307692307,55.1,60,0.023,5100.00",
      "Paid Social,800,1000,450,0.45,12.9,10,0.01,700.25",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.receipt.platform).toBe("ga4");
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-09-01", to: "2025-09-30" });
    expect(sums(dataset)).toEqual({
      sessions: 5100,
      engaged_sessions: 3250,
      key_events: 115,
      revenue: 9200.75,
    });
    const figures = totals(dataset.facts);
    expect(figures.engagement_rate).toBeCloseTo(3250 / 5100, 12);
    expect(figures.conversions).toBeNull();
    expect(figures.spend).toBeNull();
    expect(figures.roas).toBeNull();
    expect(dataset.facts.measures).not.toHaveProperty("users");
    expect(Object.keys(dataset.facts.extraMeasures)).not.toContain("Engagement rate");
  });

  it("never adds key events to ad-platform conversions", () => {
    const dataset = readText("Campaign,Cost,Conversions,Key events\nBrand,10.00,4,9\nGeneric,20.00,2,3\n");
    expect(sums(dataset)).toEqual({ spend: 30, conversions: 6, key_events: 12 });
  });

  it("keeps sessions by page per row: a session that saw two pages is counted on both", () => {
    const text = [
      ...PREAMBLE,
      "Page path and screen class,Sessions,Engaged sessions,Key events",
      "/,900,600,20",
      "/pricing,400,350,30",
      "/blog/post,300,100,1",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.facts.measures.sessions).toBeUndefined();
    expect(Array.from(dataset.facts.extraMeasures.Sessions ?? [])).toEqual([900, 400, 300]);
    expect(sums(dataset)).toEqual({ key_events: 51 });
    expect(dataset.receipt.warnings.join(" ")).toMatch(/kept per row, not summed/);
  });

  it("sums sessions by landing page, which is the session's own", () => {
    const text = [...PREAMBLE, "Landing page,Sessions,Key events", "/,900,20", "/pricing,400,30"].join("\n");
    expect(sums(readText(text))).toEqual({ sessions: 1300, key_events: 50 });
  });
});
