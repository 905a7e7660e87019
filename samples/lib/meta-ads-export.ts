import { type AdLine, dailyFigures } from "./ad-line.js";
import { daysBetween } from "./calendar.js";
import { cell, plain } from "./number-format.js";
import type { Random } from "./random.js";

export interface MetaAdSet extends AdLine {
  campaign: string;
}

const HEADER = [
  "Campaign name",
  "Ad set name",
  "Delivery status",
  "Reach",
  "Impressions",
  "Frequency",
  "Amount spent (USD)",
  "Link clicks",
  "CPC (cost per link click) (USD)",
  "CTR (link click-through rate)",
  "Purchases",
  "Cost per purchase (USD)",
  "Purchase conversion value",
  "Purchase ROAS (return on ad spend)",
  "Reporting starts",
  "Reporting ends",
];

/** Meta leaves a cell empty where a ratio has no denominator or a count is zero. */
function ratio(numerator: number, denominator: number, decimals: number): string {
  return denominator === 0 ? "" : plain(numerator / denominator, decimals);
}

function count(value: number): string {
  return value === 0 ? "" : String(value);
}

/**
 * A Meta Ads Manager export broken down by day (Reports → Export table data → CSV): a UTF-8 BOM, one row
 * per ad set and day, with "Reporting starts"/"Reporting ends" both set to that day.
 */
export function metaAdsExport(
  from: string,
  to: string,
  adSets: readonly MetaAdSet[],
  random: Random,
): string {
  const lines: string[][] = [HEADER];
  for (const day of daysBetween(from, to).reverse()) {
    for (const adSet of adSets) {
      const figures = dailyFigures(adSet, day, random);
      // People see an ad set's ads about 1.3 to 1.6 times a day.
      const reach = Math.max(1, Math.round(figures.impressions / (1.3 + random.next() * 0.3)));
      lines.push([
        adSet.campaign,
        adSet.name,
        "active",
        String(reach),
        String(figures.impressions),
        plain(figures.impressions / reach, 6),
        plain(figures.spend, 2),
        count(figures.clicks),
        ratio(figures.spend, figures.clicks, 6),
        ratio(figures.clicks * 100, figures.impressions, 6),
        count(figures.conversions),
        ratio(figures.spend, figures.conversions, 6),
        figures.revenue === 0 ? "" : plain(figures.revenue, 2),
        ratio(figures.revenue, figures.spend, 6),
        day,
        day,
      ]);
    }
  }
  return `\uFEFF${lines.map((line) => line.map((value) => cell(value, ",")).join(",")).join("\n")}\n`;
}
