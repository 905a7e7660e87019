import type { EvalCase } from "../eval-case.js";

/**
 * Issue 18, items 1 and 3: questions over a channel's exports blended (Google Ads and Meta Ads by day for
 * 1 to 20 March 2024, plus the Google Ads report again as totals, which must count once), and pacing
 * against a target the question names.
 */
const GOOGLE = { platform: ["Google Ads"] };
const META = { platform: ["Meta Ads"] };
const FILES = "google-ads-daily.csv + meta-ads-daily.csv + google-ads-totals.csv";
const MONTH_SO_FAR = { from: "2024-03-01", to: "2024-03-20" };

export const BLENDED_EXPORTS_CASES: EvalCase[] = [
  {
    id: "blend-roas-google-and-meta",
    fixture: "blend",
    category: "blends",
    question: "blended ROAS across google and meta",
    tools: [{ name: "get_kpis", args: { metrics: ["roas"] } }],
    figures: [{ metric: "roas" }],
    mentions: [FILES],
  },
  {
    id: "blend-total-spend",
    fixture: "blend",
    category: "blends",
    question: "What is our total spend across all platforms?",
    tools: [{ name: "query", args: { metrics: ["spend"], group_by: ["platform"] } }],
    figures: [{ metric: "spend" }, { metric: "spend", where: GOOGLE }, { metric: "spend", where: META }],
  },
  {
    id: "blend-cpa-by-platform",
    fixture: "blend",
    category: "blends",
    question: "CPA by platform",
    tools: [{ name: "query", args: { metrics: ["cpa"], group_by: ["platform"] } }],
    figures: [{ metric: "cpa", where: GOOGLE }, { metric: "cpa", where: META }, { metric: "cpa" }],
    mentions: ["each platform attributes conversions with its own window"],
  },
  {
    id: "blend-spend-by-file",
    fixture: "blend",
    category: "blends",
    question: "spend by source file",
    tools: [{ name: "query", args: { group_by: ["source file"] } }],
    figures: [{ metric: "spend", where: { "source file": ["google-ads-daily.csv"] } }],
    absent: ["google-ads-totals.csv:"],
  },
  {
    id: "blend-roas-meta",
    fixture: "blend",
    category: "blends",
    question: "ROAS for Meta",
    tools: [{ name: "get_kpis", args: { filters: [{ dimension: "platform", values: ["Meta Ads"] }] } }],
    figures: [{ metric: "roas", where: META }],
  },
  {
    id: "blend-best-platform",
    fixture: "blend",
    category: "blends",
    question: "which platform has the best ROAS?",
    tools: [{ name: "top_bottom", args: { dimension: "platform", metric: "roas" } }],
    figures: [{ metric: "roas", where: GOOGLE }],
  },
  {
    id: "blend-combined-conversions",
    fixture: "blend",
    category: "blends",
    question: "combined conversions",
    tools: [{ name: "get_kpis", args: { metrics: ["conversions"] } }],
    figures: [{ metric: "conversions" }],
  },
  {
    id: "blend-platform-not-held",
    fixture: "blend",
    category: "blends",
    question: "blended ROAS across google and tiktok",
    tools: [],
    declined: true,
    mentions: ["no TikTok rows"],
  },
  {
    id: "pacing-monthly-budget",
    fixture: "blend",
    category: "pacing",
    question: "are we on pace for our $20k monthly budget?",
    tools: [{ name: "pacing", args: { metric: "budget", value: 20000, period: "monthly" } }],
    figures: [{ metric: "spend", ...MONTH_SO_FAR }],
    mentions: ["at this pace:", "by Mar 31", "Read as: pacing of budget $20,000.00 monthly"],
  },
  {
    id: "pacing-cpa-target",
    fixture: "blend",
    category: "pacing",
    question: "is our CPA target of $40 on track?",
    tools: [{ name: "pacing", args: { metric: "cpa", value: 40 } }],
    figures: [{ metric: "cpa", ...MONTH_SO_FAR }],
    mentions: ["against a target of $40.00: on target"],
  },
  {
    id: "pacing-without-target",
    fixture: "blend",
    category: "pacing",
    question: "how are we pacing?",
    tools: [],
    mentions: ["I have no target to pace against", "/target set budget"],
  },
];
