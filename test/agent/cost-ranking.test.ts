import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/** Keywords without revenue, so money is judged by CPA; two spent with no conversions at all. */
function keywordReport() {
  return exportFromLines([
    "Date,Campaign,Ad group,Keyword,Cost,Impressions,Clicks,Conversions",
    "2024-03-01,Brand,Exact,acme shoes,120.00,1000,80,12",
    "2024-03-01,Brand,Exact,acme boots,90.00,900,60,6",
    "2024-03-01,Generic,Broad,running shoes,300.00,5000,150,0",
    "2024-03-01,Generic,Broad,cheap shoes,200.00,4000,100,5",
    "2024-03-01,Generic,Phrase,trail shoes,150.00,3000,0,0",
    "2024-03-01,Other,Phrase,shoe store,110.00,2000,50,4",
  ]);
}

const ask = (question: string) => askChecked(question, keywordReport(), "2024-03-05");

describe("rankings by a cost per result, when some rows spent with no results", () => {
  it("puts keywords that spent with no conversions first among the worst CPAs, with their spend", async () => {
    const text = await ask("worst keywords by CPA");
    expect(text).toContain(
      "1. running shoes: no conversions on 300.00 spend\n2. trail shoes: no conversions on 150.00 spend\n3. cheap shoes: 40.00 on 200.00 spend",
    );
    expect(text).not.toMatch(/Infinity|NaN|—/);
  });

  it("answers 'which keywords are wasting money' with the ones that converted nothing first", async () => {
    const text = await ask("which keywords are wasting money");
    expect(text).toContain(
      "- running shoes: no conversions on 300.00 spend\n- trail shoes: no conversions on 150.00 spend",
    );
    expect(text).toContain("1. Cap or pause running shoes, trail shoes");
  });

  it("names the one worst keyword as converting nothing, not as a CPA", async () => {
    expect((await ask("which keyword has the worst cpa")).split("\n")[0]).toBe(
      "**Worst CPA by keyword: running shoes with no conversions**",
    );
  });

  it("leaves them out of the best CPAs and says how many and why", async () => {
    const text = await ask("best keywords by CPA");
    expect(text).toContain("1. acme shoes: 10.00 on 120.00 spend");
    expect(text).not.toContain("running shoes");
    expect(text).toContain(
      "_Left out: 2 keywords that spent with no conversions, so they have no CPA to rank; they are among the worst, not the best._",
    );
  });

  it("does the same for CPC with no clicks", async () => {
    expect(await ask("worst keywords by CPC")).toContain("1. trail shoes: no clicks on 150.00 spend");
  });
});
