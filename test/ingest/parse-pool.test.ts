import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IngestError, loadExport } from "../../src/ingest/index.js";
import { ParsePool } from "../../src/ingest/worker/parse-pool.js";

const folder = mkdtempSync(join(tmpdir(), "mpo-pool-"));
const pool = new ParsePool({ size: 2 });
afterAll(() => pool.close());

/**
 * `notes` adds a column empty in the sampled rows and unique text after them: whether it holds numbers is
 * only known once every value is read as text, which is the one place a column's values become strings.
 */
function bigExport(rows: number, notes: boolean): string {
  const path = join(folder, `export-${rows}-${notes}.csv`);
  const lines = [`Day,Campaign,Keyword,Cost,Clicks,Impressions${notes ? ",Notes" : ""}`];
  for (let i = 0; i < rows; i++) {
    const note = notes ? `,${i < 5000 ? "" : `note number ${i} ${"x".repeat(400)}`}` : "";
    lines.push(
      `2025-09-${String((i % 30) + 1).padStart(2, "0")},Campaign ${i % 7},keyword ${i % 50},${(i % 97) + 0.25},${i % 13},${i % 1000}${note}`,
    );
  }
  writeFileSync(path, lines.join("\n"));
  return path;
}

describe("reading exports on worker threads", () => {
  it("gives the same dataset as reading in the calling thread", async () => {
    for (const path of ["samples/google-ads-campaign-report.csv", "samples/meta-ads-daily-export.csv"]) {
      const [inWorker, inThread] = await Promise.all([pool.analyze({ path }), loadExport({ path })]);
      expect(inWorker).toEqual(inThread);
    }
  });

  it("hands a file's own problem back as the same one-line IngestError", async () => {
    const path = join(folder, "recipes.csv");
    writeFileSync(path, "Recipe,Calories\nPancakes,350\nOmelette,220\n");
    const error = await pool.analyze({ path }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/^no measure found: the columns are "Recipe", "Calories"/);
  });

  it("keeps the event loop free while a file is read", async () => {
    const path = bigExport(200_000, false);
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns++;
      if (reading) setImmediate(spin);
    };
    setImmediate(spin);
    const dataset = await pool.analyze({ path });
    reading = false;
    expect(dataset.receipt.rows).toBe(200_000);
    // Read on this thread, the parse would have held the loop from start to end: no turn in between.
    expect(turns).toBeGreaterThan(10);
  });

  it("refuses a file beyond a worker's memory with a sentence, and reads the next file", async () => {
    const small = new ParsePool({ size: 1, maxMemoryMb: 48 });
    try {
      const error = await small
        .analyze({ path: bigExport(120_000, true) })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message).toMatch(
        /^the file needs more than the 48 MB of memory one upload may use/,
      );
      const next = await small.analyze({ path: "samples/google-ads-campaign-totals.csv" });
      expect(next.receipt.rows).toBe(5);
    } finally {
      await small.close();
    }
  });
});
