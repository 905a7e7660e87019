import type { EvalCase } from "../eval-case.js";

/** Questions about a daily Meta lead-generation export without revenue (2024-01-01 to 2024-02-29), in GBP. */
const FEBRUARY = { from: "2024-02-01", to: "2024-02-29" };
const JANUARY = { from: "2024-01-01", to: "2024-01-31" };

export const META_LEADS_CASES: EvalCase[] = [
  {
    id: "meta-no-revenue-roas",
    fixture: "metaLeads",
    question: "What's the ROAS?",
    tools: [{ name: "get_kpis", args: { metrics: ["roas"] } }],
    refusal: true,
    mentions: ["needs revenue, which this data does not have"],
  },
  {
    id: "meta-total-leads",
    fixture: "metaLeads",
    question: "How many leads did we get?",
    tools: [{ name: "get_kpis", args: { metrics: ["conversions"] } }],
    figures: [{ metric: "conversions" }],
  },
  {
    id: "meta-cpl-by-ad-set",
    fixture: "metaLeads",
    question: "cost per lead by ad set",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["ad_group"] } }],
    figures: [{ metric: "cpa", where: { ad_group: ["Lookalike 1%"] } }, { metric: "cpa" }],
  },
  {
    id: "meta-top-ad-sets-leads",
    fixture: "metaLeads",
    question: "top 2 ad sets by leads",
    tools: [
      { name: "top_bottom", args: { dimension: "ad_group", metric: "conversions", order: "top", n: 2 } },
    ],
    figures: [{ metric: "conversions", where: { ad_group: ["Lookalike 1%"] } }],
    mentions: ["1. Lookalike 1%"],
  },
  {
    id: "meta-leads-last-7-days",
    fixture: "metaLeads",
    question: "leads last 7 days",
    tools: [{ name: "get_kpis", args: { metrics: ["conversions"], period: "last_7_days" } }],
    figures: [{ metric: "conversions", from: "2024-02-23", to: "2024-02-29" }],
    mentions: ["counted back from 2024-02-29, the last date in the data"],
  },
  {
    id: "meta-february-vs-january",
    fixture: "metaLeads",
    question: "Compare February with January",
    tools: [{ name: "compare_periods", args: { current: FEBRUARY, previous: JANUARY } }],
    figures: [
      { metric: "cpa", change: { current: FEBRUARY, previous: JANUARY } },
      { metric: "conversions", ...FEBRUARY },
    ],
  },
  {
    id: "meta-unusual-lead-days",
    fixture: "metaLeads",
    question: "Any unusual days in leads?",
    tools: [{ name: "find_anomalies", args: { metric: "conversions" } }],
    mentions: ["2024-02-14"],
  },
  {
    id: "meta-leads-percent-in-name",
    fixture: "metaLeads",
    question: "How many leads for Lookalike 1%?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["conversions"], filters: [{ dimension: "ad_group", values: ["Lookalike 1%"] }] },
      },
    ],
    figures: [{ metric: "conversions", where: { ad_group: ["Lookalike 1%"] } }],
  },
  {
    id: "meta-weekly-cpl",
    fixture: "metaLeads",
    question: "weekly CPL trend",
    tools: [{ name: "trend", args: { metrics: ["cpa"], grain: "week" } }],
    figures: [{ metric: "cpa", from: "2024-02-12", to: "2024-02-18" }],
    mentions: ["may cover only part"],
  },
  {
    id: "meta-ad-sets-to-pause",
    fixture: "metaLeads",
    question: "Which ad sets should I pause?",
    tools: [{ name: "top_bottom", args: { dimension: "ad_group", metric: "cpa", order: "bottom" } }],
    figures: [{ metric: "cpa", where: { ad_group: ["Broad Audience"] } }],
    mentions: ["Cap or pause Broad Audience", "judged by CPA"],
  },
  {
    id: "meta-chart-spend-over-time",
    fixture: "metaLeads",
    question: "chart spend over time",
    tools: [{ name: "render_chart", args: { kind: "trend", metric: "spend" } }],
    figures: [{ metric: "spend" }],
    charts: 1,
  },
  {
    id: "meta-why-cpl-changed",
    fixture: "metaLeads",
    question: "Why did cost per lead change last month?",
    tools: [{ name: "explain_change", args: { metric: "cpa", dimension: "campaign", period: "last_month" } }],
    figures: [
      { metric: "cpa", ...FEBRUARY },
      { metric: "cpa", ...JANUARY },
    ],
    mentions: ["- Webinar Signups"],
  },
  {
    id: "meta-platform-is-whole-file",
    fixture: "metaLeads",
    question: "CPA for Meta",
    tools: [{ name: "get_kpis", args: { metrics: ["cpa"] } }],
    figures: [{ metric: "cpa" }],
    mentions: ["this file is a Meta export, so all of it is Meta"],
  },
  {
    id: "meta-this-week-vs-last-week-spend",
    fixture: "metaLeads",
    question: "this week vs last week spend",
    tools: [{ name: "compare_periods", args: { metrics: ["spend"], period: "this_week" } }],
    figures: [
      {
        metric: "spend",
        change: {
          current: { from: "2024-02-26", to: "2024-02-29" },
          previous: { from: "2024-02-19", to: "2024-02-22" },
        },
      },
    ],
    mentions: ["the same days of the week before"],
  },
  {
    id: "meta-lowest-cpl-campaign-february",
    fixture: "metaLeads",
    question: "Which campaign has the lowest cost per lead in February?",
    tools: [
      {
        name: "top_bottom",
        args: { dimension: "campaign", metric: "cpa", order: "top", date_range: FEBRUARY },
      },
    ],
    figures: [{ metric: "cpa", where: { campaign: ["Webinar Signups"] }, ...FEBRUARY }],
    mentions: ["Lowest CPA by campaign: Webinar Signups"],
  },
  {
    id: "meta-ctr-ebook-january",
    fixture: "metaLeads",
    question: "Show me the CTR for Ebook Downloads in January",
    tools: [{ name: "get_kpis", args: { metrics: ["ctr"], date_range: JANUARY } }],
    figures: [{ metric: "ctr", where: { campaign: ["Ebook Downloads"] }, ...JANUARY }],
  },
  {
    id: "meta-no-revenue-aov",
    fixture: "metaLeads",
    question: "What's the average order value?",
    tools: [{ name: "get_kpis", args: { metrics: ["aov"] } }],
    refusal: true,
    mentions: ["revenue"],
  },
  {
    id: "meta-daily-spend-this-month",
    fixture: "metaLeads",
    question: "daily spend this month",
    tools: [{ name: "trend", args: { metrics: ["spend"], grain: "day", period: "this_month" } }],
    figures: [{ metric: "spend", ...FEBRUARY }],
  },
];
