import type { Ga4Channel } from "./ga4-export.js";
import type { GoogleCampaign } from "./google-ads-report.js";
import type { MetaAdSet } from "./meta-ads-export.js";

/**
 * The made-up advertiser behind every sample: Northwind Running Co., an online running-shoe shop, in
 * September 2025. Each sample has a story worth asking about: a tracking outage on Performance Max, a
 * competitor campaign that loses money, retargeting that carries Meta, a mid-month promotion.
 */
export const PERIOD = { from: "2025-09-01", to: "2025-09-30" } as const;

export const PROPERTY = "Northwind Running Co.";

export const GOOGLE_CAMPAIGNS: readonly GoogleCampaign[] = [
  { name: "Brand - Search", type: "Search", dailySpend: 64, cpm: 70, ctr: 0.118, cvr: 0.06, aov: 96 },
  {
    name: "Generic - Running Shoes",
    type: "Search",
    dailySpend: 236,
    cpm: 61,
    ctr: 0.052,
    cvr: 0.031,
    aov: 104,
  },
  {
    name: "Performance Max - Catalog",
    type: "Performance Max",
    dailySpend: 318,
    cpm: 14,
    ctr: 0.016,
    cvr: 0.027,
    aov: 112,
    // Conversion tracking broke after a site release on the 18th and was fixed on the 21st.
    events: [{ from: "2025-09-18", to: "2025-09-21", cvr: 0.35 }],
  },
  {
    name: "Competitor - Search",
    type: "Search",
    dailySpend: 92,
    cpm: 74,
    ctr: 0.034,
    cvr: 0.012,
    aov: 98,
  },
  { name: "YouTube - Awareness", type: "Video", dailySpend: 143, cpm: 9.5, ctr: 0.0042, cvr: 0.011, aov: 96 },
];

export const META_AD_SETS: readonly MetaAdSet[] = [
  {
    campaign: "Prospecting - Broad",
    name: "Advantage+ audience",
    dailySpend: 182,
    cpm: 11.8,
    ctr: 0.0094,
    cvr: 0.019,
    aov: 101,
  },
  {
    campaign: "Prospecting - Broad",
    name: "Broad 25-54",
    dailySpend: 121,
    cpm: 10.2,
    ctr: 0.0081,
    cvr: 0.015,
    aov: 97,
  },
  {
    campaign: "Prospecting - Lookalike",
    name: "LAL 1% purchasers",
    dailySpend: 148,
    cpm: 14.6,
    ctr: 0.0112,
    cvr: 0.024,
    aov: 108,
    // Creative fatigue: the same three ads ran all month and clicks thinned out in the last week.
    events: [{ from: "2025-09-23", to: "2025-09-30", ctr: 0.72 }],
  },
  {
    campaign: "Retargeting - Cart abandoners",
    name: "Added to cart 7d",
    dailySpend: 76,
    cpm: 21.5,
    ctr: 0.0185,
    cvr: 0.061,
    aov: 119,
    // The "Fall Miles" promotion (15% off) from the 12th to the 15th.
    events: [{ from: "2025-09-12", to: "2025-09-15", spend: 1.6, cvr: 1.45 }],
  },
  {
    campaign: "Retargeting - Cart abandoners",
    name: "Viewed product 30d",
    dailySpend: 58,
    cpm: 18.3,
    ctr: 0.0142,
    cvr: 0.033,
    aov: 111,
  },
];

/** Sessions as "clicks": each channel's daily traffic is `dailySpend / cpm * 1000 * ctr`. */
export const GA4_CHANNELS: readonly Ga4Channel[] = [
  { name: "Paid Search", dailySpend: 100, cpm: 10, ctr: 0.118, cvr: 0.034, aov: 108, engagedShare: 0.71 },
  { name: "Paid Social", dailySpend: 100, cpm: 10, ctr: 0.092, cvr: 0.019, aov: 103, engagedShare: 0.58 },
  { name: "Organic Search", dailySpend: 100, cpm: 10, ctr: 0.21, cvr: 0.024, aov: 112, engagedShare: 0.74 },
  { name: "Direct", dailySpend: 100, cpm: 10, ctr: 0.087, cvr: 0.041, aov: 121, engagedShare: 0.69 },
  { name: "Email", dailySpend: 100, cpm: 10, ctr: 0.029, cvr: 0.052, aov: 95, engagedShare: 0.77 },
  { name: "Organic Social", dailySpend: 100, cpm: 10, ctr: 0.034, cvr: 0.006, aov: 88, engagedShare: 0.52 },
];
