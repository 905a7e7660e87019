import type { EvalCase } from "../eval-case.js";

/**
 * Issue 18: forecasts, budget moves, significance and weekday patterns. Each is answered by its tool with
 * an interval, or refused with what the data lacks; none is answered as a description of the past.
 */
export const OPTIMIZER_CASES: EvalCase[] = [
  {
    id: "opt-month-end-complete",
    fixture: "segments",
    category: "forecasts",
    question: "where will spend land by month end?",
    // The data runs to Sep 30: September's spend is final, and the answer says so with the month's figure.
    tools: [{ name: "forecast", args: { metrics: ["spend"], horizon: "month_end" } }],
    figures: [{ metric: "spend", from: "2025-09-01", to: "2025-09-30" }],
    mentions: ["Forecast for September 2025", "figures are final"],
  },
  {
    id: "opt-forecast-conversions-next-days",
    fixture: "segments",
    category: "forecasts",
    question: "forecast conversions for the next 14 days",
    tools: [{ name: "forecast", args: { metrics: ["conversions"], horizon: "next_days", days: 14 } }],
    mentions: ["the next 14 days", "likely", "repeating last week"],
  },
  {
    id: "opt-forecast-no-dates",
    fixture: "kag",
    category: "forecasts",
    question: "forecast next month's spend",
    tools: [{ name: "forecast" }],
    refusal: true,
    mentions: ["no dates"],
  },
  {
    id: "opt-cvr-men-women",
    fixture: "kag",
    category: "significance",
    question: "is the CVR difference between men and women significant?",
    tools: [{ name: "test_difference", args: { metric: "cvr", dimension: "gender", values: ["M", "F"] } }],
    figures: [
      { metric: "cvr", where: { gender: ["M"] } },
      { metric: "cvr", where: { gender: ["F"] } },
    ],
    mentions: ["Significant", "95% interval", "beta-binomial"],
  },
  {
    id: "opt-ctr-gender-segments",
    fixture: "segments",
    category: "significance",
    question: "is the CTR gap between male and female statistically significant?",
    tools: [{ name: "test_difference", args: { metric: "ctr" } }],
    figures: [
      { metric: "ctr", where: { gender: ["male"] } },
      { metric: "ctr", where: { gender: ["female"] } },
    ],
    absent: ["winner"],
  },
  {
    id: "opt-significance-no-pair",
    fixture: "segments",
    category: "significance",
    question: "is this significant?",
    tools: [],
    declined: true,
    mentions: ["two groups"],
  },
  {
    id: "opt-weekday-ctr",
    fixture: "segments",
    category: "weekdays",
    question: "which day of the week has the best CTR?",
    tools: [{ name: "weekday_pattern", args: { metric: "ctr", by: "weekday" } }],
    mentions: ["Monday", "Sunday", "Shuffle test"],
  },
  {
    id: "opt-hour-no-grain",
    fixture: "segments",
    category: "missing-data",
    question: "which hour of the day has the best CPA?",
    tools: [{ name: "weekday_pattern", args: { by: "hour" } }],
    refusal: true,
    mentions: ["no hour column"],
  },
  {
    id: "opt-move-budget-flat-spend",
    fixture: "multi",
    category: "recommendations",
    question: "where should I move budget between campaigns?",
    // Campaign budgets barely moved day to day: no curve can be read, and the answer says so.
    tools: [{ name: "top_bottom" }],
    mentions: ["days at clearly different budgets"],
  },
];
