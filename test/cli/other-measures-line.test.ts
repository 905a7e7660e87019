import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

const fixture = (name: string) => join(import.meta.dirname, "../ingest/fixtures/platforms", name);

async function analyze(file: string): Promise<string> {
  let stdout = "";
  await runCli(["analyze", file], { stdout: (text) => (stdout += text), stderr: () => {} });
  return stdout;
}

describe("mpo analyze names the file's other measures", () => {
  it("with totals where rows add up, and without where they do not", async () => {
    expect(await analyze(fixture("meta-collaborative-ads.csv"))).toContain(
      "Other measures: Reach (not added across rows) · Frequency (not added across rows) · Results 11 · Landing page views 790 · Adds to cart with shared items 97 · Messaging conversations started 5",
    );
    expect(await analyze(fixture("x-ads.csv"))).toContain("Results (not added across rows)");
  });
});
