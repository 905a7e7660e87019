import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { breakdown, MetricsError } from "../../src/metrics/index.js";
import { account } from "./sample-facts.js";

describe("breakdown", () => {
  it("gives the figures of each value, blank cells under (not set), largest spend first", () => {
    const rows = breakdown(account(), "campaign");
    expect(rows.map((row) => [row.key, row.spend, row.clicks, row.conversions])).toEqual([
      ["Prospecting", 350, 550, 4],
      ["Brand", 150, 250, 15],
      ["(not set)", 25, 10, 1],
    ]);
    expect(rows[0]?.cpc).toBe(350 / 550);
    expect(rows[1]?.roas).toBe(650 / 150);
    expect(rows[2]?.ctr).toBe(10 / 1000);
  });

  it("breaks ties by key and cuts at the limit", () => {
    const facts = factTableFromRecords([
      { channel: "b", spend: 10 },
      { channel: "c", spend: 20 },
      { channel: "a", spend: 10 },
    ]);
    expect(breakdown(facts, "channel").map((row) => row.key)).toEqual(["c", "a", "b"]);
    expect(breakdown(facts, "channel", { limit: 2 }).map((row) => row.key)).toEqual(["c", "a"]);
  });

  it("puts rows whose spend is unknown last", () => {
    const facts = factTableFromRecords([
      { channel: "a", spend: null, clicks: 100 },
      { channel: "b", spend: 5, clicks: 1 },
    ]);
    expect(breakdown(facts, "channel").map((row) => [row.key, row.spend])).toEqual([
      ["b", 5],
      ["a", null],
    ]);
  });

  it("sorts by revenue when the data has no spend", () => {
    const facts = factTableFromRecords([
      { channel: "organic", revenue: 50, conversions: 9 },
      { channel: "email", revenue: 80, conversions: 2 },
    ]);
    expect(breakdown(facts, "channel").map((row) => row.key)).toEqual(["email", "organic"]);
  });

  it("folds blank cells into a value that is literally (not set), as GA4 writes it", () => {
    const facts = factTableFromRecords([
      { source: "(not set)", spend: 3 },
      { source: "", spend: 4 },
      { source: "google", spend: 1 },
    ]);
    expect(breakdown(facts, "source").map((row) => [row.key, row.spend])).toEqual([
      ["(not set)", 7],
      ["google", 1],
    ]);
  });

  it("applies a filter before grouping", () => {
    const rows = breakdown(account(), "channel", { filter: { where: { campaign: ["brand"] } } });
    expect(rows.map((row) => [row.key, row.spend])).toEqual([
      ["Google", 100],
      ["Meta", 50],
    ]);
  });

  it("rejects an unknown dimension and a bad limit", () => {
    expect(() => breakdown(account(), "keyword")).toThrow(
      'unknown dimension "keyword"; available: campaign, channel',
    );
    expect(() => breakdown(account(), "campaign", { limit: -1 })).toThrow(MetricsError);
  });
});
