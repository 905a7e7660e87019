import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExport } from "../../src/ingest/index.js";
import { askChecked, exportFromLines } from "./ask-export.js";

/**
 * A file that exports an outcome column it does not track (Meta's "Conversion values" of 0 on every row
 * of a Messages campaign): performance is judged by the next KPI with data, never by ROAS 0.00x.
 */
const folder = join(import.meta.dirname, "../../../shared/real-exports");
const vnd = join(folder, "meta-ads-vnd-daily/Google_Ads_Analysis__actually_Meta_VND.csv");
const present = existsSync(vnd);
if (!present)
  console.warn(`real-exports: ${vnd} is absent, so the untracked-outcome checks on it are skipped`);

describe("an outcome column that is zero on every row", () => {
  // Revenue 0 on every row, conversions tracked: CPA judges. a: 100/4 = 25, b: 90/2 = 45, c: 80/1 = 80.
  const tracked = exportFromLines([
    "Campaign,Day,Cost,Impressions,Clicks,Conversions,Conv. value",
    "a,2024-03-01,60,1000,50,3,0",
    "a,2024-03-02,40,1000,40,1,0",
    "b,2024-03-01,50,1000,30,1,0",
    "b,2024-03-02,40,1000,20,1,0",
    "c,2024-03-01,80,1000,10,1,0",
  ]);

  it("ranks 'best performing campaign' by CPA and says the file reports no conversion value", async () => {
    const text = await askChecked("best performing campaign", tracked, "2024-03-10");
    expect(text).toContain("Best CPA by campaign: a at 25.00");
    expect(text).not.toMatch(/0\.00x|Best ROAS/);
    expect(text).toMatch(/reports no conversion value/);
  });

  it("refuses a ROAS ranking instead of ranking zeros", async () => {
    const text = await askChecked("top campaigns by roas", tracked, "2024-03-10");
    expect(text).not.toMatch(/0\.00x/);
    expect(text).toMatch(/reports no conversion value/);
  });
});

describe.skipIf(!present)("Meta VND export (conversions and conversion values 0 on every row)", () => {
  const dataset = present
    ? readExport({ bytes: readFileSync(vnd), name: "Google_Ads_Analysis__actually_Meta_VND.csv" })
    : null;

  it("'best performing day' is the best CTR day, not a 0.00x ROAS", async () => {
    if (!dataset) return;
    // Computed apart over the CSV: link clicks / impressions per day; 10-04-2025: 1.24% on 1,301,535 VND.
    const text = await askChecked("best performing day", dataset, "2025-05-10");
    expect(text).toContain("Best CTR by day: 2025-04-10 at 1.24%");
    expect(text).toContain("2. 2025-04-17: 1.08% on ₫1,312,476 spend");
    expect(text).not.toMatch(/0\.00x|Best ROAS/);
    expect(text).toMatch(/reports no conversion value and no conversions/);
  });

  it("'which campaigns should I cut' judges by CTR without speaking of conversions", async () => {
    if (!dataset) return;
    // Link clicks / impressions per campaign: 13_HEAD_Campaign_08.03 0.11% on 1,738,660 VND.
    const text = await askChecked("which campaigns should I cut", dataset, "2025-05-10");
    expect(text).toContain("judged by CTR");
    expect(text).toContain("- 13\\_HEAD\\_Campaign\\_08.03: CTR 0.11% on ₫1,738,660 spend");
    expect(text).not.toMatch(/conversions to show it/);
  });
});
