import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exampleQuestions } from "../../src/agent/index.js";
import { type Reader, readerFrom, withReader } from "../../src/format/reader-locale.js";
import { loadExport } from "../../src/ingest/index.js";
import { summaryCharts } from "../../src/report/summary-charts.js";
import { analysisBlocks, analysisFallbackText } from "../../src/slack/views/analysis-blocks.js";
import { type Harness, shareExport, startHarness } from "./app-harness.js";

/**
 * Issue 16: an upload's summary, example questions and charts are worked out in the worker that read the
 * file. What is posted must be what the main thread made of the file before: the same text and blocks,
 * the same PNG bytes, for a reader whose figures and hours are written differently from en-US in UTC.
 * The app runs in this process, so a spy on the summary shows that this thread no longer computes it.
 */
const computedHere = vi.hoisted((): Record<string, number> => ({}));
vi.mock("../../src/report/performance-summary.js", async (actual) =>
  (await import("../slack/count-calls.js")).countingCalls(
    await actual<typeof import("../../src/report/performance-summary.js")>(),
    "summarizePerformance",
    computedHere,
  ),
);

const repository = join(import.meta.dirname, "../..");
const realExport = join(
  repository,
  "../shared/real-exports/meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv",
);
if (!existsSync(realExport))
  console.warn(`upload reply e2e: ${realExport} is absent, so its upload is skipped`);

let harness: Harness;
let channel: string;
let ana: string;
const anaReads: Reader = readerFrom("pt-BR", "America/Sao_Paulo");

beforeAll(async () => {
  harness = await startHarness();
  const { emulator } = harness;
  ana = emulator.createUser({ name: "ana", locale: "pt-BR", tz: "America/Sao_Paulo" }).id;
  channel = emulator.createChannel({ name: "growth", members: [ana], withBot: true }).id;
});
afterAll(async () => harness?.close());

/** The reply as analyze-upload.ts made it on the main thread before the work moved to the parse worker. */
async function replyMadeHere(bytes: Buffer, name: string) {
  const { summarizePerformance } = await vi.importActual<
    typeof import("../../src/report/performance-summary.js")
  >("../../src/report/performance-summary.js");
  return withReader(anaReads, async () => {
    const dataset = await loadExport({ bytes, name });
    const summary = summarizePerformance(dataset.facts, { statedPeriod: dataset.receipt.dateRange });
    const charts = await summaryCharts(dataset.facts, summary, {
      source: dataset.receipt.file,
      dateRange: summary.period,
      currency: dataset.receipt.currency,
    });
    return {
      text: analysisFallbackText(dataset),
      blocks: analysisBlocks(dataset, summary, exampleQuestions(dataset)),
      charts,
    };
  });
}

describe("the upload reply worked out in the parse worker", () => {
  it.each([
    ["a generated sample", join(repository, "samples/meta-ads-daily-export.csv")],
    ["the real Monfrere export", realExport],
  ])("posts the same text, blocks and chart bytes as the main thread made (%s)", async (_, path) => {
    if (!existsSync(path)) return;
    const { emulator } = harness;
    const name = path.split("/").pop() as string;
    const bytes = readFileSync(path);
    const before = computedHere.summarizePerformance;
    const { shared, analysis } = await shareExport(emulator, {
      user: ana,
      channel,
      filename: name,
      content: bytes,
    });
    expect(computedHere.summarizePerformance).toBe(before);

    const expected = await replyMadeHere(bytes, name);
    expect(analysis.text).toBe(expected.text);
    expect(analysis.blocks).toEqual(JSON.parse(JSON.stringify(expected.blocks)));
    const posted = await emulator.waitForMessage(
      { channel, threadTs: shared.ts, fromBot: true, withFiles: true },
      { timeoutMs: 20_000 },
    );
    const files = posted.files.map((id) => emulator.file(id));
    expect(files.map((file) => file?.name)).toEqual(expected.charts.map((chart) => chart.filename));
    expect(files.length).toBeGreaterThan(0);
    files.forEach((file, index) => {
      expect(Buffer.from(file?.bytes ?? []).equals(expected.charts[index]?.png ?? Buffer.alloc(0))).toBe(
        true,
      );
    });
  });
});
