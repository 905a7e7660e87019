import type { EvalCase } from "../eval-case.js";

/** Questions about eight weeks of daily rows for three channels (Monday 2024-02-05 to Sunday 2024-03-31). */
const MARCH = { from: "2024-03-01", to: "2024-03-31" };
const LAST_WEEK = { from: "2024-03-25", to: "2024-03-31" };
const WEEK_BEFORE = { from: "2024-03-18", to: "2024-03-24" };
const META = { channel: ["Meta"] };

export const MULTI_CHANNEL_CASES: EvalCase[] = [
  {
    id: "multi-total-spend",
    fixture: "multi",
    question: "What is my total spend?",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"] } }],
    figures: [{ metric: "spend" }],
    mentions: ["2024-02-05 to 2024-03-31"],
  },
  {
    id: "multi-spend-meta",
    fixture: "multi",
    question: "How much did we spend on Meta?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["spend"], filters: [{ dimension: "channel", values: ["Meta"] }] },
      },
    ],
    figures: [{ metric: "spend", where: META }],
    mentions: ["channel = Meta"],
  },
  {
    id: "multi-roas-march",
    fixture: "multi",
    question: "What's our ROAS in March?",
    tools: [{ name: "get_kpis", args: { metrics: ["roas"], date_range: MARCH } }],
    figures: [{ metric: "roas", ...MARCH }],
  },
  {
    id: "multi-cpa-google-last-7-days",
    fixture: "multi",
    question: "CPA for Google Ads in the last 7 days",
    tools: [
      {
        name: "get_kpis",
        args: {
          metrics: ["cpa"],
          period: "last_7_days",
          filters: [{ dimension: "channel", values: ["Google Ads"] }],
        },
      },
    ],
    figures: [{ metric: "cpa", where: { channel: ["Google Ads"] }, ...LAST_WEEK }],
    mentions: ["counted back from 2024-03-31, the last date in the data"],
  },
  {
    id: "multi-conversions-tiktok-february",
    fixture: "multi",
    question: "How many conversions did TikTok get in February?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["conversions"], date_range: { from: "2024-02-01", to: "2024-02-29" } },
      },
    ],
    figures: [
      { metric: "conversions", where: { channel: ["TikTok"] }, from: "2024-02-01", to: "2024-02-29" },
    ],
    mentions: ["reaches outside the data"],
  },
  {
    id: "multi-ctr",
    fixture: "multi",
    question: "What is the click-through rate?",
    tools: [{ name: "get_kpis", args: { metrics: ["ctr"] } }],
    figures: [{ metric: "ctr" }],
  },
  {
    id: "multi-revenue-roas-brand-search",
    fixture: "multi",
    question: "Show me revenue and ROAS for Brand Search",
    tools: [
      {
        name: "get_kpis",
        args: {
          metrics: ["revenue", "roas"],
          filters: [{ dimension: "campaign", values: ["Brand Search"] }],
        },
      },
    ],
    figures: [
      { metric: "revenue", where: { campaign: ["Brand Search"] } },
      { metric: "roas", where: { campaign: ["Brand Search"] } },
    ],
  },
  {
    id: "multi-cost-purchases-us",
    fixture: "multi",
    question: "Total cost and purchases in the US",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["spend", "conversions"], filters: [{ dimension: "country", values: ["US"] }] },
      },
    ],
    figures: [
      { metric: "spend", where: { country: ["US"] } },
      { metric: "conversions", where: { country: ["US"] } },
    ],
  },
  {
    id: "multi-overview",
    fixture: "multi",
    question: "Give me an overview of how we're doing",
    tools: [{ name: "get_kpis" }],
    figures: [{ metric: "spend" }, { metric: "roas" }, { metric: "cpa" }],
  },
  {
    id: "multi-spend-by-channel",
    fixture: "multi",
    question: "spend by channel",
    tools: [{ name: "query", args: { metrics: ["spend"], group_by: ["channel"] } }],
    figures: [
      { metric: "spend", where: { channel: ["Google Ads"] } },
      { metric: "spend", where: META },
      { metric: "spend", where: { channel: ["TikTok"] } },
    ],
  },
  {
    id: "multi-cpa-per-campaign-meta",
    fixture: "multi",
    question: "CPA per campaign for Meta",
    tools: [
      {
        name: "query",
        args: {
          metrics: ["cpa"],
          group_by: ["campaign"],
          filters: [{ dimension: "channel", values: ["Meta"] }],
        },
      },
    ],
    figures: [
      { metric: "cpa", where: { campaign: ["Prospecting"] } },
      { metric: "cpa", where: META },
    ],
  },
  {
    id: "multi-revenue-by-country-march",
    fixture: "multi",
    question: "Break down revenue by country in March",
    tools: [{ name: "query", args: { metrics: ["revenue"], group_by: ["country"], date_range: MARCH } }],
    figures: [{ metric: "revenue", where: { country: ["US"] }, ...MARCH }],
  },
  {
    id: "multi-top-3-roas",
    fixture: "multi",
    question: "Top 3 campaigns by ROAS",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top", n: 3 } }],
    figures: [{ metric: "roas", where: { campaign: ["Brand Search"] } }],
    mentions: ["1. Brand Search"],
  },
  {
    id: "multi-worst-2-cpa",
    fixture: "multi",
    question: "What are the worst 2 campaigns by CPA?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "cpa", order: "bottom", n: 2 } }],
    figures: [{ metric: "cpa", where: { campaign: ["TopView Test"] } }],
    mentions: ["1. TopView Test"],
  },
  {
    id: "multi-lowest-cpa-channel",
    fixture: "multi",
    question: "Which channel has the lowest CPA?",
    tools: [{ name: "top_bottom", args: { dimension: "channel", metric: "cpa", order: "top" } }],
    figures: [{ metric: "cpa", where: { channel: ["Google Ads"] } }],
    mentions: ["Lowest CPA by channel: Google Ads", "own window and model"],
  },
  {
    id: "multi-biggest-spender-last-month",
    fixture: "multi",
    question: "Which campaign spent the most last month?",
    tools: [
      {
        name: "top_bottom",
        args: { dimension: "campaign", metric: "spend", order: "top", period: "last_month" },
      },
    ],
    figures: [{ metric: "spend", where: { campaign: ["Prospecting"] }, ...MARCH }],
    mentions: ["Highest spend by campaign: Prospecting", "2024-03-01 to 2024-03-31"],
  },
  {
    id: "multi-best-campaign-us",
    fixture: "multi",
    question: "best performing campaign in the US",
    tools: [
      {
        name: "top_bottom",
        args: {
          dimension: "campaign",
          metric: "roas",
          order: "top",
          filters: [{ dimension: "country", values: ["US"] }],
        },
      },
    ],
    figures: [{ metric: "roas", where: { campaign: ["Brand Search"], country: ["US"] } }],
    mentions: ["Brand Search"],
  },
  {
    id: "multi-highest-cpc",
    fixture: "multi",
    question: "Which campaign has the highest cost per click?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "cpc", order: "bottom" } }],
    figures: [{ metric: "cpc", where: { campaign: ["TopView Test"] } }],
    mentions: ["Highest CPC by campaign: TopView Test"],
  },
  {
    id: "multi-this-week-vs-last-week",
    fixture: "multi",
    question: "Compare this week with last week",
    tools: [{ name: "compare_periods", args: { period: "this_week" } }],
    figures: [
      { metric: "spend", ...LAST_WEEK },
      { metric: "cpa", change: { current: LAST_WEEK, previous: WEEK_BEFORE } },
      { metric: "roas", change: { current: LAST_WEEK, previous: WEEK_BEFORE } },
    ],
    mentions: ["2024-03-25 to 2024-03-31 vs 2024-03-18 to 2024-03-24"],
  },
  {
    id: "multi-last-week-vs-week-before",
    fixture: "multi",
    question: "How did last week compare to the week before?",
    tools: [{ name: "compare_periods", args: { period: "last_week" } }],
    figures: [{ metric: "conversions", change: { current: LAST_WEEK, previous: WEEK_BEFORE } }],
  },
  {
    id: "multi-march-vs-february-revenue",
    fixture: "multi",
    question: "March vs February revenue",
    tools: [
      {
        name: "compare_periods",
        args: { metrics: ["revenue"], current: MARCH, previous: { from: "2024-02-01", to: "2024-02-29" } },
      },
    ],
    figures: [
      { metric: "revenue", change: { current: MARCH, previous: { from: "2024-02-01", to: "2024-02-29" } } },
    ],
  },
  {
    id: "multi-wow-conversions-meta",
    fixture: "multi",
    question: "Week over week conversions for Meta",
    tools: [{ name: "compare_periods", args: { metrics: ["conversions"], period: "last_7_days" } }],
    figures: [
      {
        metric: "conversions",
        change: { current: { ...LAST_WEEK, where: META }, previous: { ...WEEK_BEFORE, where: META } },
      },
    ],
  },
  {
    id: "multi-cpa-trend-weekly",
    fixture: "multi",
    question: "Trend of CPA by week",
    tools: [{ name: "trend", args: { metrics: ["cpa"], grain: "week" } }],
    figures: [{ metric: "cpa", ...LAST_WEEK }, { metric: "cpa" }],
    mentions: ["week of 2024-03-25"],
  },
  {
    id: "multi-daily-spend-tiktok-march",
    fixture: "multi",
    question: "Daily spend for TikTok in March",
    tools: [{ name: "trend", args: { metrics: ["spend"], grain: "day", date_range: MARCH } }],
    figures: [{ metric: "spend", where: { channel: ["TikTok"] }, from: "2024-03-12", to: "2024-03-12" }],
    mentions: ["highest on 2024-03-12"],
  },
  {
    id: "multi-roas-monthly",
    fixture: "multi",
    question: "How has ROAS evolved month by month?",
    tools: [{ name: "trend", args: { metrics: ["roas"], grain: "month" } }],
    figures: [{ metric: "roas", ...MARCH }],
    mentions: ["March 2024"],
  },
  {
    id: "multi-spend-anomalies",
    fixture: "multi",
    question: "Any anomalies in spend?",
    tools: [{ name: "find_anomalies", args: { metric: "spend" } }],
    figures: [{ metric: "spend", from: "2024-03-12", to: "2024-03-12" }],
    mentions: ["2024-03-12"],
  },
  {
    id: "multi-spark-ads-unusual-days",
    fixture: "multi",
    question: "Were there unusual days for Spark Ads spend?",
    tools: [
      {
        name: "find_anomalies",
        args: { metric: "spend", filters: [{ dimension: "campaign", values: ["Spark Ads"] }] },
      },
    ],
    mentions: ["2024-03-12"],
  },
  {
    id: "multi-why-cpa-jump",
    fixture: "multi",
    question: "Why did CPA jump last week?",
    tools: [
      { name: "compare_periods", args: { period: "last_week" } },
      { name: "explain_change", args: { metric: "cpa", dimension: "campaign", period: "last_week" } },
    ],
    figures: [
      { metric: "cpa", ...LAST_WEEK },
      { metric: "cpa", ...WEEK_BEFORE },
      { metric: "cpa", change: { current: LAST_WEEK, previous: WEEK_BEFORE } },
    ],
    mentions: ["- Prospecting"],
  },
  {
    id: "multi-what-drove-roas-by-channel",
    fixture: "multi",
    question: "What drove the ROAS drop this week by channel?",
    tools: [{ name: "explain_change", args: { metric: "roas", dimension: "channel", period: "this_week" } }],
    figures: [{ metric: "roas", change: { current: LAST_WEEK, previous: WEEK_BEFORE } }],
    mentions: ["- Meta"],
  },
  {
    id: "multi-why-conversions-fell",
    fixture: "multi",
    question: "Why did conversions fall in the last 7 days?",
    tools: [
      {
        name: "explain_change",
        args: { metric: "conversions", dimension: "campaign", period: "last_7_days" },
      },
    ],
    figures: [{ metric: "conversions", change: { current: LAST_WEEK, previous: WEEK_BEFORE } }],
    mentions: ["- Prospecting"],
  },
  {
    id: "multi-chart-roas-by-channel-march",
    fixture: "multi",
    question: "Chart ROAS by channel for March",
    tools: [
      {
        name: "render_chart",
        args: { kind: "breakdown", metric: "roas", dimension: "channel", date_range: MARCH },
      },
      { name: "get_kpis", args: { group_by: "channel", date_range: MARCH } },
    ],
    figures: [{ metric: "roas", where: META, ...MARCH }],
    charts: 1,
  },
  {
    id: "multi-plot-spend-over-time",
    fixture: "multi",
    question: "Plot spend over time",
    tools: [{ name: "render_chart", args: { kind: "trend", metric: "spend" } }],
    charts: 1,
  },
  {
    id: "multi-funnel-chart",
    fixture: "multi",
    question: "Show me a funnel chart",
    tools: [{ name: "render_chart", args: { kind: "funnel" } }],
    figures: [{ metric: "clicks" }, { metric: "ctr" }],
    charts: 1,
  },
  {
    id: "multi-what-to-cut",
    fixture: "multi",
    question: "Which campaigns should I cut?",
    tools: [
      { name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "bottom" } },
      { name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "top" } },
    ],
    figures: [{ metric: "roas", where: { campaign: ["TopView Test"] } }],
    mentions: ["Cap or pause TopView Test", "Brand Search", "Next actions", "own window and model"],
  },
  {
    id: "multi-move-budget-channels",
    fixture: "multi",
    question: "Where should we move budget between channels?",
    tools: [{ name: "top_bottom", args: { dimension: "channel", metric: "roas", order: "bottom" } }],
    mentions: ["Cap or pause TikTok", "move that budget to Google Ads"],
  },
  {
    id: "multi-describe",
    fixture: "multi",
    question: "What's in this file?",
    tools: [{ name: "describe_dataset" }],
    mentions: ["896 rows", "2024-02-05 to 2024-03-31", "currency USD"],
  },
  {
    id: "multi-not-understood",
    fixture: "multi",
    question: "Tell me a joke about penguins",
    tools: [],
    mentions: ["Try:", "Top 5 campaigns by ROAS in the last 30 days", "Why did ROAS change last week?"],
  },
  {
    id: "multi-follow-up-platform",
    fixture: "multi",
    after: ["ROAS for Meta in March"],
    question: "and for TikTok?",
    tools: [
      {
        name: "get_kpis",
        args: {
          metrics: ["roas"],
          date_range: MARCH,
          filters: [{ dimension: "channel", values: ["TikTok"] }],
        },
      },
    ],
    figures: [{ metric: "roas", where: { channel: ["TikTok"] }, ...MARCH }],
    mentions: ["follow-up"],
  },
  {
    id: "multi-follow-up-breakdown",
    fixture: "multi",
    after: ["What was the CPA last week?"],
    question: "by channel?",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["channel"], period: "last_week" } }],
    figures: [{ metric: "cpa", where: { channel: ["TikTok"] }, ...LAST_WEEK }],
  },
  {
    id: "multi-last-10-days",
    fixture: "multi",
    question: "Spend over the last 10 days",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-03-22", to: "2024-03-31" } } }],
    figures: [{ metric: "spend", from: "2024-03-22", to: "2024-03-31" }],
  },
  {
    id: "multi-since-date",
    fixture: "multi",
    question: "How much revenue since 2024-03-20?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["revenue"], date_range: { from: "2024-03-20", to: "2024-03-31" } },
      },
    ],
    figures: [{ metric: "revenue", from: "2024-03-20", to: "2024-03-31" }],
  },
  {
    id: "multi-between-dates",
    fixture: "multi",
    question: "ROAS between 2024-03-01 and 2024-03-15",
    tools: [
      { name: "get_kpis", args: { metrics: ["roas"], date_range: { from: "2024-03-01", to: "2024-03-15" } } },
    ],
    figures: [{ metric: "roas", from: "2024-03-01", to: "2024-03-15" }],
  },
  {
    id: "multi-relative-to-today",
    fixture: "multi",
    question: "Spend in the last 7 days as of today",
    tools: [{ name: "get_kpis", args: { metrics: ["spend"], period: "last_7_days", relative_to: "today" } }],
    figures: [{ metric: "spend", from: "2024-03-27", to: "2024-03-31" }],
    mentions: ["today, 2024-04-02", "reaches outside the data"],
  },
  {
    id: "multi-cpm-canada",
    fixture: "multi",
    question: "CPM in CA",
    tools: [
      { name: "get_kpis", args: { metrics: ["cpm"], filters: [{ dimension: "country", values: ["CA"] }] } },
    ],
    figures: [{ metric: "cpm", where: { country: ["CA"] } }],
  },
  {
    id: "multi-aov-retargeting",
    fixture: "multi",
    question: "What's the average order value for Retargeting?",
    tools: [{ name: "get_kpis", args: { metrics: ["aov"] } }],
    figures: [{ metric: "aov", where: { campaign: ["Retargeting"] } }],
  },
  {
    id: "multi-cvr-by-channel",
    fixture: "multi",
    question: "conversion rate by channel",
    tools: [{ name: "query", args: { metrics: ["cvr"], group_by: ["channel"] } }],
    figures: [{ metric: "cvr", where: META }],
  },
  {
    id: "multi-cpc-shopping-yesterday",
    fixture: "multi",
    question: "Cost per click for Shopping yesterday",
    tools: [{ name: "get_kpis", args: { metrics: ["cpc"], period: "latest_day" } }],
    figures: [{ metric: "cpc", where: { campaign: ["Shopping"] }, from: "2024-03-31", to: "2024-03-31" }],
    mentions: ["2024-03-31 to 2024-03-31"],
  },
  {
    id: "multi-top-revenue-this-month",
    fixture: "multi",
    question: "Top 5 campaigns by revenue this month",
    tools: [
      {
        name: "top_bottom",
        args: { dimension: "campaign", metric: "revenue", order: "top", n: 5, period: "this_month" },
      },
    ],
    figures: [{ metric: "revenue", where: { campaign: ["Brand Search"] }, ...MARCH }],
    mentions: ["1. Brand Search"],
  },
  {
    id: "multi-compare-channels",
    fixture: "multi",
    question: "Compare Meta and Google Ads",
    tools: [
      {
        name: "query",
        args: { group_by: ["channel"], filters: [{ dimension: "channel", values: ["Meta", "Google Ads"] }] },
      },
    ],
    figures: [
      { metric: "spend", where: META },
      { metric: "roas", where: { channel: ["Google Ads"] } },
    ],
    absent: ["TikTok:"],
  },
  {
    id: "multi-is-tiktok-profitable",
    fixture: "multi",
    question: "Is TikTok profitable?",
    tools: [
      {
        name: "get_kpis",
        args: { metrics: ["roas"], filters: [{ dimension: "channel", values: ["TikTok"] }] },
      },
    ],
    figures: [{ metric: "roas", where: { channel: ["TikTok"] } }],
  },
  {
    id: "multi-change-from-february-to-march",
    fixture: "multi",
    question: "How did spend change from February to March?",
    tools: [
      {
        name: "compare_periods",
        args: { current: MARCH, previous: { from: "2024-02-01", to: "2024-02-29" } },
      },
    ],
    figures: [
      { metric: "spend", change: { current: MARCH, previous: { from: "2024-02-01", to: "2024-02-29" } } },
    ],
  },
  {
    id: "multi-getting-worse",
    fixture: "multi",
    question: "Is Prospecting getting worse?",
    tools: [
      { name: "compare_periods", args: { filters: [{ dimension: "campaign", values: ["Prospecting"] }] } },
    ],
    figures: [
      {
        metric: "cpa",
        change: {
          current: { ...LAST_WEEK, where: { campaign: ["Prospecting"] } },
          previous: { ...WEEK_BEFORE, where: { campaign: ["Prospecting"] } },
        },
      },
    ],
    mentions: ["worse"],
  },
  {
    id: "multi-channel-better-than",
    fixture: "multi",
    question: "Is TikTok better than Meta?",
    tools: [
      {
        name: "query",
        args: { group_by: ["channel"], filters: [{ dimension: "channel", values: ["TikTok", "Meta"] }] },
      },
    ],
    figures: [
      { metric: "roas", where: { channel: ["TikTok"] } },
      { metric: "cpa", where: META },
    ],
  },
  {
    id: "multi-what-happened-on-day",
    fixture: "multi",
    question: "What happened on March 12?",
    tools: [{ name: "explain_change", args: { current: { from: "2024-03-12", to: "2024-03-12" } } }],
    mentions: ["- Spark Ads"],
  },
  {
    id: "multi-why-roas-down-default-periods",
    fixture: "multi",
    question: "Why is ROAS down?",
    tools: [{ name: "explain_change", args: { metric: "roas", dimension: "campaign" } }],
    figures: [{ metric: "roas", change: { current: LAST_WEEK, previous: WEEK_BEFORE } }],
    mentions: ["the default: the last 7 days of the data"],
  },
  {
    id: "multi-cpa-by-campaign-last-week",
    fixture: "multi",
    question: "Show CPA by campaign for last week",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["campaign"], period: "last_week" } }],
    figures: [{ metric: "cpa", where: { campaign: ["Prospecting"] }, ...LAST_WEEK }],
  },
  {
    id: "multi-daily-revenue-14-days",
    fixture: "multi",
    question: "daily revenue for the last 14 days",
    tools: [{ name: "trend", args: { metrics: ["revenue"], grain: "day", period: "last_14_days" } }],
    figures: [{ metric: "revenue", from: "2024-03-18", to: "2024-03-31" }],
  },
  {
    id: "multi-graph-weekly-conversions-google",
    fixture: "multi",
    question: "Graph of conversions by week for Google Ads",
    tools: [
      {
        name: "render_chart",
        args: {
          kind: "trend",
          metric: "conversions",
          grain: "week",
          filters: [{ dimension: "channel", values: ["Google Ads"] }],
        },
      },
    ],
    figures: [{ metric: "conversions", where: { channel: ["Google Ads"] } }],
    charts: 1,
  },
  {
    id: "multi-best-channel",
    fixture: "multi",
    question: "What's our best channel?",
    tools: [{ name: "top_bottom", args: { dimension: "channel", metric: "roas", order: "top" } }],
    mentions: ["Best ROAS by channel: Google Ads"],
  },
  {
    id: "multi-wasting-money",
    fixture: "multi",
    question: "Which campaigns are wasting money?",
    tools: [{ name: "top_bottom", args: { dimension: "campaign", metric: "roas", order: "bottom" } }],
    mentions: ["Cap or pause TopView Test"],
  },
  {
    id: "multi-missing-dimension",
    fixture: "multi",
    question: "Which ads should I scale?",
    tools: [{ name: "top_bottom", args: { dimension: "ad" } }],
    refusal: true,
    mentions: ['unknown dimension "ad"; available: channel, campaign, country'],
  },
];
