import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion, runToolCall, silentLogger, type ToolContext } from "../../src/agent/index.js";
import { readExport } from "../../src/ingest/index.js";

/** Meta collaborative ads by day: two ad sets, two days, with reach, results and landing-page views. */
function context(): ToolContext {
  const path = join(import.meta.dirname, "../ingest/fixtures/platforms/meta-collaborative-ads.csv");
  return { dataset: readExport({ path }), today: "2024-03-05", charts: [] };
}

describe("the file's other measures", () => {
  it("are summed when additive, and reach is never added across rows", async () => {
    const record = await runToolCall(
      context(),
      { name: "other_measures", args: { measures: ["Landing page views", "reach"] } },
      silentLogger,
    );
    expect(record.ok).toBe(true);
    expect(record.result?.totals).toEqual({ file_rows: 4, landing_page_views: 790, reach: null });
    expect(Object.keys(record.result?.not_summed ?? {})).toEqual(["reach"]);
  });

  it("give reach per row only: by day and ad set each value is one row of the file", async () => {
    const record = await runToolCall(
      context(),
      {
        name: "other_measures",
        args: {
          measures: ["reach"],
          group_by: "ad_group",
          date_range: { from: "2024-03-01", to: "2024-03-01" },
        },
      },
      silentLogger,
    );
    expect(record.result?.rows).toEqual([
      { key: "Retailer A", file_rows: 1, reach: 9000 },
      { key: "Retailer B", file_rows: 1, reach: 5000 },
    ]);
  });

  it("answer questions offline in the file's own words", async () => {
    const ask = (question: string) =>
      answerQuestion({ question, dataset: context().dataset, today: "2024-03-05", logger: silentLogger });
    const answer = await ask("how many landing page views did we get?");
    expect(answer.engine).toBe("offline");
    expect(answer.toolCalls.map((call) => call.name)).toEqual(["other_measures"]);
    expect(answer.unverified).toEqual([]);
    expect(answer.text).toContain("**Landing page views: 790**");
    const byCampaign = await ask("reach by ad set");
    expect(byCampaign.text).toContain("- Retailer A: n/a");
    expect(byCampaign.text).toMatch(/Reach counts unique people/);
  });

  it("add up X's results only within one result type", async () => {
    const path = join(import.meta.dirname, "../ingest/fixtures/platforms/x-ads.csv");
    const dataset = readExport({ path });
    const ask = (question: string) =>
      answerQuestion({ question, dataset, today: "2024-03-05", logger: silentLogger });
    const total = await ask("how many results did we get?");
    expect(total.text).toContain("**Results: n/a**");
    expect(total.text).toContain(
      "Results counts different things on different rows (Result type: Link clicks, Follows)",
    );
    const byType = await ask("results by result type");
    expect(byType.text).toContain("- Link clicks: 560\n- Follows: 60");
  });
});
