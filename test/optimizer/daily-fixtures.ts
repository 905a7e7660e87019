import { type Dataset, dayToIso, isoToDay, readExport } from "../../src/ingest/index.js";
import { seededRandom } from "../../src/optimizer/seeded-random.js";

/** Poisson draws by inversion: small daily counts, as ad platforms report them. */
function poisson(random: () => number, mean: number): number {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  const u = random();
  while (u > cumulative && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface TrueCampaign {
  name: string;
  /** Mean daily spend; each day draws within ±`swing` of it. */
  spend: number;
  swing: number;
  /** Daily conversions = ceiling × spend / (spend + halfSpend). */
  ceiling: number;
  halfSpend: number;
}

/** The two campaigns of the budget examples: Prospecting saturates early, Retargeting barely at all. */
export const BUDGET_CAMPAIGNS: readonly TrueCampaign[] = [
  { name: "Prospecting - Broad", spend: 600, swing: 0.45, ceiling: 40, halfSpend: 300 },
  { name: "Retargeting", spend: 200, swing: 0.45, ceiling: 60, halfSpend: 900 },
];

/**
 * A daily campaign export whose conversions follow known response curves, so a fitted curve and the
 * recommendation can be checked against the truth that made the data.
 */
export function dailyCampaignCsv(
  campaigns: readonly TrueCampaign[],
  days: number,
  options: { start?: string; seed?: number; revenuePerConversion?: number } = {},
): string {
  const random = seededRandom(options.seed ?? 7);
  const first = isoToDay(options.start ?? "2024-06-01");
  const lines = ["Day,Campaign name,Amount spent (USD),Impressions,Clicks,Conversions,Conversion value"];
  for (let d = 0; d < days; d++) {
    for (const campaign of campaigns) {
      const spend = Math.round(campaign.spend * (1 + campaign.swing * (2 * random() - 1)) * 100) / 100;
      const mean = (campaign.ceiling * spend) / (spend + campaign.halfSpend);
      const conversions = poisson(random, mean);
      const clicks = poisson(random, spend * 1.5);
      const revenue = (options.revenuePerConversion ?? 50) * conversions;
      lines.push(
        `${dayToIso(first + d)},${campaign.name},${spend},${Math.round(spend * 90)},${clicks},${conversions},${revenue}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export function datasetOf(csv: string, name = "daily.csv"): Dataset {
  return readExport({ bytes: Buffer.from(csv), name });
}
