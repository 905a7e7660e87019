import { describe, expect, it } from "vitest";
import { readText, sums } from "./read-text.js";

describe("rows that cover a whole reporting window", () => {
  it("are not dated to its first day in an Amazon summary report", () => {
    const text = [
      "Start Date,End Date,Campaign Name,Impressions,Clicks,Spend,7 Day Total Sales ,7 Day Total Orders (#)",
      "2025-09-01,2025-09-30,SP - Brand,12000,340,210.50,1450.00,31",
      "2025-09-01,2025-09-30,SP - Generic,30000,610,580.25,1210.00,22",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.facts.days).toBeNull();
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-09-01", to: "2025-09-30" });
    expect(dataset.receipt.warnings.join(" ")).toMatch(/totals over the whole reporting window/);
    expect(sums(dataset)).toMatchObject({ spend: 790.75, clicks: 950 });
  });

  it("stay daily when each row ends at the next midnight, as Snapchat writes them", () => {
    const text = [
      "Start Time,End Time,Campaign Name,Paid Impressions,Swipe Ups,Amount Spent",
      "2025-09-01 00:00:00,2025-09-02 00:00:00,Launch,1000,20,15.00",
      "2025-09-02 00:00:00,2025-09-03 00:00:00,Launch,1200,25,16.00",
      "2025-09-03 00:00:00,2025-09-04 00:00:00,Launch,900,18,14.00",
    ].join("\n");
    const dataset = readText(text);
    expect(dataset.facts.days).not.toBeNull();
    expect(dataset.receipt.dateRange).toEqual({ from: "2025-09-01", to: "2025-09-03" });
    expect(dataset.receipt.warnings.join(" ")).not.toMatch(/reporting window/);
  });
});
