import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { summarizePerformance } from "../../src/report/performance-summary.js";
import { summaryCharts } from "../../src/report/summary-charts.js";

const repository = join(import.meta.dirname, "../..");

describe("summaryCharts", () => {
  it("draws the key metric over time, then where the money went, in that order", async () => {
    const name = "meta-ads-daily-export.csv";
    const dataset = readExport({ bytes: readFileSync(join(repository, "samples", name)), name });
    const summary = summarizePerformance(dataset.facts);
    const charts = await summaryCharts(dataset.facts, summary, {
      source: name,
      dateRange: summary.period,
      currency: dataset.receipt.currency,
    });
    expect(charts.map((chart) => chart.filename)).toEqual([
      expect.stringMatching(/^[a-z]+-per-(day|week|month)\.png$/),
      `by-${summary.dimension}.png`,
    ]);
    // Rendered together, each PNG is still its own chart: a trend is shorter than a 10-row breakdown.
    const sizes = await Promise.all(charts.map((chart) => sharp(chart.png).metadata()));
    expect(sizes.map((size) => size.width)).toEqual([1600, 1600]);
    expect(sizes[0]?.height).not.toBe(sizes[1]?.height);
  });
});
