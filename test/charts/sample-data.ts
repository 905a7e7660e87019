/** Invented sample data for the chart tests and the README images: no real account's figures. */
import type { TopLevelSpec } from "vega-lite";
import {
  type BreakdownRow,
  type ChartContext,
  type TrendRow,
  trendChartSpec,
} from "../../src/charts/index.js";

export const CAMPAIGNS = [
  "Brand – Search – Exact",
  "Summer Sale 2024 – Prospecting – Lookalike 1% – Advantage+ Audience",
  "Retargeting – Cart Abandoners 7d",
  "Campaign 05 – Brand/Ünïcode Größe",
  "Promoção de Verão – São Paulo",
  "YouTube – Awareness – 18-34",
  "PMax – All Products",
  "Chiến dịch mùa hè – Hà Nội",
  "Display – Remarketing",
  "Competitor Terms",
  "Generic – Running Shoes",
  "Shopping – Best Sellers",
  "TikTok Spark Ads – UGC Creators",
  "LinkedIn – Decision Makers",
];

/** A breakdown row with every KPI derived as ratios of its own sums, like the metrics engine's. */
export function breakdownRow(
  key: string,
  spend: number,
  revenue: number,
  clicks: number,
  impressions: number,
  conversions: number,
): BreakdownRow {
  const ratio = (numerator: number, denominator: number, factor = 1) =>
    denominator === 0 ? null : (numerator / denominator) * factor;
  return {
    key,
    spend,
    impressions,
    clicks,
    conversions,
    revenue,
    ctr: ratio(clicks, impressions),
    cpc: ratio(spend, clicks),
    cpm: ratio(spend, impressions, 1000),
    cvr: ratio(conversions, clicks),
    cpa: ratio(spend, conversions),
    roas: ratio(revenue, spend),
    aov: ratio(revenue, conversions),
  };
}

export function campaignRows(count = CAMPAIGNS.length): BreakdownRow[] {
  return Array.from({ length: count }, (_, index) => {
    const name = CAMPAIGNS[index % CAMPAIGNS.length] ?? "Campaign";
    const key = index < CAMPAIGNS.length ? name : `${name} ${Math.floor(index / CAMPAIGNS.length) + 1}`;
    const spend = 1800 + ((index * 7919) % 23) * 1150;
    const roas = 0.6 + ((index * 37) % 11) * 0.42;
    const clicks = Math.round(spend / (0.55 + ((index * 13) % 7) * 0.18));
    const conversions = Math.round((spend * roas) / 86);
    return breakdownRow(key, spend, spend * roas, clicks, clicks * (38 + ((index * 5) % 9) * 9), conversions);
  });
}

export function dailyRows(days: number, start = Date.UTC(2024, 0, 1)): TrendRow[] {
  return Array.from({ length: days }, (_, index) => {
    const weekday = new Date(start + index * 86_400_000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.78 : 1;
    const spend = (3200 + 900 * Math.sin(index / 15) + index * 1.6) * weekend;
    const roas = 2.6 + 0.5 * Math.sin(index / 23 + 1) + ((index * 17) % 10) / 40;
    return {
      period: new Date(start + index * 86_400_000).toISOString().slice(0, 10),
      spend,
      revenue: spend * roas,
      roas,
    };
  });
}

export const CONTEXT: ChartContext = {
  source: "meta-ads-export-march.csv",
  dateRange: { from: "2024-03-04", to: "2024-03-31" },
  currency: "USD",
};

/** A weekly revenue trend with every element a trend can have: the previous period dashed, dots, a dip marked. */
export function weeklyTrendWithComparison(): TopLevelSpec {
  const days = dailyRows(182);
  return trendChartSpec({
    rows: days.filter((_, index) => index % 7 === 0),
    metric: "revenue",
    grain: "week",
    comparison: { rows: dailyRows(300).filter((_, index) => index % 7 === 3) },
    anomalies: [
      {
        date: days[70]?.period ?? "",
        metric: "revenue",
        actual: days[70]?.revenue ?? 0,
        expected: { low: 1, high: 2, median: 9000 },
        direction: "down",
        score: 4,
      },
    ],
    context: CONTEXT,
  });
}

/** A bar filled with a gradient: a mark only librsvg can draw, so the chart takes the librsvg path. */
export const GRADIENT_BAR_SPEC = {
  data: { values: [{ name: "Brand", value: 3 }] },
  mark: {
    type: "bar",
    color: {
      gradient: "linear",
      stops: [
        { offset: 0, color: "#0072B2" },
        { offset: 1, color: "#E69F00" },
      ],
    },
  },
  encoding: { y: { field: "name", type: "nominal" }, x: { field: "value", type: "quantitative" } },
} as TopLevelSpec;
