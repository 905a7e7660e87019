import { describe, expect, it } from "vitest";
import { askChecked, exportFromLines } from "./ask-export.js";

/**
 * Daily CPA rising week after week, from Thursday 2024-01-04 to Sunday 2024-02-11: the first week is
 * partial, the last one whole.
 */
function dailyExport() {
  const lines = ["Date,Campaign,Cost,Conversions"];
  const start = Date.UTC(2024, 0, 4);
  for (let day = 0; day < 39; day += 1) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},Search,${(100 + day * 5).toFixed(2)},10`);
  }
  return exportFromLines(lines, "daily.csv");
}

const ask = (question: string) => askChecked(question, dailyExport(), "2024-02-12");

describe("weekly answers on data that starts mid-week", () => {
  it("counts only whole weeks as complete, the last whole week included", async () => {
    expect((await ask("is CPA going up?")).split("\n")[0]).toBe(
      "**Yes: CPA is going up over the last 5 complete weeks (from the week of 2024-01-08), up every week; that is worse.**",
    );
  });

  it("names the partial week in a weekly trend", async () => {
    const text = await ask("weekly CPA trend");
    expect(text).toContain("_The data covers only part of the week of 2024-01-01._");
    expect(text).not.toContain("may cover only part");
  });
});
