import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { capResult } from "../../src/agent/compact-result.js";
import { runToolCall, silentLogger, type ToolContext } from "../../src/agent/index.js";
import { type RelativePeriod, relativePeriod } from "../../src/agent/tool-support/relative-periods.js";
import { dayToIso, factTableFromRecords, isoToDay, readExport } from "../../src/ingest/index.js";
import { smallDataset } from "./small-dataset.js";

function context(overrides: Partial<ToolContext> = {}): ToolContext {
  return { dataset: smallDataset(), today: "2024-03-05", charts: [], ...overrides };
}

function call(name: string, args: Record<string, unknown>, toolContext = context()) {
  return runToolCall(toolContext, { name, args: args as never }, silentLogger);
}

describe("relative periods", () => {
  const span = (name: RelativePeriod, anchor: string) => {
    const pair = relativePeriod(name, isoToDay(anchor));
    return [pair.current, pair.previous].map((item) => `${dayToIso(item.first)}..${dayToIso(item.last)}`);
  };

  it.each([
    ["latest_day", "2024-03-31", ["2024-03-31..2024-03-31", "2024-03-30..2024-03-30"]],
    ["last_7_days", "2024-03-31", ["2024-03-25..2024-03-31", "2024-03-18..2024-03-24"]],
    ["this_week", "2024-02-29", ["2024-02-26..2024-02-29", "2024-02-19..2024-02-22"]],
    ["last_week", "2024-02-29", ["2024-02-19..2024-02-25", "2024-02-12..2024-02-18"]],
    ["last_week", "2024-03-31", ["2024-03-25..2024-03-31", "2024-03-18..2024-03-24"]],
    ["this_month", "2024-03-30", ["2024-03-01..2024-03-30", "2024-02-01..2024-02-29"]],
    ["last_month", "2024-03-15", ["2024-02-01..2024-02-29", "2024-01-01..2024-01-31"]],
    ["last_month", "2024-03-31", ["2024-03-01..2024-03-31", "2024-02-01..2024-02-29"]],
  ] as const)("%s anchored on %s", (name, anchor, expected) => {
    expect(span(name, anchor)).toEqual(expected);
  });
});

