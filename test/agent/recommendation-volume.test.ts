import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/**
 * A long tail of ad groups, so the spend floor is low (10% of the median spend, 30): two burned money with
 * no conversions, two converted once each on little money (CPA 12 and 15), Steady A converted 40 times
 * (CPA 20), and six tail groups once each at 30.
 */
function adGroups(luckyConversions: number, steady = true) {
  const tail = [1, 2, 3, 4, 5, 6].map((index) => `Search,Tail ${index},30,10,1`);
  return exportFromLines([
    "Campaign,Ad group,Cost,Clicks,Conversions",
    "Search,Burner A,700,300,0",
    "Search,Burner B,500,200,0",
    ...(steady ? ["Search,Steady A,800,400,40", "Search,Steady B,750,380,30"] : []),
    `Search,Lucky A,${12 * luckyConversions},10,${luckyConversions}`,
    `Search,Lucky B,${15 * luckyConversions},12,${luckyConversions}`,
    ...tail,
  ]);
}

describe("cut-or-scale advice moves budget only towards proven converters", () => {
  it("moves budget only to the strong ad group with the volume, and says the one-conversion ones are unproven", async () => {
    const text = await askChecked("which ad groups are wasting money", adGroups(1), "2024-03-05");
    expect(text).toContain(
      "Scale (strongest CPA):\n- Lucky A: CPA 12.00 on 12.00 spend\n- Lucky B: CPA 15.00 on 15.00 spend\n- Steady A: CPA 20.00 on 800.00 spend",
    );
    expect(text).toContain(
      "1. Cap or pause Burner A, Burner B, Tail 1, and move that budget to Steady A. Lucky A, Lucky B look cheaper, but on too few conversions to show it yet: leave their budgets as they are.",
    );
    expect(text).toContain("3. Raise budgets on Steady A in steps");
    expect(text).not.toMatch(/Raise budgets on Lucky/);
  });

  it("holds the budget when none of the strongest has the volume", async () => {
    const text = await askChecked("which ad groups are wasting money", adGroups(1, false), "2024-03-05");
    expect(text).toContain(
      "1. Cap or pause Burner A, Burner B, Tail 1, and hold that budget: Lucky A, Lucky B look cheaper, but on too few conversions to show it yet.",
    );
    expect(text).not.toMatch(/move that budget to|Raise budgets/);
  });

  it("moves it to all of them when they have the volume", async () => {
    const text = await askChecked("which ad groups are wasting money", adGroups(12), "2024-03-05");
    expect(text).toContain("and move that budget to Lucky A, Lucky B, Steady A.");
  });
});
