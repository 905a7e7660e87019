import type { EvalCase } from "../eval-case.js";

/**
 * Questions written the way marketers type them in Slack, over the existing fixtures: casual wording,
 * typos, unit costs ("cheapest per click"), day ranges, halves, weeks, exclusions, floors, limits and
 * questions out of reach. Each is answered for exactly what it asks, or declined.
 */
const MARCH = { from: "2024-03-01", to: "2024-03-31" };
const FEBRUARY = { from: "2024-02-01", to: "2024-02-29" };
const SEARCH = ["Brand Search", "Generic Search"];

export const MARKETER_PHRASING_CASES: EvalCase[] = [
  {
    id: "say-spend-last-2-weeks",
    fixture: "multi",
    question: "spend last 2 weeks",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"], period: "last_14_days" } }],
    figures: [{ metric: "spend", from: "2024-03-18", to: "2024-03-31" }],
  },
  {
    id: "say-retargeting-roas-march",
    fixture: "multi",
    question: "roas for retargeting in march",
    tools: [{ name: "get_kpis", args: { metrics: ["roas"], date_range: MARCH } }],
    figures: [{ metric: "roas", where: { campaign: ["Retargeting"] }, ...MARCH }],
  },
  {
    id: "say-shopping-feb",
    fixture: "multi",
    question: "what did shopping spend in feb",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"], date_range: FEBRUARY } }],
    figures: [{ metric: "spend", where: { campaign: ["Shopping"] }, ...FEBRUARY }],
  },
  {
    id: "say-ctr-by-country",
    fixture: "multi",
    question: "ctr by country",
    tools: [{ name: "query", args: { metrics: ["ctr"], group_by: ["country"] } }],
    figures: [
      { metric: "ctr", where: { country: ["US"] } },
      { metric: "ctr", where: { country: ["CA"] } },
    ],
  },
  {
    id: "say-excluding-tiktok",
    fixture: "multi",
    question: "spend in march excluding tiktok",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"], date_range: MARCH } }],
    figures: [{ metric: "spend", where: { channel: ["Google Ads", "Meta"] }, ...MARCH }],
  },
  {
    id: "say-meta-us-cpa",
    fixture: "multi",
    question: "cpa for meta in the US",
    tools: [{ name: "get_kpis", args: { metrics: ["cpa"] } }],
    figures: [{ metric: "cpa", where: { channel: ["Meta"], country: ["US"] } }],
  },
  {
    id: "say-clicks-day-range",
    fixture: "multi",
    question: "clicks from 4 to 10 march",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["clicks"], date_range: { from: "2024-03-04", to: "2024-03-10" } },
      },
    ],
    figures: [{ metric: "clicks", from: "2024-03-04", to: "2024-03-10" }],
  },
  {
    id: "say-top-2-conversions",
    fixture: "multi",
    question: "top 2 campaigns by conversions",
    tools: [
      { name: "top_bottom", args: { dimension: "campaign", metric: "conversions", order: "top", n: 2 } },
    ],
  },
  {
    id: "say-worst-ctr",
    fixture: "multi",
    question: "worst campaign by ctr",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "ctr", order: "bottom" } }],
  },
  {
    id: "say-feb-vs-march-roas",
    fixture: "multi",
    question: "roas in february vs march",
    tools: [{ name: "compare_periods", args: { current: MARCH, previous: FEBRUARY } }],
    figures: [{ metric: "roas", change: { current: MARCH, previous: FEBRUARY } }],
  },
  {
    id: "say-weekly-prospecting",
    fixture: "multi",
    question: "spend per week for prospecting",
    tools: [
      {
        name: "trend",
        args: {
          metrics: ["spend"],
          grain: "week",
          filters: [{ dimension: "campaign", values: ["Prospecting"] }],
        },
      },
    ],
  },
  {
    id: "say-cost-per-purchase-channel",
    fixture: "multi",
    question: "cost per purchase by channel",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["channel"] } }],
    figures: [{ metric: "cpa", where: { channel: ["Meta"] } }],
  },
  {
    id: "say-cheapest-per-click",
    fixture: "multi",
    question: "which channel is cheapest per click",
    tools: [{ name: "top_bottom", args: { dimension: "channel", metric: "cpc", order: "top" } }],
  },
  {
    id: "say-typo-in-a-name",
    fixture: "multi",
    question: "whats the cpc for generic serach",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["cpc"], filters: [{ dimension: "campaign", values: ["Generic Search"] }] },
      },
    ],
    figures: [{ metric: "cpc", where: { campaign: ["Generic Search"] } }],
  },
  {
    id: "say-typo-metric",
    fixture: "multi",
    question: "reveneu by channel",
    tools: [{ name: "query", args: { metrics: ["revenue"], group_by: ["channel"] } }],
  },
  {
    id: "say-instagram-is-meta",
    fixture: "multi",
    question: "spend on instagram",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["spend"], filters: [{ dimension: "channel", values: ["Meta"] }] },
      },
    ],
    figures: [{ metric: "spend", where: { channel: ["Meta"] } }],
  },
  {
    id: "say-containing-search",
    fixture: "multi",
    question: "CPC for campaigns with 'search' in the name in march",
    tools: [
      { name: "get_kpis", args: { metrics: ["cpc"], filters: [{ dimension: "campaign", values: SEARCH }] } },
    ],
    figures: [{ metric: "cpc", where: { campaign: SEARCH }, ...MARCH }],
  },
  {
    id: "say-floor-and-ranking",
    fixture: "multi",
    question: "top 3 campaigns by roas that spent over $3k",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", n: 3, min_spend: 3000 } }],
  },
  {
    id: "say-unknown-country-word",
    fixture: "multi",
    question: "roas in canada",
    tools: [{ name: "get_kpis", args: { filters: [{ dimension: "country", values: ["CA"] }] } }],
    figures: [{ metric: "roas", where: { country: ["CA"] } }],
  },
  {
    id: "say-predict",
    fixture: "multi",
    question: "predict april revenue",
    // The data ends on 2024-03-31: April is the month to forecast, not March.
    tools: [{ name: "forecast" }],
    mentions: ["April 2024"],
    absent: ["Forecast for March"],
  },
  {
    id: "say-best-hour",
    fixture: "multi",
    question: "what's the best hour to run ads",
    tools: [],
    refusal: true,
    mentions: ["hour"],
  },
  {
    id: "say-significance",
    fixture: "multi",
    question: "is the meta vs google difference statistically significant",
    tools: [],
    declined: true,
  },
  {
    id: "say-weekends",
    fixture: "multi",
    question: "roas on weekends",
    tools: [],
    declined: true,
  },
  {
    id: "say-leads-feb",
    fixture: "metaLeads",
    question: "how many leads in feb",
    tools: [{ name: "get_kpis", args: { metrics: ["conversions"], date_range: FEBRUARY } }],
    figures: [{ metric: "conversions", ...FEBRUARY }],
  },
  {
    id: "say-most-expensive-per-lead",
    fixture: "metaLeads",
    question: "which ad set is the most expensive per lead",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "cpa", order: "bottom" } }],
  },
  {
    id: "say-is-cpl-going-up",
    fixture: "metaLeads",
    question: "is cpl going up?",
    tools: [{ name: "trend", args: { metrics: ["cpa"], grain: "week" } }],
    mentions: ["complete weeks"],
  },
  {
    id: "say-leads-no-gender",
    fixture: "metaLeads",
    question: "cpl for women",
    tools: [],
    declined: true,
    mentions: ["gender column"],
  },
  {
    id: "say-leads-day-range",
    fixture: "metaLeads",
    question: "leads 1-14 feb",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-02-01", to: "2024-02-14" } } }],
    figures: [{ metric: "conversions", from: "2024-02-01", to: "2024-02-14" }],
  },
  {
    id: "say-leads-halves",
    fixture: "metaLeads",
    question: "first half of february vs second half",
    tools: [
      {
        name: "compare_periods",
        args: {
          current: { from: "2024-02-16", to: "2024-02-29" },
          previous: { from: "2024-02-01", to: "2024-02-15" },
        },
      },
    ],
    figures: [
      {
        metric: "conversions",
        change: {
          current: { from: "2024-02-16", to: "2024-02-29" },
          previous: { from: "2024-02-01", to: "2024-02-15" },
        },
      },
    ],
  },
  {
    id: "say-leads-q1",
    fixture: "metaLeads",
    question: "leads in Q1",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-01-01", to: "2024-03-31" } } }],
    figures: [{ metric: "conversions" }],
  },
  {
    id: "say-leads-week-of",
    fixture: "metaLeads",
    question: "leads the week of feb 14",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-02-12", to: "2024-02-18" } } }],
    figures: [{ metric: "conversions", from: "2024-02-12", to: "2024-02-18" }],
  },
  {
    id: "say-leads-blended",
    fixture: "metaLeads",
    question: "blended cpl across meta and google",
    tools: [],
    declined: true,
    mentions: ["no Google rows"],
  },
  {
    id: "say-gads-no-device",
    fixture: "googleAds",
    question: "spend on mobile",
    tools: [],
    declined: true,
    mentions: ["device column"],
  },
  {
    id: "say-gads-name-part",
    fixture: "googleAds",
    question: "roas for ad groups containing shoes",
    mentions: ["ad group containing “shoes”"],
    tools: [
      {
        name: "get_kpis",
        args: {
          metrics: ["roas"],
          filters: [{ dimension: "ad_group", values: ["Running Shoes", "Trail Shoes", "Walking Shoes"] }],
        },
      },
    ],
    figures: [{ metric: "roas", where: { ad_group: ["Running Shoes", "Trail Shoes", "Walking Shoes"] } }],
  },
  {
    id: "say-gads-typo-dimension",
    fixture: "googleAds",
    question: "spend by campain",
    tools: [{ name: "query", args: { metrics: ["spend"], group_by: ["campaign"] } }],
  },
  {
    id: "say-slack-mention",
    fixture: "multi",
    question: "<@U0BOT> what is the total spend?",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"] } }],
    figures: [{ metric: "spend" }],
  },
  {
    id: "say-what-next",
    fixture: "multi",
    question: "what should I do next?",
    tools: [
      { name: "top_bottom", args: { order: "bottom" } },
      { name: "top_bottom", args: { order: "top" } },
    ],
    mentions: ["Read as: top and bottom 3 campaigns by ROAS"],
  },
];
