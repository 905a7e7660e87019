import { describe, expect, it } from "vitest";
import { trendChartSpec } from "../../src/charts/index.js";
import { monthTicks } from "../../src/charts/partial-periods.js";

type Spec = {
  datasets: Record<string, { time: number; value: number; label?: string }[]>;
  params?: unknown[];
};

const weeks = ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29"].map((period, index) => ({
  period,
  spend: index === 4 ? 1700 : 6000,
}));

function weekly(dateRange: { from: string; to: string } | null) {
  return trendChartSpec({
    rows: weeks,
    metric: "spend",
    grain: "week",
    context: { source: "sample.csv", dateRange, currency: "USD" },
  }) as unknown as Spec;
}

describe("partial periods on a trend", () => {
  it("draws a last week holding two of its seven days apart, labelled, and keeps it off the line", () => {
    const spec = weekly({ from: "2025-09-01", to: "2025-09-30" });
    const last = Date.UTC(2025, 8, 29);
    expect(spec.datasets.partial_dots).toEqual([
      expect.objectContaining({ time: last, value: 1700, label: "partial: 2 of 7 days" }),
    ]);
    expect(spec.datasets.line?.map((point) => point.time)).not.toContain(last);
    expect(spec.datasets.partial_links?.map((point) => point.time)).toEqual([Date.UTC(2025, 8, 22), last]);
  });

  it("marks a first week the data starts in the middle of", () => {
    const spec = weekly({ from: "2025-09-04", to: "2025-10-05" });
    expect(spec.datasets.partial_dots?.map((point) => point.label)).toEqual(["partial: 4 of 7 days"]);
  });

  it("leaves whole weeks as they are", () => {
    const spec = weekly({ from: "2025-09-01", to: "2025-10-05" });
    expect(spec.datasets.partial_dots).toBeUndefined();
    expect(spec.datasets.line).toHaveLength(5);
  });
});

describe("month ticks on a long weekly axis", () => {
  it("falls on month starts at one regular step", () => {
    const ticks = monthTicks(Date.UTC(2024, 0, 1), Date.UTC(2024, 11, 30), 8);
    const months = ticks.map((tick) => new Date(tick).getUTCMonth());
    expect(months).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks.every((tick) => new Date(tick).getUTCDate() === 1)).toBe(true);
  });
});
