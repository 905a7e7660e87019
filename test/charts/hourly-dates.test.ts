import { describe, expect, it } from "vitest";
import { type ChartContext, trendChartSpec } from "../../src/charts/index.js";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";

/** An alert's hourly chart: hours late on May 10 in UTC, which are still May 10 evening in São Paulo. */
const ROWS = [
  { period: "2025-05-11T01:00:00.000Z", cpa: 25 },
  { period: "2025-05-11T02:00:00.000Z", cpa: 44 },
];
const CONTEXT: ChartContext = {
  source: "Live data",
  dateRange: { from: "2025-05-11T01:00:00.000Z", to: "2025-05-11T02:00:00.000Z" },
  currency: "BRL",
};

type Words = { params: { name: string; value: unknown }[] };

function word(spec: unknown, name: string): unknown {
  return (spec as Words).params.find((parameter) => parameter.name === name)?.value;
}

function hourlyChart(timeZone: string | null, context = CONTEXT) {
  return withReader(readerFrom("en-US", timeZone), () =>
    trendChartSpec({ rows: ROWS, metric: "cpa", grain: "hour", context }),
  );
}

describe("an hourly chart's dates", () => {
  it("are the reader's, as its axis is: 01:00 UTC on May 11 is May 10 in São Paulo", () => {
    const spec = hourlyChart("America/Sao_Paulo");
    expect(JSON.stringify(spec)).toContain('"title":"Hour (America/Sao Paulo time)"');
    expect(word(spec, "subtitle_text")).toBe("May 10, 2025");
    expect(word(spec, "footer_text")).toBe("Source: Live data · May 10, 2025");
  });

  it("are UTC dates when the reader's zone is unknown, as the axis says", () => {
    const spec = hourlyChart(null);
    expect(JSON.stringify(spec)).toContain('"title":"Hour (UTC)"');
    expect(word(spec, "subtitle_text")).toBe("May 11, 2025");
    expect(word(spec, "footer_text")).toBe("Source: Live data · May 11, 2025");
  });

  it("follow the hours themselves when no date range is given, across midnight in the reader's zone", () => {
    const rows = [
      { period: "2025-05-11T06:00:00.000Z", cpa: 25 },
      { period: "2025-05-11T08:00:00.000Z", cpa: 44 },
    ];
    const spec = withReader(readerFrom("en-US", "America/Los_Angeles"), () =>
      trendChartSpec({ rows, metric: "cpa", grain: "hour", context: { ...CONTEXT, dateRange: null } }),
    );
    // 06:00 UTC is 23:00 on May 10 in Los Angeles (UTC−7), and 08:00 UTC is 01:00 on May 11.
    expect(word(spec, "subtitle_text")).toBe("May 10 – 11, 2025");
  });

  it("leave a range of whole dates as it is", () => {
    const spec = hourlyChart("America/Sao_Paulo", {
      ...CONTEXT,
      dateRange: { from: "2025-05-11", to: "2025-05-11" },
    });
    expect(word(spec, "subtitle_text")).toBe("May 11, 2025");
  });
});
