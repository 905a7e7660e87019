import type { EvalCase } from "../eval-case.js";

/**
 * Questions as marketers type them (typos, platform value names, parts of names, ranges, thresholds,
 * direction, out of reach) about daily rows by campaign, ad set, ad, gender and device, 2025-07-01 to
 * 2025-09-30, in USD. Each is answered exactly or declined: never answered as a broader question.
 */
const SEPTEMBER = { from: "2025-09-01", to: "2025-09-30" };
const FIRST_HALF = { from: "2025-09-01", to: "2025-09-15" };
const SECOND_HALF = { from: "2025-09-16", to: "2025-09-30" };
const WEEK_OF_15 = { from: "2025-09-15", to: "2025-09-21" };
const WEEK_BEFORE = { from: "2025-09-08", to: "2025-09-14" };
const BRAND = ["Brand Awareness", "Brand Retargeting"];
const NOT_BRAND = ["Prospecting Q3", "Summer Sale"];

export const SEGMENTS_CASES: EvalCase[] = [
  {
    id: "seg-ctr-on-mobile",
    fixture: "segments",
    question: "CTR on mobile?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["ctr"], filters: [{ dimension: "device", values: ["Mobile phones"] }] },
      },
    ],
    figures: [{ metric: "ctr", where: { device: ["Mobile phones"] } }],
    mentions: ["device = mobile"],
  },
  {
    id: "seg-spend-women-last-month",
    fixture: "segments",
    question: "how much did we spend on women last month?",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"], period: "last_month" } }],
    figures: [{ metric: "spend", where: { gender: ["female"] }, ...SEPTEMBER }],
  },
  {
    id: "seg-revenue-men-on-computers",
    fixture: "segments",
    question: "revenue from men on desktop",
    tools: [{ name: "get_kpis", args: { metrics: ["revenue"] } }],
    figures: [{ metric: "revenue", where: { gender: ["male"], device: ["Computers"] } }],
  },
  {
    id: "seg-cpm-tablets-august",
    fixture: "segments",
    question: "cpm for tablets in august",
    tools: [
      { name: "get_kpis", args: { metrics: ["cpm"], date_range: { from: "2025-08-01", to: "2025-08-31" } } },
    ],
    figures: [{ metric: "cpm", where: { device: ["Tablets"] }, from: "2025-08-01", to: "2025-08-31" }],
  },
  {
    id: "seg-brand-in-the-name",
    fixture: "segments",
    question: "spend for campaigns with 'brand' in the name",
    tools: [
      { name: "get_kpis", args: { metrics: ["spend"], filters: [{ dimension: "campaign", values: BRAND }] } },
    ],
    figures: [{ metric: "spend", where: { campaign: BRAND } }],
    mentions: ["campaign containing “brand”"],
  },
  {
    id: "seg-excluding-brand",
    fixture: "segments",
    question: "ROAS excluding brand",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["roas"], filters: [{ dimension: "campaign", values: NOT_BRAND }] },
      },
    ],
    figures: [{ metric: "roas", where: { campaign: NOT_BRAND } }],
    mentions: ["not containing “brand”"],
  },
  {
    id: "seg-top-3-by-revenue",
    fixture: "segments",
    question: "top 3 by revenue",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "revenue", order: "top", n: 3 } }],
    figures: [{ metric: "revenue", where: { campaign: ["Prospecting Q3"] } }],
    mentions: ["Read as: top 3 campaigns by revenue"],
  },
  {
    id: "seg-typos-best-roas",
    fixture: "segments",
    question: "whcih campain has the best roas?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top" } }],
    figures: [{ metric: "roas", where: { campaign: ["Brand Retargeting"] } }],
    mentions: ["whcih → which"],
  },
  {
    id: "seg-typos-worst-cpa",
    fixture: "segments",
    question: "which campains have the worst cpa",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "cpa", order: "bottom" } }],
    figures: [{ metric: "cpa", where: { campaign: ["Brand Awareness"] } }],
  },
  {
    id: "seg-ad-set-not-ad",
    fixture: "segments",
    question: "which ad set has the cheapest CPM?",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "cpm", order: "top" } }],
  },
  {
    id: "seg-top-2-ad-sets-roas",
    fixture: "segments",
    question: "top 2 ad sets by ROAS",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "roas", order: "top", n: 2 } }],
    figures: [{ metric: "roas", where: { ad_group: ["Site Visitors 30d"] } }],
  },
  {
    id: "seg-roas-sept-1-14",
    fixture: "segments",
    question: "ROAS sept 1-14?",
    tools: [
      { name: "get_kpis", args: { metrics: ["roas"], date_range: { from: "2025-09-01", to: "2025-09-14" } } },
    ],
    figures: [{ metric: "roas", from: "2025-09-01", to: "2025-09-14" }],
  },
  {
    id: "seg-spend-3-to-17-september",
    fixture: "segments",
    question: "spend from 3 to 17 september",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2025-09-03", to: "2025-09-17" } } }],
    figures: [{ metric: "spend", from: "2025-09-03", to: "2025-09-17" }],
  },
  {
    id: "seg-halves-of-september",
    fixture: "segments",
    question: "first half of september vs second half",
    tools: [{ name: "compare_periods", args: { current: SECOND_HALF, previous: FIRST_HALF } }],
    figures: [{ metric: "roas", change: { current: SECOND_HALF, previous: FIRST_HALF } }],
  },
  {
    id: "seg-why-roas-drop-week-of",
    fixture: "segments",
    question: "why did ROAS drop the week of sept 15?",
    tools: [{ name: "explain_change", args: { metric: "roas", current: WEEK_OF_15 } }],
    figures: [
      { metric: "roas", ...WEEK_OF_15 },
      { metric: "roas", ...WEEK_BEFORE },
    ],
  },
  {
    id: "seg-spend-q3",
    fixture: "segments",
    question: "spend in Q3",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2025-07-01", to: "2025-09-30" } } }],
    figures: [{ metric: "spend" }],
  },
  {
    id: "seg-roas-q4-outside",
    fixture: "segments",
    question: "what was ROAS in Q4?",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2025-10-01", to: "2025-12-31" } } }],
    mentions: ["lies outside the data"],
  },
  {
    id: "seg-floor-from-question",
    fixture: "segments",
    question: "lowest ROAS campaigns that spent at least $5k",
    tools: [
      {
        name: "top_bottom",
        args: { dimension: "campaign", metric: "roas", order: "bottom", min_spend: 5000 },
      },
    ],
    figures: [{ metric: "roas", where: { campaign: ["Prospecting Q3"] } }],
  },
  {
    id: "seg-two-dimensions",
    fixture: "segments",
    question: "CPA by campaign and device",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["campaign", "device"] } }],
    figures: [{ metric: "cpa", where: { campaign: ["Prospecting Q3"], device: ["Mobile phones"] } }],
    mentions: ["Prospecting Q3 × Mobile phones", "Read as: CPA by campaign and device"],
  },
  {
    id: "seg-two-dimensions-ranking",
    fixture: "segments",
    question: "best campaign for each device by ROAS",
    tools: [],
    declined: true,
    mentions: ["one dimension at a time"],
  },
  {
    id: "seg-is-cpa-going-up",
    fixture: "segments",
    question: "is CPA going up?",
    tools: [{ name: "trend", args: { metrics: ["cpa"], grain: "week" } }],
    mentions: ["Flat: CPA has no steady direction over the last 6 complete weeks"],
  },
  {
    id: "seg-weird-days",
    fixture: "segments",
    question: "any weird days?",
    tools: [
      { name: "find_anomalies", args: { metric: "spend" } },
      { name: "find_anomalies", args: { metric: "conversions" } },
      { name: "find_anomalies", args: { metric: "roas" } },
    ],
    mentions: ["2025-09-16"],
  },
  {
    id: "seg-forecast",
    fixture: "segments",
    question: "forecast next month's spend",
    // Forecasts are a tool now (issue 18): next month of data that ends on Sep 30 is October.
    tools: [{ name: "forecast" }],
    mentions: ["October 2025"],
  },
  {
    id: "seg-day-of-week",
    fixture: "segments",
    question: "which day of the week performs best?",
    // The weekday tool may keep to full weeks (and says so), so its figures are not the whole period's.
    tools: [],
    mentions: ["Monday"],
  },
  {
    id: "seg-blended-platforms",
    fixture: "segments",
    question: "blended ROAS across google and meta",
    tools: [],
    declined: true,
    mentions: ["no Google rows"],
  },
  {
    id: "seg-unknown-word",
    fixture: "segments",
    question: "how much did we spend on podcasts?",
    tools: [],
    declined: true,
    mentions: ["“podcasts”", "it has campaign, ad group, ad, gender, device"],
  },
  {
    id: "seg-no-device-column",
    fixture: "metaLeads",
    question: "CTR on mobile?",
    tools: [],
    declined: true,
    mentions: ["“mobile” needs a device column"],
  },
  {
    id: "seg-no-gender-column",
    fixture: "multi",
    question: "how much did we spend on women?",
    tools: [],
    declined: true,
    mentions: ["needs a gender column"],
  },
  {
    id: "seg-q4-no-crash",
    fixture: "multi",
    question: "spend in Q4",
    tools: [{ name: "get_kpis" }],
    mentions: ["lies outside the data"],
  },
  {
    id: "seg-threshold-cpa-over",
    fixture: "multi",
    question: "campaigns with CPA over 50",
    tools: [{ name: "query", args: { group_by: ["campaign"], thresholds: [{ metric: "cpa", above: 50 }] } }],
    figures: [
      { metric: "cpa", where: { campaign: ["Spark Ads"] } },
      { metric: "cpa", where: { campaign: ["TopView Test"] } },
    ],
    absent: ["Brand Search", "Prospecting:"],
  },
  {
    id: "seg-threshold-ctr-percent",
    fixture: "multi",
    question: "which campaigns have CTR under 1%",
    tools: [
      { name: "query", args: { group_by: ["campaign"], thresholds: [{ metric: "ctr", below: 0.01 }] } },
    ],
    figures: [{ metric: "ctr", where: { campaign: ["Prospecting"] } }],
    absent: ["Brand Search"],
  },
  {
    id: "seg-threshold-none-pass",
    fixture: "segments",
    question: "ROAS below 1.5x by device",
    tools: [{ name: "query", args: { group_by: ["device"], thresholds: [{ metric: "roas", below: 1.5 }] } }],
    mentions: ["No devices pass those limits"],
  },
  {
    id: "seg-spending-more",
    fixture: "multi",
    question: "are we spending more on tiktok?",
    tools: [{ name: "compare_periods", args: { filters: [{ dimension: "channel", values: ["TikTok"] }] } }],
  },
  {
    id: "seg-converts-best",
    fixture: "multi",
    question: "which country converts best",
    tools: [{ name: "top_bottom", args: { dimension: "country", metric: "cvr", order: "top" } }],
    figures: [{ metric: "cvr", where: { country: ["US"] } }],
  },
  {
    id: "seg-desktop-vs-mobile",
    fixture: "segments",
    question: "cost on desktop vs mobile",
    tools: [
      {
        name: "query",
        args: {
          group_by: ["device"],
          filters: [{ dimension: "device", values: ["Mobile phones", "Computers"] }],
        },
      },
    ],
    figures: [
      { metric: "spend", where: { device: ["Computers"] } },
      { metric: "spend", where: { device: ["Mobile phones"] } },
    ],
    absent: ["Tablets"],
  },
  {
    id: "seg-age-free-gender-words",
    fixture: "segments",
    question: "women vs men roas",
    tools: [{ name: "query", args: { group_by: ["Gender"] } }],
    figures: [
      { metric: "roas", where: { gender: ["female"] } },
      { metric: "roas", where: { gender: ["male"] } },
    ],
  },
];
