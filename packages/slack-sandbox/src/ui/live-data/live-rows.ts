/**
 * A day of live ad figures as an automation tool would push them, hour by hour: four campaigns, one of
 * which (retargeting) spends steadily while its revenue falls away, so a ROAS rule fires.
 */
interface LiveCampaign {
  campaign: string;
  channel: string;
  hourlySpend: number;
  cpm: number;
  ctr: number;
  cvr: number;
  aov: number;
  /** How conversion rate moves through the day: 1 at midnight, this at the 24th hour. */
  cvrDrift: number;
}

const CAMPAIGNS: readonly LiveCampaign[] = [
  {
    campaign: "Brand - Search",
    channel: "google_ads",
    hourlySpend: 12,
    cpm: 70,
    ctr: 0.118,
    cvr: 0.06,
    aov: 96,
    cvrDrift: 1,
  },
  {
    campaign: "Performance Max - Catalog",
    channel: "google_ads",
    hourlySpend: 40,
    cpm: 14,
    ctr: 0.016,
    cvr: 0.027,
    aov: 112,
    cvrDrift: 1.05,
  },
  {
    campaign: "Prospecting - Broad",
    channel: "meta_ads",
    hourlySpend: 38,
    cpm: 11.8,
    ctr: 0.0094,
    cvr: 0.03,
    aov: 101,
    cvrDrift: 0.95,
  },
  {
    campaign: "Retargeting - Cart abandoners",
    channel: "meta_ads",
    hourlySpend: 18,
    cpm: 21.5,
    ctr: 0.0185,
    cvr: 0.024,
    aov: 92,
    cvrDrift: 0.3,
  },
];

export interface LiveMetricsRecord {
  kind: "metrics";
  /** Stable per campaign and day: a later push of the same day replaces the figures. */
  id: string;
  date: string;
  campaign: string;
  channel: string;
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  revenue: number;
  currency: "USD";
}

export interface LiveBatch {
  source: string;
  records: LiveMetricsRecord[];
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const cents = (value: number) => Math.round(value * 100) / 100;

/** The day's totals so far after `hours` hours (1 to 24), for every campaign. */
export function liveBatch(date: string, hours: number, source = "sandbox"): LiveBatch {
  const elapsed = Math.min(24, Math.max(1, Math.floor(hours)));
  const records = CAMPAIGNS.map((plan): LiveMetricsRecord => {
    const spend = cents(plan.hourlySpend * elapsed);
    const impressions = Math.round((spend / plan.cpm) * 1000);
    const clicks = Math.round(impressions * plan.ctr);
    // The average conversion rate over the hours so far, drifting linearly towards the end-of-day rate.
    const averageDrift = 1 + ((plan.cvrDrift - 1) * elapsed) / 48;
    const conversions = Math.round(clicks * plan.cvr * averageDrift);
    return {
      kind: "metrics",
      id: `${source}-${date}-${slug(plan.campaign)}`,
      date,
      campaign: plan.campaign,
      channel: plan.channel,
      spend,
      impressions,
      clicks,
      conversions,
      revenue: cents(conversions * plan.aov),
      currency: "USD",
    };
  });
  return { source, records };
}
