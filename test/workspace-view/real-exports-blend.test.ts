import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { breakdown, totals } from "../../src/metrics/index.js";
import { blendExports, parseCurrencyRate } from "../../src/workspace-view/index.js";

/** Real downloads kept outside the repository (../shared/real-exports/INDEX.md); truths in EXPECTED.json. */
const folder = join(import.meta.dirname, "../../../shared/real-exports");
const present = existsSync(join(folder, "EXPECTED.json"));
if (!present)
  console.warn(`real-exports: ${folder} is absent, so the blend tests on real exports are skipped`);
type Truth = { spend: number; conversions?: number; revenue?: number; clicks?: number };
const expected: Record<string, Truth> = present
  ? JSON.parse(readFileSync(join(folder, "EXPECTED.json"), "utf8"))
  : {};

const META = "meta-ads-monfrere-ad-level/MONFRERE-Ads-Fe-5-2023-Mar-4-2026.csv";
const KAG = "meta-kag-conversion/KAG_conversion_data.csv";
const GOOGLE_US = "google-ads-campaign-report-calpreserving/Campaign report.csv";
const UK_ONE = "google-ads-campaign-uk-utf16-and-utf8/Campaign report.csv";
const UK_BOTH = "google-ads-campaign-uk-utf16-and-utf8/Campaign report (1).csv";
const CONTROL = "ab-test-control-vs-test-semicolon/control_group.csv";
const TEST = "ab-test-control-vs-test-semicolon/test_group.csv";

const load = (file: string) => readExport({ path: join(folder, file) });
const truth = (file: string) => expected[file] as Truth;
const close = (actual: number | null, wanted: number) =>
  expect(Math.abs((actual as number) - wanted)).toBeLessThanOrEqual(Math.abs(wanted) * 1e-9 + 1e-6);

describe.skipIf(!present)("blending real exports", () => {
  it("adds Meta and Google Ads exports into blended spend and CPA, by platform", () => {
    const view = blendExports([load(META), load(GOOGLE_US), load(KAG)]);
    const blended = totals(view.dataset.facts);
    const files = [META, GOOGLE_US, KAG];
    const spend = files.reduce((sum, file) => sum + truth(file).spend, 0);
    const conversions = files.reduce((sum, file) => sum + (truth(file).conversions ?? 0), 0);
    close(blended.spend, spend);
    close(blended.conversions, conversions);
    close(blended.cpa, spend / conversions);
    const byPlatform = Object.fromEntries(
      breakdown(view.dataset.facts, "platform").map((r) => [r.key, r.spend]),
    );
    close(byPlatform["Meta Ads"] ?? null, truth(META).spend);
    // The KAG file has no platform's headers: it is its own "platform", named by its file.
    close(byPlatform["Other (KAG_conversion_data.csv)"] ?? null, truth(KAG).spend);
    close(byPlatform["Google Ads"] ?? null, truth(GOOGLE_US).spend);
    // The KAG file states no currency: taken to be the others' USD, and said.
    expect(view.dataset.receipt.currency).toBe("USD");
    expect(view.notes.join("\n")).toMatch(/KAG_conversion_data\.csv states no currency/);
  });

  it("counts the UK campaign report downloaded twice once", () => {
    const view = blendExports([load(UK_ONE), load(UK_BOTH)]);
    const blended = totals(view.dataset.facts);
    // The one-campaign download is part of the two-campaign one: the blend is the larger file's totals.
    close(blended.spend, truth(UK_BOTH).spend);
    close(blended.revenue, truth(UK_BOTH).revenue as number);
    expect(view.notes.join("\n")).toMatch(
      /Campaign report\.csv repeats Campaign report \(1\)\.csv .*counted once/,
    );
  });

  it("refuses GBP with USD, and converts at the rate given", () => {
    expect(() => blendExports([load(UK_BOTH), load(GOOGLE_US)])).toThrow(/GBP and USD.*never added/);
    const view = blendExports([load(UK_BOTH), load(GOOGLE_US)], {
      rates: [parseCurrencyRate("GBP:USD=1.27")],
    });
    close(totals(view.dataset.facts).spend, truth(UK_BOTH).spend * 1.27 + truth(GOOGLE_US).spend);
  });

  it("does not take two different daily campaigns of one period for a repeat", () => {
    const view = blendExports([load(CONTROL), load(TEST)]);
    close(totals(view.dataset.facts).spend, truth(CONTROL).spend + truth(TEST).spend);
    expect(view.notes.join("\n")).not.toMatch(/repeats|different figures/);
  });
});
