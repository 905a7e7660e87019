import { isDeepStrictEqual } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { readerFrom, withReader } from "../../src/format/reader-locale.js";
import { loadExport } from "../../src/ingest/index.js";
import { analysisOf, readUpload } from "../../src/slack/flows/upload-analysis.js";

/**
 * Issue 16: a large upload's summary and charts are worked out in the worker that read it, so this
 * thread's event loop keeps turning (answering Slack and health checks) until the reply is ready.
 */
const computedHere = vi.hoisted((): Record<string, number> => ({}));
vi.mock("../../src/report/performance-summary.js", async (actual) =>
  (await import("./count-calls.js")).countingCalls(
    await actual<typeof import("../../src/report/performance-summary.js")>(),
    "summarizePerformance",
    computedHere,
  ),
);
vi.mock("../../src/report/summary-charts.js", async (actual) =>
  (await import("./count-calls.js")).countingCalls(
    await actual<typeof import("../../src/report/summary-charts.js")>(),
    "summaryCharts",
    computedHere,
  ),
);

/** About 12 MB: 90 days of six campaigns on many ad sets, with spend, clicks, conversions and revenue. */
function largeExport(): Buffer {
  const lines = [
    "Day,Campaign name,Ad set name,Amount spent (USD),Impressions,Link clicks,Purchases,Purchase conversion value",
  ];
  for (let i = 0; i < 200_000; i++) {
    const day = new Date(Date.UTC(2025, 5, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10);
    const spend = ((i * 37) % 5000) / 100 + 1;
    lines.push(
      `${day},Campaign ${i % 6},Ad set ${i % 400},${spend.toFixed(2)},${(i * 13) % 9000},${(i * 7) % 300},${i % 5},${((i * 11) % 40000) / 100}`,
    );
  }
  return Buffer.from(lines.join("\n"));
}

describe("an upload's reply worked out off the event loop", () => {
  it("lets the event loop turn while a large upload is read and summarised, with the reply this thread would make", async () => {
    const bytes = largeExport();
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const kept = Buffer.from(bytes);
    const reader = readerFrom("de-DE", "Europe/Berlin");
    let turns = 0;
    let working = true;
    const spin = () => {
      turns++;
      if (working) setImmediate(spin);
    };
    setImmediate(spin);
    const { dataset, analysis } = await withReader(reader, () => readUpload({ bytes, name: "large.csv" }));
    working = false;

    expect(dataset.receipt.rows).toBe(200_000);
    // Moved to the worker rather than copied on this thread.
    expect(bytes.byteLength).toBe(0);
    expect(analysis.charts.length).toBe(2);
    expect(computedHere).toEqual({ summarizePerformance: 0, summaryCharts: 0 });
    // Worked out on this thread, the summary and charts would hold the loop from start to end.
    expect(turns).toBeGreaterThan(10);

    const here = await withReader(reader, async () =>
      analysisOf(await loadExport({ bytes: kept, name: "large.csv" })),
    );
    expect(isDeepStrictEqual(analysis.summary, here.summary)).toBe(true);
    expect(analysis.questions).toEqual(here.questions);
    expect(analysis.charts.map(({ title, filename }) => ({ title, filename }))).toEqual(
      here.charts.map(({ title, filename }) => ({ title, filename })),
    );
    analysis.charts.forEach((chart, index) => {
      expect(Buffer.isBuffer(chart.png)).toBe(true);
      expect(chart.png.equals(here.charts[index]?.png ?? Buffer.alloc(0))).toBe(true);
    });
  });

  it("copies a small upload's bytes rather than moving them: small Buffers share Node's pool, which cannot move", async () => {
    const text = "Day,Campaign,Cost,Clicks\n2025-06-01,Brand,12.50,4\n2025-06-02,Brand,7.25,3\n";
    const pooled = Buffer.from(text);
    const own = new Uint8Array(Buffer.from(text));
    for (const bytes of [pooled, own]) {
      const { dataset } = await readUpload({ bytes, name: "small.csv" });
      expect(dataset.receipt.rows).toBe(2);
      expect(Buffer.from(bytes).toString()).toBe(text);
    }
  });
});
