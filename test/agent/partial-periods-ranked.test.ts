import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/**
 * Data from Saturday 3 February to Sunday 10 March 2024, 10.00 a day: February and March are partial, and
 * so is the week of 29 January (2 days, 20.00); the week of 4 March is whole (7 days, 70.00).
 */
describe("week and month rankings with partial periods", () => {
  const lines = ["Campaign,Day,Cost,Impressions,Clicks,Conversions"];
  for (let day = 3; day <= 29; day++) lines.push(`a,2024-02-${String(day).padStart(2, "0")},10,1000,20,1`);
  for (let day = 1; day <= 10; day++) lines.push(`a,2024-03-${String(day).padStart(2, "0")},10,1000,20,1`);
  const dataset = exportFromLines(lines);

  it("marks the partial first week that ranks lowest, and not the whole weeks", async () => {
    const text = await askChecked("which week had the least spend", dataset, "2024-03-11");
    expect(text).toContain("1. week of 2024-01-29: 20.00 (only part of this week is in the data)");
    expect(text).toContain("2. week of 2024-02-05: 70.00\n");
  });

  it("marks both months, each covered in part", async () => {
    const text = await askChecked("which month had the lowest spend", dataset, "2024-03-11");
    expect(text).toContain("1. 2024-03: 100.00 (only part of this month is in the data)");
    expect(text).toContain("2. 2024-02: 270.00 (only part of this month is in the data)");
  });
});
