import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/**
 * Four full weeks, each weekday the same both weeks: Friday spends with no conversions, Sunday spends
 * nothing and still gets conversions and revenue. Over the four weeks: Monday CPA 20 (ROAS 5x), Tuesday 25
 * (3x), Wednesday 50 (2x), Thursday 20 (4x), Friday no conversions on 600 spend (0x), Saturday 50 (2x),
 * Sunday nothing spent (a CPA of 0 there is no price, and it has no ROAS).
 */
function weekdayExport() {
  const day = {
    Mon: "100,1000,50,5,500",
    Tue: "100,1000,40,4,300",
    Wed: "100,1000,40,2,200",
    Thu: "100,1000,50,5,400",
    Fri: "150,1500,60,0,0",
    Sat: "50,500,20,1,100",
    Sun: "0,0,0,1,150",
  };
  const week = Object.values(day);
  const lines = ["Date,Campaign,Cost,Impressions,Clicks,Conversions,Revenue"];
  for (let offset = 0; offset < 28; offset++) {
    const date = new Date(Date.UTC(2024, 2, 4 + offset)).toISOString().slice(0, 10);
    lines.push(`${date},Always on,${week[offset % 7]}`);
  }
  return exportFromLines(lines);
}

const ask = (question: string) => askChecked(question, weekdayExport(), "2024-04-05");

describe("weekday rankings by a ratio, when a weekday has no conversions or no spend", () => {
  it("names the weekday that spent with no conversions as the worst CPA, with its spend", async () => {
    const text = await ask("which weekday has the worst CPA");
    expect(text.split("\n")[0]).toBe(
      "**Friday has the worst CPA by day of the week: 600.00 spent with no conversions**",
    );
    expect(text).toContain("- Friday: no conversions on 600.00 spend");
    expect(text).toContain("- Wednesday: 50.00 (95%");
    expect(text).not.toMatch(/Infinity|NaN|couldn't/);
  });

  it("does not call a weekday that spent nothing the best CPA", async () => {
    const text = await ask("which weekday has the best CPA");
    expect(text).toMatch(/\*\*Monday has the best CPA by day of the week/);
    expect(text).toContain("- Sunday: no spend, so no CPA");
    expect(text).not.toMatch(/Sunday: 0\.00/);
  });

  it("ranks ROAS among weekdays that spent, a zero ROAS as a real zero", async () => {
    const text = await ask("which weekday has the best ROAS");
    expect(text).toMatch(/\*\*Monday has the best ROAS by day of the week/);
    expect(text).toContain("- Friday: 0.00x (95%");
    expect(text).toContain("- Sunday: no spend, so no ROAS");
  });

  it("says a CPA is best on paper, not highest, when the weekday does not matter beyond chance", async () => {
    const text = await ask("which day of the week has the lowest cpc");
    expect(text).toContain("Monday looks best on paper");
  });
});
