import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEASURES, type Measure, readExport } from "../../src/ingest/index.js";
import { totals } from "../../src/metrics/index.js";
import { sumOf } from "./read-text.js";

/** Real downloads from ad platforms, kept outside the repository (see ../shared/real-exports/INDEX.md). */
const folder = join(import.meta.dirname, "../../../shared/real-exports");
const present = existsSync(join(folder, "EXPECTED.json"));
if (!present) console.warn(`real-exports: ${folder} is absent, so the conformance suite is skipped`);

type Expected = { dataRows: number; currency?: string } & Partial<Record<Measure, number>>;

const expected: Record<string, Expected> = present
  ? JSON.parse(readFileSync(join(folder, "EXPECTED.json"), "utf8"))
  : {};
const allFiles = present
  ? readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(join(folder, entry.name))
          .filter((name) => name.endsWith(".csv"))
          .map((name) => `${entry.name}/${name}`),
      )
  : [];

describe.skipIf(!present)("real exports", () => {
  it.each(Object.entries(expected))("%s matches the independently computed totals", (file, truth) => {
    const dataset = readExport({ path: join(folder, file) });
    expect(dataset.receipt.rows).toBe(truth.dataRows);
    for (const measure of MEASURES) {
      const value = truth[measure];
      if (value === undefined) continue;
      const sum = sumOf(dataset, measure);
      expect(sum, measure).not.toBeNull();
      expect(Math.abs((sum as number) - value), `${measure}: ${sum} vs ${value}`).toBeLessThanOrEqual(
        Math.abs(value) * 1e-6,
      );
    }
    if (truth.currency) expect(dataset.receipt.currency).toBe(truth.currency);
  });

  it.each(allFiles)("%s is read without error and passes its own totals check", (file) => {
    const dataset = readExport({ path: join(folder, file) });
    expect(dataset.receipt.rows).toBeGreaterThan(0);
    if (dataset.totalsCheck) expect(dataset.totalsCheck.matched).toBe(true);
    expect(dataset.receipt.warnings.filter((warning) => warning.includes("do not add up"))).toEqual([]);
  });

  it("reads the Google Ads exports as Google Ads, in their currency and period", () => {
    const uk = readExport({
      path: join(folder, "google-ads-campaign-uk-utf16-and-utf8/Campaign report.csv"),
    });
    expect(uk.receipt).toMatchObject({
      platform: "google_ads",
      encoding: "UTF-16LE",
      delimiter: "\t",
      currency: "GBP",
      dateRange: { from: "2026-01-27", to: "2026-02-23" },
    });
    expect(uk.totalsCheck).toMatchObject({ label: "Total: Campaigns", matched: true });
    const ptbr = readExport({
      path: join(folder, "google-ads-ptbr-utf16-2021/Relatorio de campanha (utf16).csv"),
    });
    expect(ptbr.receipt.dateRange).toEqual({ from: "2021-01-01", to: "2021-01-31" });
    expect(ptbr.totalsCheck).toMatchObject({ label: "Total: Campanhas filtradas", matched: true });
  });

  it("reads Meta's lifetime ad export with revenue derived from Purchase ROAS", () => {
    const meta = readExport({
      path: join(folder, "meta-ads-monfrere-ad-level/MONFRERE-Ads-Fe-5-2023-Mar-4-2026.csv"),
    });
    expect(meta.receipt.platform).toBe("meta_ads");
    expect(meta.receipt.dateRange).toEqual({ from: "2023-02-05", to: "2026-03-05" });
    expect(
      meta.receipt.warnings.some((warning) => warning.startsWith("revenue derived as ROAS x spend")),
    ).toBe(true);
  });

  it("dates GA4's weekly acquisition rows", () => {
    const ga4 = readExport({
      path: join(folder, "ga4-traffic-acquisition-weekly/GA4_traffic_acquisition_2025.csv"),
    });
    expect(ga4.receipt.platform).toBe("ga4");
    expect(ga4.receipt.dateRange?.from).toBe("2025-01-01");
    expect(ga4.receipt.columns).toMatchObject({
      sessions: "Sessions",
      engaged_sessions: "Engaged sessions",
      key_events: "Key events",
      revenue: "Total revenue",
    });
    const figures = totals(ga4.facts);
    expect(figures.engagement_rate).toBeCloseTo(
      (figures.engaged_sessions ?? 0) / (figures.sessions ?? 1),
      12,
    );
    expect(figures.spend).toBeNull();
  });

  it("keeps GA4 sessions by page out of the sums: a session that saw two pages is one session", () => {
    const pages = readExport({
      path: join(folder, "google-ads-campaign-uk-utf16-and-utf8/ga4_exploration_pages.csv"),
    });
    expect(pages.receipt.platform).toBe("ga4");
    expect(pages.facts.measures.sessions).toBeUndefined();
    expect(pages.facts.measures.key_events).toBeDefined();
    expect(pages.receipt.warnings.join(" ")).toMatch(/sessions.*sum over pages would overcount/i);
  });
});