describe("tools", () => {
  it("query: keeps only rows past a metric limit, in the order asked, and groups by a time part", async () => {
    const multi = context({ dataset: loadFixture("multi").dataset });
    const all = await call("get_kpis", { metrics: ["cpa"], group_by: "campaign", limit: 50 }, multi);
    const limited = await call(
      "query",
      {
        metrics: ["cpa"],
        group_by: ["campaign"],
        thresholds: [{ metric: "cpa", above: 50 }],
        sort: { metric: "cpa", direction: "asc" },
      },
      multi,
    );
    const rows = (record: typeof all) => (record.result?.rows ?? []) as Array<{ key: string; cpa: number }>;
    const expected = rows(all)
      .filter((row) => row.cpa > 50)
      .sort((a, b) => a.cpa - b.cpa);
    expect(rows(limited).map((row) => row.key)).toEqual(expected.map((row) => row.key));
    expect(rows(limited).length).toBeGreaterThan(0);
    expect(limited.result?.order).toBe("CPA lowest first");
    const weekdays = await call("query", { metrics: ["spend"], group_by: ["weekday"] }, multi);
    expect(rows(weekdays).map((row) => row.key)).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]);
  });

  it("query refuses a grouping by a withheld column, named in its list", async () => {
    const csv = "Date,Campaign,Email,Cost\n2024-03-01,A,a@x.io,1\n2024-03-02,B,b@x.io,2\n";
    const dataset = readExport({ bytes: Buffer.from(csv), name: "people.csv" });
    const shared = {
      ...context({ dataset }),
      withheld: [{ name: "Email", values: 2, reason: "email addresses" }],
    };
    const record = await call("query", { metrics: ["spend"], group_by: ["campaign", "Email"] }, shared);
    expect(record.ok).toBe(false);
    expect(record.error).toMatch(/Email/);
  });

  it("answer with compact aggregates and state their scope", async () => {
    const record = await call("get_kpis", {
      metrics: ["spend", "roas"],
      group_by: "campaign",
      period: "latest_day",
    });
    expect(record.ok).toBe(true);
    expect(record.result).toEqual({
      scope: {
        period: {
          from: "2024-03-02",
          to: "2024-03-02",
          label: "the latest day, counted back from 2024-03-02, the last date in the data",
        },
        filters: "none",
        source: "small.csv",
      },
      totals: { spend: 4691.34, roas: 2.72843154 },
      group_by: "campaign",
      rows: [
        { key: "Brand Search", spend: 3456.78, roas: 2.86393696 },
        { key: "Prospecting", spend: 1234.56, roas: 2.34901503 },
      ],
      rows_total: 2,
      order: "largest first (by spend when the data has spend)",
    });
  });

  it("refuse arguments outside the schema with a message naming the field", async () => {
    const record = await call("top_bottom", { dimension: "campaign", metric: "roi", order: "best" });
    expect(record.ok).toBe(false);
    expect(record.error).toMatch(/^invalid arguments: metric: Invalid option: expected one of .*; order: /);
  });

  it("name the values that exist when a filter names one that does not", async () => {
    const record = await call("get_kpis", { filters: [{ dimension: "channel", values: ["Meta Ads"] }] });
    expect(record.error).toBe('no channel "Meta Ads" in this data; did you mean "Meta"');
  });

  it("say a metric cannot be computed instead of returning an empty figure", async () => {
    const leads = loadFixture("metaLeads").dataset;
    const record = await call(
      "top_bottom",
      { dimension: "campaign", metric: "roas", order: "top" },
      context({ dataset: leads }),
    );
    expect(record.error).toBe(
      "roas cannot be computed: it needs revenue, which this data does not have; available metrics: spend, impressions, clicks, conversions, ctr, cpc, cpm, cvr, cpa",
    );
  });

  it("name unknown tools", async () => {
    expect((await call("drop_table", {})).error).toMatch(
      /^unknown tool "drop_table"; tools: describe_dataset, /,
    );
  });

  it("read live rows only when there are some", async () => {
    expect((await call("get_kpis", { source: "live" })).error).toBe(
      "no live rows have arrived from automations yet; use the export instead",
    );
    const live = factTableFromRecords([
      { date: "2024-03-04", channel: "Meta", spend: 10, conversions: 1 },
      { date: "2024-03-05", channel: "Meta", spend: 30, conversions: 1 },
    ]);
    const record = await call("get_kpis", { source: "live", metrics: ["spend", "cpa"] }, context({ live }));
    expect(record.result).toMatchObject({
      totals: { spend: 40, cpa: 20 },
      scope: { source: "live rows from automations" },
    });
  });

  it("compare this week with the same days of the week before", async () => {
    const multi = loadFixture("multi").dataset;
    const record = await call(
      "compare_periods",
      { metrics: ["spend"], period: "this_week" },
      context({ dataset: multi }),
    );
    expect(record.result).toMatchObject({
      current: { from: "2024-03-25", to: "2024-03-31" },
      previous: { from: "2024-03-18", to: "2024-03-24" },
      scope: { previous: { basis: "the same days of the week before" } },
    });
  });

  it("explain a change with contributions that add up to it", async () => {
    const multi = loadFixture("multi").dataset;
    const record = await call(
      "explain_change",
      { metric: "cpa", dimension: "channel", period: "last_week" },
      context({ dataset: multi }),
    );
    const result = record.result as { change: number; contributors: Array<{ contribution: number }> };
    const sum = result.contributors.reduce((total, item) => total + item.contribution, 0);
    expect(sum).toBeCloseTo(result.change, 6);
  });

  it("describe the dataset with what it can and cannot compute", async () => {
    const leads = loadFixture("metaLeads").dataset;
    const record = await call("describe_dataset", {}, context({ dataset: leads }));
    expect(record.result).toMatchObject({
      platform: "meta_ads",
      currency: "GBP",
      rows: 300,
      date_range: { from: "2024-01-01", to: "2024-02-29" },
      metrics_unavailable: { revenue: "needs revenue, which this data does not have" },
      dimensions: [
        { name: "campaign", values: 3 },
        { name: "ad_group", values: 5 },
      ],
    });
  });
});

describe("result size cap", () => {
  it("halves the longest list until the result fits, and says what was cut", () => {
    const rows = Array.from({ length: 400 }, (_, index) => ({ key: `campaign ${index}`, spend: index }));
    const capped = capResult({ scope: { filters: "none" }, rows }, 2_000);
    expect(JSON.stringify(capped).length).toBeLessThanOrEqual(2_000);
    expect(capped.truncated).toEqual({ rows: { shown: 50, total: 400 } });
    expect((capped.rows as unknown[]).length).toBe(50);
  });
});
