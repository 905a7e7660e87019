import { describe, expect, it } from "vitest";
import { budgetMovesTool } from "../../src/agent/tools/budget-moves.js";
import { forecastTool } from "../../src/agent/tools/forecast.js";
import { getKpis } from "../../src/agent/tools/get-kpis.js";
import { testDifferenceTool } from "../../src/agent/tools/test-difference.js";
import type { JsonObject, ToolContext } from "../../src/agent/tools/tool.js";
import { weekdayPatternTool } from "../../src/agent/tools/weekday-pattern.js";
import { type Dataset, dayToIso, isoToDay } from "../../src/ingest/index.js";
import { seededRandom } from "../../src/optimizer/seeded-random.js";
import { BUDGET_CAMPAIGNS, dailyCampaignCsv, datasetOf } from "./daily-fixtures.js";

const context = (dataset: Dataset): ToolContext => ({ dataset, today: "2024-09-01", charts: [] });

async function run(tool: typeof forecastTool, dataset: Dataset, args: JsonObject) {
  const outcome = await tool.execute(context(dataset), args);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const daily = datasetOf(dailyCampaignCsv(BUDGET_CAMPAIGNS, 84));

describe("the optimizer's tools", () => {
  it("forecast: August so far is the metrics engine's August spend", async () => {
    const forecast = await run(forecastTool, daily, { metrics: ["spend"], horizon: "month_end" });
    const kpis = await run(getKpis, daily, {
      metrics: ["spend"],
      date_range: { from: "2024-08-01", to: "2024-08-31" },
    });
    const spend = (forecast.figures as JsonObject).spend as JsonObject;
    expect(spend.so_far).toBeCloseTo(Number((kpis.totals as JsonObject).spend), 6);
    expect(Number(spend.likely_low)).toBeLessThanOrEqual(Number(spend.expected));
    expect(Number(spend.likely_high)).toBeGreaterThanOrEqual(Number(spend.expected));
  });

  it("test_difference: two periods' CPA are the metrics engine's CPA of each", async () => {
    const june = { from: "2024-06-01", to: "2024-06-30" };
    const july = { from: "2024-07-01", to: "2024-07-31" };
    const test = await run(testDifferenceTool, daily, { metric: "cpa", periods: [june, july] });
    for (const [side, range] of [
      ["first", june],
      ["second", july],
    ] as const) {
      const kpis = await run(getKpis, daily, { metrics: ["cpa"], date_range: range });
      expect((test[side] as JsonObject).value).toBeCloseTo(Number((kpis.totals as JsonObject).cpa), 9);
    }
    expect(test.method).toContain("bootstrap over days");
    expect(Number(test.interval_low)).toBeLessThanOrEqual(Number(test.difference));
  });

  it("budget_moves: refuses data without dates and names flat campaigns", async () => {
    const totals = datasetOf(
      "Campaign name,Amount spent (USD),Conversions\nA,100,5\nB,200,9\n",
      "totals.csv",
    );
    const outcome = await budgetMovesTool.execute(context(totals), {});
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining("no dates") });
    const flat = datasetOf(
      dailyCampaignCsv(
        [
          { name: "Steady A", spend: 300, swing: 0.03, ceiling: 30, halfSpend: 500 },
          { name: "Steady B", spend: 300, swing: 0.03, ceiling: 30, halfSpend: 500 },
        ],
        60,
      ),
    );
    const result = await run(budgetMovesTool, flat, { results: "conversions" });
    expect(result.fitted).toEqual([]);
    expect(String(result.recommendation)).toMatch(/^no reallocation/);
    expect((result.refused as JsonObject[]).map((item) => item.reason).join(" ")).toMatch(/hardly varied/);
  });

  it("weekday_pattern by hour: reads an hour-of-day column and finds the evening hour", async () => {
    const random = seededRandom(5);
    const lines = ["Day,Time of day (viewer's time zone),Amount spent (USD),Impressions,Clicks"];
    const first = isoToDay("2024-05-01");
    for (let d = 0; d < 21; d++) {
      for (let hour = 0; hour < 24; hour++) {
        const rate = (hour === 20 ? 0.03 : 0.015) * (1 + 0.2 * (random() - 0.5));
        const label = `${String(hour).padStart(2, "0")}:00:00 - ${String(hour).padStart(2, "0")}:59:59`;
        lines.push(`${dayToIso(first + d)},${label},10,2000,${Math.round(2000 * rate)}`);
      }
    }
    const hourly = datasetOf(`${lines.join("\n")}\n`, "hourly.csv");
    const result = await run(weekdayPatternTool, hourly, { metric: "ctr", by: "hour" });
    expect(result.best).toBe("20:00");
    expect(result.significant).toBe(true);
    expect(result.labels).toHaveLength(24);
  });
});
