/**
 * Writes the sample exports the local sandbox offers in #marketing, and `index.json` describing them.
 * Deterministic: run it again and the files are byte-identical.
 *
 *   npx tsx samples/generate.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GA4_CHANNELS, GOOGLE_CAMPAIGNS, META_AD_SETS, PERIOD, PROPERTY } from "./lib/account-plan.js";
import { ga4Export } from "./lib/ga4-export.js";
import { googleAdsReport } from "./lib/google-ads-report.js";
import { metaAdsExport } from "./lib/meta-ads-export.js";
import { seededRandom } from "./lib/random.js";

interface Sample {
  file: string;
  title: string;
  platform: string;
  description: string;
  bytes: Buffer;
}

function utf16le(text: string): Buffer {
  // Google Ads' "CSV" download for Excel is tab-separated UTF-16LE with a byte-order mark.
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

const samples: Sample[] = [
  {
    file: "google-ads-campaign-report.csv",
    title: "Google Ads campaign report, by day",
    platform: "Google Ads",
    description: "5 campaigns, September 2025, UTF-16 TSV with Google's title, date range and Total rows",
    bytes: utf16le(
      googleAdsReport(
        {
          title: "Campaign report",
          ...PERIOD,
          currency: "USD",
          campaigns: GOOGLE_CAMPAIGNS,
          byDay: true,
          delimiter: "\t",
        },
        seededRandom(2025_09_01),
      ),
    ),
  },
  {
    file: "google-ads-campaign-totals.csv",
    title: "Google Ads campaign totals",
    platform: "Google Ads",
    description: "The same month, one row per campaign, UTF-8 CSV",
    bytes: Buffer.from(
      googleAdsReport(
        {
          title: "Campaign report",
          ...PERIOD,
          currency: "USD",
          campaigns: GOOGLE_CAMPAIGNS,
          byDay: false,
          delimiter: ",",
        },
        seededRandom(2025_09_01),
      ),
      "utf8",
    ),
  },
  {
    file: "meta-ads-daily-export.csv",
    title: "Meta Ads Manager export, by day",
    platform: "Meta Ads",
    description: "3 campaigns, 5 ad sets, September 2025: spend, purchases, conversion value, ROAS",
    bytes: Buffer.from(metaAdsExport(PERIOD.from, PERIOD.to, META_AD_SETS, seededRandom(2025_09_02)), "utf8"),
  },
  {
    file: "ga4-traffic-acquisition.csv",
    title: "GA4 traffic acquisition, by day",
    platform: "GA4",
    description: "Sessions, key events and revenue per channel group, with GA4's # preamble",
    bytes: Buffer.from(
      ga4Export(PROPERTY, PERIOD.from, PERIOD.to, GA4_CHANNELS, seededRandom(2025_09_03)),
      "utf8",
    ),
  },
];

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

for (const sample of samples) writeFileSync(here(sample.file), sample.bytes);
const index = samples.map(({ bytes: _bytes, ...entry }) => entry);
writeFileSync(here("index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(samples.map((sample) => `${sample.file}  ${sample.bytes.length} bytes`).join("\n"));
