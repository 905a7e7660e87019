import type { Dataset, FactTable, Platform } from "../ingest/index.js";

/**
 * Platforms that count what happened on the site rather than what an ad platform attributed to its ads.
 * Their revenue and conversions overlap the ad platforms' own (one purchase is in both), so they are never
 * added together.
 */
const SITE_PLATFORMS: ReadonlySet<Platform> = new Set(["ga4", "shopify"]);

export const isSitePlatform = (platform: Platform) => SITE_PLATFORMS.has(platform);

/** The measures a site export keeps under its own name in a blend. */
const SITE_NAMES = { revenue: "site revenue", conversions: "site conversions" } as const;

/**
 * A site export's revenue and conversions as extra measures named "site revenue" and "site conversions",
 * so blended ROAS and CPA stay the ad platforms' own; the note says where they went. Key events are a
 * measure of their own already and never add to conversions.
 */
export function keepSiteMeasuresApart(dataset: Dataset): { facts: FactTable; note: string | null } {
  const { facts, receipt } = dataset;
  if (!isSitePlatform(receipt.platform)) return { facts, note: null };
  const measures = { ...facts.measures };
  const extraMeasures = { ...facts.extraMeasures };
  const moved: string[] = [];
  for (const [measure, name] of Object.entries(SITE_NAMES) as Array<[keyof typeof SITE_NAMES, string]>) {
    const values = measures[measure];
    if (!values) continue;
    extraMeasures[name] = values;
    delete measures[measure];
    moved.push(`${measure} as "${name}"`);
  }
  if (moved.length === 0) return { facts, note: null };
  return {
    facts: { ...facts, measures, extraMeasures },
    note: `${receipt.file} counts what happened on the site, so its ${moved.join(" and ")} ${moved.length === 1 ? "is" : "are"} kept apart from the ad platforms' revenue and conversions (one purchase is in both)`,
  };
}
