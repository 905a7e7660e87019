import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/** 2023 by day, 100 spent a day; conversions a day fall by one each month: 17 in March, 16 in April. */
function year() {
  const lines = ["Date,Campaign,Cost,Clicks,Conversions"];
  for (
    let day = new Date(Date.UTC(2023, 0, 1));
    day.getUTCFullYear() === 2023;
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    lines.push(`${day.toISOString().slice(0, 10)},Always on,100,50,${20 - (day.getUTCMonth() + 1)}`);
  }
  return exportFromLines(lines);
}

describe("a comparison of two periods named in the question", () => {
  it("says which figure is which when the question names the earlier period first", async () => {
    // March: 31 days × 17 = 527; April: 30 × 16 = 480. Asked March first, the answer gives April first.
    const text = await askChecked("compare march and april conversions", year(), "2024-01-05");
    expect(text).toContain(
      "**Change between the two periods** (the later one first)\n- Conversions: 480 vs 527",
    );
  });
});
