import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/index.js";
import { extraFigures } from "../../src/metrics/index.js";

const daily = factTableFromRecords([
  { date: "2024-03-01", campaign: "Spring", spend: 10, landing_page_views: 30, reach: 900 },
  { date: "2024-03-02", campaign: "Spring", spend: 12, landing_page_views: 25, reach: 800 },
  { date: "2024-03-01", campaign: "Summer", spend: 5, landing_page_views: 40, reach: 500 },
]);

describe("extra figures", () => {
  it("sums additive measures, in total and per dimension value, largest first", () => {
    expect(extraFigures(daily, ["landing_page_views"]).rows).toEqual([
      { key: null, rows: 3, values: { landing_page_views: 95 } },
    ]);
    expect(extraFigures(daily, ["Landing page views"], { by: "campaign" }).rows).toEqual([
      { key: "Spring", rows: 2, values: { landing_page_views: 55 } },
      { key: "Summer", rows: 1, values: { landing_page_views: 40 } },
    ]);
  });

  it("never adds reach across rows: it is given only where one row stands alone, and says why", () => {
    const figures = extraFigures(daily, ["reach"], { by: "campaign" });
    expect(figures.rows).toEqual([
      { key: "Spring", rows: 2, values: { reach: null } },
      { key: "Summer", rows: 1, values: { reach: 500 } },
    ]);
    expect(figures.notSummed.reach).toMatch(/cannot be added/);
    expect(
      extraFigures(daily, ["reach"], { filter: { dateRange: { from: "2024-03-02", to: "2024-03-02" } } })
        .rows,
    ).toEqual([{ key: null, rows: 1, values: { reach: 800 } }]);
  });

  it("adds results only within one result type", () => {
    const facts = factTableFromRecords([
      { campaign: "Traffic", "Result type": "Link clicks", results: 300 },
      { campaign: "Traffic", "Result type": "Link clicks", results: 260 },
      { campaign: "Followers", "Result type": "Follows", results: 60 },
    ]);
    const all = extraFigures(facts, ["results"]);
    expect(all.rows).toEqual([{ key: null, rows: 3, values: { results: null } }]);
    expect(all.notSummed.results).toBe(
      "counts different things on different rows (Result type: Link clicks, Follows), so it is added only within one result type: ask for it by result type",
    );
    expect(extraFigures(facts, ["results"], { by: "campaign" }).rows).toEqual([
      { key: "Traffic", rows: 2, values: { results: 560 } },
      { key: "Followers", rows: 1, values: { results: 60 } },
    ]);
    expect(extraFigures(facts, ["results"], { by: "Result type" }).notSummed).toEqual({});
  });

  it("names the measures the data has when asked for another", () => {
    expect(() => extraFigures(daily, ["video views"])).toThrow(
      'unknown measure "video views"; other measures: landing_page_views, reach',
    );
  });
});
