import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Dataset, loadExport } from "../src/ingest/index.js";

/** The real exports with one row per day (or per day and segment), as ../shared/real-exports holds them. */
const DAILY_EXPORTS = [
  "meta-ads-monfrere-daily-age-gender-2024/Meta_Monfrere_2024.csv",
  "meta-ads-vnd-daily/Google_Ads_Analysis__actually_Meta_VND.csv",
  "ab-test-control-vs-test-semicolon/control_group.csv",
  "ab-test-control-vs-test-semicolon/test_group.csv",
];

export const REAL_EXPORTS = join(import.meta.dirname, "../../shared/real-exports");

/** Every daily real export present, loaded; an absent folder gives none and says so. */
export async function realDailyExports(): Promise<Array<{ file: string; dataset: Dataset }>> {
  if (!existsSync(REAL_EXPORTS)) {
    console.log(`${REAL_EXPORTS} is absent: no real exports to backtest on`);
    return [];
  }
  const loaded = [];
  for (const file of DAILY_EXPORTS) {
    const path = join(REAL_EXPORTS, file);
    if (existsSync(path)) loaded.push({ file, dataset: await loadExport({ path }) });
  }
  return loaded;
}
