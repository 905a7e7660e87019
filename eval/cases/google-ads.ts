import type { EvalCase } from "../eval-case.js";

/** Questions about a Google Ads ad group report without dates, in EUR. */
export const GOOGLE_ADS_CASES: EvalCase[] = [
  {
    id: "gads-total-cost",
    fixture: "googleAds",
    question: "What's the total cost?",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"] } }],
    figures: [{ metric: "spend" }],
    mentions: ["the data has no dates"],
  },
  {
    id: "gads-roas-by-campaign",
    fixture: "googleAds",
    question: "ROAS by campaign",
    tools: [{ name: "query", args: { metrics: ["roas"], group_by: ["campaign"] } }],
    figures: [{ metric: "roas", where: { campaign: ["Brand"] } }, { metric: "roas" }],
  },
  {
    id: "gads-top-ad-groups-roas",
    fixture: "googleAds",
    question: "top 3 ad groups by ROAS",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "roas", order: "top", n: 3 } }],
    figures: [{ metric: "roas", where: { ad_group: ["Exact Brand"] } }],
    mentions: ["1. Exact Brand"],
  },
  {
    id: "gads-worst-campaign-roas",
    fixture: "googleAds",
    question: "Which campaign has the worst ROAS?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "bottom" } }],
    figures: [{ metric: "roas", where: { campaign: ["Competitors"] } }],
    mentions: ["Worst ROAS by campaign: Competitors"],
  },
  {
    id: "gads-cpa-name-with-digits",
    fixture: "googleAds",
    question: "CPA for Performance Max 2024",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["cpa"], filters: [{ dimension: "campaign", values: ["Performance Max 2024"] }] },
      },
    ],
    figures: [{ metric: "cpa", where: { campaign: ["Performance Max 2024"] } }],
  },
  {
    id: "gads-no-dates-trend",
    fixture: "googleAds",
    question: "Trend of spend by week",
    tools: [{ name: "trend" }],
    refusal: true,
    mentions: ["no dates", "It can answer, for example"],
  },
  {
    id: "gads-no-dates-compare",
    fixture: "googleAds",
    question: "Compare last week with the week before",
    tools: [{ name: "compare_periods" }],
    refusal: true,
    mentions: ["no dates"],
  },
  {
    id: "gads-no-dates-relative",
    fixture: "googleAds",
    question: "spend in the last 7 days",
    tools: [{ name: "get_kpis", args: { period: "last_7_days" } }],
    refusal: true,
    mentions: ["no dates"],
  },
  {
    id: "gads-describe",
    fixture: "googleAds",
    question: "What data do you have?",
    tools: [{ name: "describe_dataset" }],
    mentions: ["Google Ads export", "currency EUR", "no dates", "ad group (10 values"],
  },
  {
    id: "gads-clicks-ad-group",
    fixture: "googleAds",
    question: "How many clicks did Running Shoes get?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["clicks"], filters: [{ dimension: "ad_group", values: ["Running Shoes"] }] },
      },
    ],
    figures: [{ metric: "clicks", where: { ad_group: ["Running Shoes"] } }],
  },
  {
    id: "gads-ad-groups-to-pause",
    fixture: "googleAds",
    question: "Which ad groups should I pause?",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "roas", order: "bottom" } }],
    figures: [{ metric: "roas", where: { ad_group: ["Competitor Names"] } }],
    mentions: ["Cap or pause Competitor Names"],
  },
  {
    id: "gads-chart-spend-by-campaign",
    fixture: "googleAds",
    question: "chart spend by campaign",
    tools: [{ name: "render_chart", args: { kind: "breakdown", metric: "spend", dimension: "campaign" } }],
    figures: [{ metric: "spend", where: { campaign: ["Generic Shoes"] } }],
    charts: 1,
  },
  {
    id: "gads-ctr-cpc-brand",
    fixture: "googleAds",
    question: "CTR and CPC for Brand",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["ctr", "cpc"], filters: [{ dimension: "campaign", values: ["Brand"] }] },
      },
    ],
    figures: [
      { metric: "ctr", where: { campaign: ["Brand"] } },
      { metric: "cpc", where: { campaign: ["Brand"] } },
    ],
  },
  {
    id: "gads-not-understood",
    fixture: "googleAds",
    question: "Can you book me a flight?",
    tools: [],
    mentions: ["Top 5 campaigns by ROAS", "Conversions by ad group"],
  },
  {
    id: "gads-other-platform",
    fixture: "googleAds",
    question: "For Meta, what is the spend?",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"] } }],
    figures: [{ metric: "spend" }],
    mentions: ["a Google export has no Meta rows"],
  },
  {
    id: "gads-spend-by-ad-group-in-campaign",
    fixture: "googleAds",
    question: "Spend by ad group for Generic Shoes",
    tools: [
      {
        name: "query",
        args: { group_by: ["ad_group"], filters: [{ dimension: "campaign", values: ["Generic Shoes"] }] },
      },
    ],
    figures: [{ metric: "spend", where: { ad_group: ["Running Shoes"] } }],
    absent: ["Exact Brand"],
  },
];
