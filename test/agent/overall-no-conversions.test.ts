import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/** A split whose total spent with no conversions: its CPA is "no conversions", never "n/a". */
describe("a breakdown's overall line without conversions", () => {
  const dataset = exportFromLines([
    "Campaign,Day,Cost,Impressions,Clicks,Conversions",
    "a,2024-03-01,60,1000,50,0",
    "b,2024-03-01,40,1000,30,0",
  ]);

  it("says no conversions on the total spend for a CPA split", async () => {
    const text = await askChecked("cpa by campaign", dataset, "2024-03-10");
    expect(text).toContain("Overall: no conversions on 100.00 spend");
    expect(text).not.toMatch(/n\/a/);
  });

  it("says no conversions beside spend, for each row and the total", async () => {
    const text = await askChecked("spend and cpa by campaign", dataset, "2024-03-10");
    expect(text).toContain("- a: Spend 60.00 · CPA no conversions");
    expect(text).toContain("Overall: Spend 100.00 · CPA no conversions");
    expect(text).not.toMatch(/n\/a/);
  });
});
