import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/** Keywords: two spent with no conversions (CPA beyond any figure), one converted on no spend at all. */
function keywordReport() {
  return exportFromLines([
    "Date,Campaign,Keyword,Cost,Impressions,Clicks,Conversions",
    "2024-03-01,Brand,acme shoes,120.00,1000,80,12",
    "2024-03-01,Brand,acme boots,90.00,900,60,6",
    "2024-03-01,Generic,running shoes,300.00,5000,150,0",
    "2024-03-01,Generic,cheap shoes,200.00,4000,100,5",
    "2024-03-01,Generic,trail shoes,150.00,3000,0,0",
    "2024-03-01,Other,shoe store,110.00,2000,50,4",
    "2024-03-01,Free,free shoes,0,0,0,2",
  ]);
}

/**
 * One campaign by day, January to April 2024: January spends 100 a day for 5 conversions (CPA 20),
 * February 100 for 2 (CPA 50), March 80 with none (2,480 spent, no CPA), April nothing spent for 1 a day.
 */
function monthsReport() {
  const lines = ["Date,Campaign,Cost,Impressions,Clicks,Conversions"];
  const byMonth = ["100,1000,50,5", "100,1000,40,2", "80,800,30,0", "0,0,0,1"];
  for (
    let day = new Date(Date.UTC(2024, 0, 1));
    day.getUTCMonth() < 4;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    lines.push(`${day.toISOString().slice(0, 10)},Always on,${byMonth[day.getUTCMonth()]}`);
  }
  return exportFromLines(lines);
}

/** Eight whole weeks at CPA 10, but the seventh (from 2024-02-12) spent 700 with no conversions. */
function weeksReport() {
  const lines = ["Date,Campaign,Cost,Impressions,Clicks,Conversions"];
  for (let index = 0; index < 56; index++) {
    const date = new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10);
    lines.push(`${date},Always on,100,1000,50,${Math.floor(index / 7) === 6 ? 0 : 10}`);
  }
  return exportFromLines(lines);
}

describe("answers by a cost per conversion, when some rows spent with no conversions", () => {
  it("lists them first when CPA is sorted highest first, with their spend", async () => {
    const text = await askChecked("cpa by keyword, highest first", keywordReport(), "2024-03-05");
    expect(text).toContain(
      "- running shoes: no conversions on 300.00 spend\n- trail shoes: no conversions on 150.00 spend\n- cheap shoes: 40.00",
    );
    // free shoes spent nothing: a CPA of 0.00 there is no price, and it is said to be left out.
    expect(text).not.toContain("free shoes");
    expect(text).toContain("_Left out: 1 keyword with no CPA to rank._");
  });

  it("says they are left out when CPA is sorted lowest first", async () => {
    const text = await askChecked("cpa by keyword lowest first", keywordReport(), "2024-03-05");
    expect(text).toContain("- acme shoes: 10.00\n");
    expect(text).not.toContain("running shoes");
    expect(text).toContain("_Left out: 2 keywords that spent with no conversions, so they have no CPA");
  });

  it("counts them above any CPA limit: 'keywords with cpa over 30'", async () => {
    const text = await askChecked("keywords with cpa over 30", keywordReport(), "2024-03-05");
    expect(text).toContain("- running shoes: no conversions on 300.00 spend");
    expect(text).toContain("- trail shoes: no conversions on 150.00 spend");
    expect(text).toContain("- cheap shoes: 40.00");
    expect(text).not.toMatch(/acme|shoe store/);
  });

  it("names the month that spent with no conversions as the highest CPA, and no month that spent nothing as the lowest", async () => {
    const text = await askChecked("cpa by month", monthsReport(), "2024-05-05");
    expect(text.split("\n")[0]).toBe(
      "**CPA per month**: highest in March 2024 (no conversions on 2,480.00 spend), lowest in January 2024 (20.00); 34.90 over the whole window.",
    );
    expect(text).toContain("- March 2024: no conversions on 2,480.00 spend\n- April 2024: n/a");
  });

  it("gives no plain direction when a recent week spent with no conversions", async () => {
    const text = await askChecked("is cpa going up?", weeksReport(), "2024-03-01");
    expect(text.split("\n")[0]).toBe(
      "**No plain yes or no: the week of 2024-02-12 spent with no conversions, so it has no CPA, worse than any; see the weeks below.**",
    );
    expect(text).toContain("- Week of 2024-02-12: no conversions on 700.00 spend");
  });
});
