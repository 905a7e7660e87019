import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/** Data from 3 February: February has no previous period with rows to be compared with. */
describe("a comparison with a period that has no rows", () => {
  const lines = ["Campaign,Day,Cost,Impressions,Clicks,Conversions"];
  for (let day = 3; day <= 29; day++) lines.push(`a,2024-02-${String(day).padStart(2, "0")},10,1000,20,1`);
  for (let day = 1; day <= 10; day++) lines.push(`a,2024-03-${String(day).padStart(2, "0")},10,1000,20,1`);
  const dataset = exportFromLines(lines);

  it("says there is no data before the first date instead of growth from nothing", async () => {
    const text = await askChecked("how did we do in feb", dataset, "2024-03-11");
    expect(text).toContain("No data before 2024-02-03, so there is nothing to compare");
    // 27 days of 10.00 each: February's own figures, without a change against zero.
    expect(text).toContain("- Spend: 270.00");
    expect(text).not.toMatch(/vs 0\.00|\(new\)|∞|-100%|−100%/);
  });

  it("compares a month the data covers in part with as many days before, not with a whole period", async () => {
    // 1 to 10 March (10 days, 100.00) against 20 to 29 February (10 days, 100.00), not against 27 days.
    const text = await askChecked("how did we do in march", dataset, "2024-03-11");
    expect(text).toContain("- Spend: 100.00 vs 100.00");
    expect(text).toContain("the data covers 2024-03-01 to 2024-03-10 of 2024-03-01 to 2024-03-31");
  });
});
