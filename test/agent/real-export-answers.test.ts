import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { askChecked } from "./ask-export.js";

/**
 * Answers on real downloads kept outside the repository (../shared/real-exports/INDEX.md). Every figure
 * expected here was computed apart, with pandas over the CSV (sums per group, then the ratio of sums).
 */
const folder = join(import.meta.dirname, "../../../shared/real-exports");
const present = existsSync(join(folder, "EXPECTED.json"));
if (!present) {
  console.warn(`real-exports: ${folder} is absent, so the answer checks on real exports are skipped`);
}

const ask = (file: string, question: string, today: string) => {
  const path = join(folder, file);
  const dataset = readExport({ bytes: readFileSync(path), name: path.split("/").at(-1) ?? file });
  return askChecked(question, dataset, today);
};

describe.skipIf(!present)("answers on real exports, checked against figures computed apart", () => {
  it("Google keywords: cut the ad groups that spent with no conversions, move no budget to one-conversion ones", async () => {
    const text = await ask(
      "google-ads-keyword-by-device-2020/Search keyword report.csv",
      "which ad groups are wasting money",
      "2020-08-20",
    );
    expect(text).toContain(
      "- b--c-gps equipment tracker-Google: no conversions on $741.31 spend\n- b--c-truck dispatch-Bing: no conversions on $508.38 spend\n- e--c-vehicle tracking-Bing: no conversions on $477.65 spend",
    );
    // Each of the cheapest converted once ($10.56 on $10.56 spend): too few to move budget towards.
    expect(text).toContain("- e--c-fleet management system-Google: CPA $10.56 on $10.56 spend");
    expect(text).not.toMatch(/move that budget to/);
  });

  it("KAG: tells apart two display CTRs under 0.1%", async () => {
    // Campaign 936: 1,984 clicks on 8,128,187 impressions; 1178: 36,068 on 204,823,716.
    const text = await ask(
      "meta-kag-conversion/KAG_conversion_data.csv",
      "best campaign by ctr",
      "2026-03-10",
    );
    expect(text).toContain("1. 936: 0.024% on 2,893.37 spend\n2. 1178: 0.018% on 55,662.15 spend");
  });

  it("Monfrere 2024: says which quarter's spend comes first", async () => {
    // Q3 (July to September) 1,772.78; Q4 3,044.06.
    const text = await ask(
      "meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv",
      "compare q3 vs q4 spend",
      "2025-01-10",
    );
    expect(text).toContain("(the later one first)\n- Spend: $3,044.06 vs $1,772.78");
  });

  it("Monfrere ads: the ad set that spent with no purchases leads the worst CPAs", async () => {
    const text = await ask(
      "meta-ads-monfrere-ad-level/MONFRERE-Ads-Fe-5-2023-Mar-4-2026.csv",
      "which ad sets have the worst cpa",
      "2026-03-10",
    );
    expect(text).toContain(
      "1. MOF\\_CREATIVES: no conversions on $211.55 spend\n2. ADVPLUS\\_CART Ad set: $2,087.68 on $6,263.05 spend",
    );
  });

  it("Meta VND: CPA highest first names each campaign's spend, none converted", async () => {
    const text = await ask(
      "meta-ads-vnd-daily/Google_Ads_Analysis__actually_Meta_VND.csv",
      "cpa by campaign highest first",
      "2025-06-10",
    );
    expect(text).toContain(
      "- 07\\_HEAD\\_Hoa cat canh: no conversions on ₫11,044,200 spend\n- 10\\_HEAD\\_Lan Ho diep: no conversions on ₫8,666,698 spend",
    );
  });
});
