import type { EvalCase } from "../eval-case.js";

/**
 * More questions typed the way marketers type them in Slack, written before running them: short
 * fragments, typos, everyday words for values, name parts, weeks and halves, two dimensions, weekdays and
 * direction. Each is answered for exactly what it asks, or declined.
 */
const MARCH = { from: "2024-03-01", to: "2024-03-31" };
const FEBRUARY = { from: "2024-02-01", to: "2024-02-29" };
const AUGUST_2025 = { from: "2025-08-01", to: "2025-08-31" };
const SEPTEMBER_2025 = { from: "2025-09-01", to: "2025-09-30" };

export const FRESH_PHRASING_CASES: EvalCase[] = [
  {
    id: "fresh-tiktok-march-spend",
    fixture: "multi",
    question: "how much did tiktok spend in march?",
    tools: [{ name: "get_kpis", args: { date_range: MARCH } }],
    figures: [{ metric: "spend", where: { channel: ["TikTok"] }, ...MARCH }],
  },
  {
    id: "fresh-meta-roas-last-month",
    fixture: "multi",
    question: "meta roas last month",
    tools: [{ name: "get_kpis", args: { period: "last_month" } }],
    figures: [{ metric: "roas", where: { channel: ["Meta"] }, ...MARCH }],
  },
  {
    id: "fresh-brand-search-cpc",
    fixture: "multi",
    question: "brand search cpc",
    tools: [{ name: "get_kpis" }],
    figures: [{ metric: "cpc", where: { campaign: ["Brand Search"] } }],
  },
  {
    id: "fresh-canada-cvr",
    fixture: "multi",
    question: "what's the cvr for canada",
    tools: [],
    figures: [{ metric: "cvr", where: { country: ["CA"] } }],
  },
  {
    id: "fresh-google-by-country",
    fixture: "multi",
    question: "spend by country for google ads",
    tools: [{ name: "query", args: { group_by: ["country"] } }],
    figures: [
      { metric: "spend", where: { channel: ["Google Ads"], country: ["US"] } },
      { metric: "spend", where: { channel: ["Google Ads"], country: ["CA"] } },
    ],
  },
  {
    id: "fresh-lowest-roas-feb",
    fixture: "multi",
    question: "which campaign had the lowest roas in feb?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "bottom" } }],
    figures: [{ metric: "roas", where: { campaign: ["TopView Test"] }, ...FEBRUARY }],
    mentions: ["TopView Test"],
  },
  {
    id: "fresh-top3-revenue-30d",
    fixture: "multi",
    question: "top 3 campaigns by revenue last 30 days",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "revenue", n: 3 } }],
    figures: [
      { metric: "revenue", where: { campaign: ["Brand Search"] }, from: "2024-03-02", to: "2024-03-31" },
    ],
  },
  {
    id: "fresh-clicks-15th-march",
    fixture: "multi",
    question: "clicks on the 15th of march",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-03-15", to: "2024-03-15" } } }],
    figures: [{ metric: "clicks", from: "2024-03-15", to: "2024-03-15" }],
  },
  {
    id: "fresh-roas-week-of",
    fixture: "multi",
    question: "ROAS week of march 11",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-03-11", to: "2024-03-17" } } }],
    figures: [{ metric: "roas", from: "2024-03-11", to: "2024-03-17" }],
  },
  {
    id: "fresh-retargeting-vs-prospecting",
    fixture: "multi",
    question: "cpa for retargeting vs prospecting",
    tools: [],
    figures: [
      { metric: "cpa", where: { campaign: ["Retargeting"] } },
      { metric: "cpa", where: { campaign: ["Prospecting"] } },
    ],
  },
  {
    id: "fresh-channel-country",
    fixture: "multi",
    question: "spend per channel per country",
    tools: [{ name: "query", args: { group_by: ["channel", "country"] } }],
    figures: [{ metric: "spend", where: { channel: ["Meta"], country: ["CA"] } }],
  },
  {
    id: "fresh-impressions-weekday",
    fixture: "multi",
    question: "impressions by weekday",
    // Totals per weekday or a mean per day are both fair when the answer says which; the order is not.
    tools: [],
    mentions: ["Monday", "Sunday"],
  },
  {
    id: "fresh-roas-by-quarter",
    fixture: "multi",
    question: "roas by quarter",
    tools: [{ name: "query", args: { group_by: ["quarter"] } }],
    figures: [{ metric: "roas" }],
    mentions: ["2024 Q1"],
  },
  {
    id: "fresh-shopping-first-half-march",
    fixture: "multi",
    question: "shopping conversions first half of march",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-03-01", to: "2024-03-15" } } }],
    figures: [
      { metric: "conversions", where: { campaign: ["Shopping"] }, from: "2024-03-01", to: "2024-03-15" },
    ],
  },
  {
    id: "fresh-revenue-excluding-meta",
    fixture: "multi",
    question: "revenue excluding meta",
    tools: [],
    figures: [{ metric: "revenue", where: { channel: ["Google Ads", "TikTok"] } }],
  },
  {
    id: "fresh-weird-days-tiktok",
    fixture: "multi",
    question: "weird days for tiktok?",
    tools: [{ name: "find_anomalies", args: { filters: [{ dimension: "channel", values: ["TikTok"] }] } }],
  },
  {
    id: "fresh-cpa-up-last-week",
    fixture: "multi",
    question: "did cpa go up last week?",
    tools: [{ name: "compare_periods", args: { period: "last_week" } }],
    figures: [
      {
        metric: "cpa",
        change: {
          current: { from: "2024-03-25", to: "2024-03-31" },
          previous: { from: "2024-03-18", to: "2024-03-24" },
        },
      },
    ],
  },
  {
    id: "fresh-country-ctr",
    fixture: "multi",
    question: "ctr by country",
    tools: [{ name: "query", args: { group_by: ["country"] } }],
    figures: [
      { metric: "ctr", where: { country: ["US"] } },
      { metric: "ctr", where: { country: ["CA"] } },
    ],
  },
  {
    id: "fresh-typo-ctr-under",
    fixture: "multi",
    question: "campains with ctr under 1%",
    tools: [
      { name: "query", args: { group_by: ["campaign"], thresholds: [{ metric: "ctr", below: 0.01 }] } },
    ],
  },
  {
    id: "fresh-channel-cpa-worst",
    fixture: "multi",
    question: "worst channel for cpa",
    tools: [{ name: "top_bottom", args: { dimension: "channel", metric: "cpa", order: "bottom" } }],
    figures: [{ metric: "cpa", where: { channel: ["TikTok"] } }],
    mentions: ["TikTok"],
  },
  {
    id: "fresh-desktop-ctr",
    fixture: "segments",
    question: "ctr on desktop",
    tools: [],
    figures: [{ metric: "ctr", where: { device: ["Computers"] } }],
  },
  {
    id: "fresh-spend-women",
    fixture: "segments",
    question: "spend on women",
    tools: [],
    figures: [{ metric: "spend", where: { gender: ["female"] } }],
  },
  {
    id: "fresh-men-mobile-roas",
    fixture: "segments",
    question: "roas for men on mobile",
    tools: [],
    figures: [{ metric: "roas", where: { gender: ["male"], device: ["Mobile phones"] } }],
  },
  {
    id: "fresh-cpa-device-gender",
    fixture: "segments",
    question: "cpa by device and gender",
    tools: [{ name: "query", args: { group_by: ["device", "Gender"] } }],
    figures: [{ metric: "cpa", where: { device: ["Tablets"], gender: ["male"] } }],
  },
  {
    id: "fresh-brand-campaigns-spend",
    fixture: "segments",
    question: "brand campaigns spend",
    tools: [],
    figures: [{ metric: "spend", where: { campaign: ["Brand Awareness", "Brand Retargeting"] } }],
  },
  {
    id: "fresh-summer-sale-august",
    fixture: "segments",
    question: "cost for summer sale in august",
    tools: [{ name: "get_kpis", args: { date_range: AUGUST_2025 } }],
    figures: [{ metric: "spend", where: { campaign: ["Summer Sale"] }, ...AUGUST_2025 }],
  },
  {
    id: "fresh-best-ad-roas",
    fixture: "segments",
    question: "which ad has the best roas?",
    tools: [{ name: "top_bottom", args: { dimension: "ad", metric: "roas", order: "top" } }],
    figures: [{ metric: "roas", where: { ad: ["Carousel B"] } }],
    mentions: ["Carousel B"],
  },
  {
    id: "fresh-tablet-cpc-sept",
    fixture: "segments",
    question: "tablet cpc in september",
    tools: [{ name: "get_kpis", args: { date_range: SEPTEMBER_2025 } }],
    figures: [{ metric: "cpc", where: { device: ["Tablets"] }, ...SEPTEMBER_2025 }],
  },
  {
    id: "fresh-roas-first-week-sept",
    fixture: "segments",
    question: "roas first week of september",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2025-09-01", to: "2025-09-07" } } }],
    figures: [{ metric: "roas", from: "2025-09-01", to: "2025-09-07" }],
  },
  {
    id: "fresh-spend-by-month",
    fixture: "segments",
    question: "spend by month",
    tools: [{ name: "trend", args: { grain: "month" } }],
    figures: [
      { metric: "spend", from: "2025-07-01", to: "2025-07-31" },
      { metric: "spend", ...AUGUST_2025 },
    ],
  },
  {
    id: "fresh-roas-going-down",
    fixture: "segments",
    question: "is roas going down?",
    tools: [{ name: "trend", args: { grain: "week" } }],
  },
  {
    id: "fresh-conversions-excluding-prospecting",
    fixture: "segments",
    question: "conversions excluding prospecting",
    tools: [],
    figures: [
      { metric: "conversions", where: { campaign: ["Brand Awareness", "Brand Retargeting", "Summer Sale"] } },
    ],
  },
  {
    id: "fresh-weekday-ctr-segments",
    fixture: "segments",
    question: "ctr by day of week",
    tools: [],
    figures: [{ metric: "ctr", weekdays: ["Saturday"] }],
  },
  {
    id: "fresh-cpl-webinar",
    fixture: "metaLeads",
    question: "cost per lead for webinar signups",
    tools: [],
    figures: [{ metric: "cpa", where: { campaign: ["Webinar Signups"] } }],
  },
  {
    id: "fresh-ebook-leads-feb",
    fixture: "metaLeads",
    question: "how many leads did ebook downloads get in feb",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-02-01", to: "2024-02-29" } } }],
    figures: [{ metric: "conversions", where: { campaign: ["Ebook Downloads"] }, ...FEBRUARY }],
  },
  {
    id: "fresh-cpl-by-ad-set",
    fixture: "metaLeads",
    question: "cpl by ad set",
    tools: [{ name: "query", args: { group_by: ["ad_group"] } }],
    figures: [{ metric: "cpa", where: { ad_group: ["Lookalike 1%"] } }],
  },
  {
    id: "fresh-lookalike-january",
    fixture: "metaLeads",
    question: "lookalike spend in january",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-01-01", to: "2024-01-31" } } }],
    figures: [
      { metric: "spend", where: { ad_group: ["Lookalike 1%"] }, from: "2024-01-01", to: "2024-01-31" },
    ],
  },
  {
    id: "fresh-most-leads",
    fixture: "metaLeads",
    question: "which campaign had the most leads",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "conversions" } }],
    figures: [{ metric: "conversions", where: { campaign: ["Lead Gen UK"] } }],
    mentions: ["Lead Gen UK"],
  },
  {
    id: "fresh-pmax-cpc",
    fixture: "googleAds",
    question: "cpc for performance max",
    tools: [],
    figures: [{ metric: "cpc", where: { campaign: ["Performance Max 2024"] } }],
  },
  {
    id: "fresh-trail-conversions",
    fixture: "googleAds",
    question: "conversions for trail shoes",
    tools: [],
    figures: [{ metric: "conversions", where: { ad_group: ["Trail Shoes"] } }],
  },
  {
    id: "fresh-ctr-by-campaign-gads",
    fixture: "googleAds",
    question: "ctr by campaign",
    tools: [{ name: "query", args: { group_by: ["campaign"] } }],
    figures: [
      { metric: "ctr", where: { campaign: ["Brand"] } },
      { metric: "ctr", where: { campaign: ["Remarketing"] } },
    ],
  },
  {
    id: "fresh-remarketing-spend",
    fixture: "googleAds",
    question: "spend on remarketing",
    tools: [],
    figures: [{ metric: "spend", where: { campaign: ["Remarketing"] } }],
  },
  {
    id: "fresh-shoes-spend",
    fixture: "googleAds",
    question: "how much went on shoes ad groups",
    tools: [],
    figures: [{ metric: "spend", contains: { ad_group: "shoes" } }],
  },
  {
    id: "fresh-gads-hourly",
    fixture: "googleAds",
    question: "which hour of the day converts best",
    tools: [],
    refusal: true,
    mentions: ["hour"],
  },
];
