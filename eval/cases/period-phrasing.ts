import type { EvalCase } from "../eval-case.js";

/**
 * Periods as marketers type them, written before the parser read them: period over period in every
 * spelling ("mom", "m/m", "month-on-month", "vs prior month", "wk over wk"), parts of a month ("early
 * march", "late feb", "first 2 weeks of feb", "w/e 17 march"), holidays by name ("valentines day"), and
 * "last 7 days vs previous 7". The multi-channel fixture runs Monday 2024-02-05 to Sunday 2024-03-31 (so
 * its last complete month is March, against a February whose first four days are not in the data, and 17
 * March 2024 is a Sunday); the segments one 2025-07-01 (a Tuesday) to 2025-09-30 (a Tuesday), whole months
 * and a partial first and last week.
 */
const PROSPECTING = { campaign: ["Prospecting"] };
const MARCH = { from: "2024-03-01", to: "2024-03-31" };
const FEBRUARY = { from: "2024-02-01", to: "2024-02-29" };
const LAST_7 = { from: "2024-03-25", to: "2024-03-31" };
const PREVIOUS_7 = { from: "2024-03-18", to: "2024-03-24" };
const SEPTEMBER = { from: "2025-09-01", to: "2025-09-30" };
const AUGUST = { from: "2025-08-01", to: "2025-08-31" };
const JULY = { from: "2025-07-01", to: "2025-07-31" };
const PROSPECTING_MONTHS = {
  current: { ...MARCH, where: PROSPECTING },
  previous: { ...FEBRUARY, where: PROSPECTING },
};
const PROSPECTING_WEEKS = {
  current: { ...LAST_7, where: PROSPECTING },
  previous: { ...PREVIOUS_7, where: PROSPECTING },
};
const NOT_SEVEN_DAYS = ["the last 7 days", "2024-03-25 to 2024-03-31"];

/** "is prospecting getting worse month over month" and its spellings: months compared, never 7 days. */
const MONTH_OVER_MONTH: EvalCase[] = [
  ["is prospecting getting worse month over month", "cpa"],
  ["prospecting getting worse mom?", "roas"],
  ["is prospecting doing worse month on month", "cpa"],
  ["prospecting roas month-over-month", "roas"],
  ["prospecting cpa m/m", "cpa"],
  ["prospecting conversions vs prior month", "conversions"],
  ["how did prospecting do compared to the previous month", "revenue"],
].map(
  ([question, metric], index): EvalCase => ({
    id: `period-multi-prospecting-mom-${index + 1}`,
    fixture: "multi",
    category: "comparisons",
    question: question ?? "",
    tools: [{ name: "compare_periods", args: { period: "last_month" } }],
    figures: [{ metric: metric as "cpa", change: PROSPECTING_MONTHS }],
    absent: NOT_SEVEN_DAYS,
  }),
);

/** Week over week, spelled out or typed short: the last 7 days against the 7 before, said so. */
const WEEK_OVER_WEEK: EvalCase[] = [
  ["prospecting cpa week on week", "cpa"],
  ["cpa w/w for prospecting", "cpa"],
  ["is prospecting getting worse wk over wk", "roas"],
  ["prospecting ctr week-on-week", "ctr"],
].map(
  ([question, metric], index): EvalCase => ({
    id: `period-multi-prospecting-wow-${index + 1}`,
    fixture: "multi",
    category: "comparisons",
    question: question ?? "",
    tools: [{ name: "compare_periods", args: { period: "last_7_days" } }],
    figures: [{ metric: metric as "cpa", change: PROSPECTING_WEEKS }],
    mentions: ["7 days"],
  }),
);

/** Parts of a month and holidays: the days said in the reading line. */
const PARTS_OF_MONTHS: EvalCase[] = [
  ["early march spend", "spend", "2024-03-01", "2024-03-10"],
  ["spend in early mar", "spend", "2024-03-01", "2024-03-10"],
  ["cpa late feb", "cpa", "2024-02-21", "2024-02-29"],
  ["mid march roas?", "roas", "2024-03-11", "2024-03-20"],
  ["spend w/e 17 march", "spend", "2024-03-11", "2024-03-17"],
  ["conversions week ending march 17th", "conversions", "2024-03-11", "2024-03-17"],
  ["clicks w/c 11 march", "clicks", "2024-03-11", "2024-03-17"],
  ["spend early in march", "spend", "2024-03-01", "2024-03-10"],
  ["first 2 weeks of feb spend", "spend", "2024-02-01", "2024-02-14"],
  ["spend first two weeks of february", "spend", "2024-02-01", "2024-02-14"],
  ["roas last 2 weeks of march", "roas", "2024-03-18", "2024-03-31"],
  ["first 10 days of march cpa", "cpa", "2024-03-01", "2024-03-10"],
  ["valentines day revenue", "revenue", "2024-02-14", "2024-02-14"],
  ["how much revenue did we make on valentine's day", "revenue", "2024-02-14", "2024-02-14"],
  ["roas the week of valentine's day", "roas", "2024-02-12", "2024-02-18"],
].map(
  ([question, metric, from, to], index): EvalCase => ({
    id: `period-multi-part-of-month-${index + 1}`,
    fixture: "multi",
    category: "ranges",
    question: question ?? "",
    tools: [{ name: "get_kpis", args: { date_range: { from, to } } }],
    figures: [{ metric: metric as "spend", from, to }],
    mentions: [`${from} to ${to}`],
  }),
);

export const PERIOD_PHRASING_CASES: EvalCase[] = [
  ...MONTH_OVER_MONTH,
  ...WEEK_OVER_WEEK,
  ...PARTS_OF_MONTHS,
  {
    id: "period-multi-prospecting-trending-mm",
    fixture: "multi",
    category: "trends",
    question: "hows prospecting trending m/m",
    tools: [{ name: "trend", args: { grain: "month" } }],
    figures: [{ metric: "spend", ...MARCH, where: PROSPECTING }],
  },
  {
    id: "period-segments-roas-worse-month-on-month",
    fixture: "segments",
    category: "trends",
    question: "is roas getting worse month on month",
    tools: [{ name: "trend", args: { metrics: ["roas"], grain: "month" } }],
    figures: [
      { metric: "roas", ...JULY },
      { metric: "roas", ...AUGUST },
      { metric: "roas", ...SEPTEMBER },
    ],
  },
  {
    id: "period-segments-spend-vs-previous-month",
    fixture: "segments",
    category: "comparisons",
    question: "spend compared to the previous month",
    tools: [{ name: "compare_periods", args: { period: "last_month" } }],
    figures: [{ metric: "spend", change: { current: SEPTEMBER, previous: AUGUST } }],
  },
  {
    id: "period-segments-clicks-month-on-month",
    fixture: "segments",
    category: "casual-phrasing",
    question: "clicks month on month pls",
    tools: [{ name: "compare_periods", args: { period: "last_month" } }],
    figures: [{ metric: "clicks", change: { current: SEPTEMBER, previous: AUGUST } }],
  },
  {
    id: "period-multi-roas-last-7-vs-previous-7",
    fixture: "multi",
    category: "comparisons",
    question: "roas last 7 days vs previous 7",
    tools: [{ name: "compare_periods", args: { period: "last_7_days" } }],
    figures: [{ metric: "roas", change: { current: LAST_7, previous: PREVIOUS_7 } }],
  },
  {
    id: "period-multi-spend-l7d-vs-prior-7d",
    fixture: "multi",
    category: "casual-phrasing",
    question: "spend l7d vs prior 7d",
    tools: [{ name: "compare_periods", args: { period: "last_7_days" } }],
    figures: [{ metric: "spend", change: { current: LAST_7, previous: PREVIOUS_7 } }],
  },
  {
    id: "period-multi-cpa-last-7-vs-the-previous-7-days",
    fixture: "multi",
    category: "comparisons",
    question: "cpa last 7 days vs the previous 7 days",
    tools: [{ name: "compare_periods", args: { period: "last_7_days" } }],
    figures: [{ metric: "cpa", change: { current: LAST_7, previous: PREVIOUS_7 } }],
  },
  {
    // Seven days against fourteen: totals of unequal periods would read as a fall.
    id: "period-multi-last-7-vs-previous-14",
    fixture: "multi",
    category: "ranges",
    question: "spend last 7 days vs previous 14 days",
    tools: [],
    declined: true,
    mentions: ["same length", "as many days right before it"],
  },
  {
    id: "period-multi-early-vs-late-feb",
    fixture: "multi",
    category: "comparisons",
    question: "early feb vs late feb spend",
    tools: [
      {
        name: "compare_periods",
        args: {
          current: { from: "2024-02-21", to: "2024-02-29" },
          previous: { from: "2024-02-01", to: "2024-02-10" },
        },
      },
    ],
    figures: [
      {
        metric: "spend",
        change: {
          current: { from: "2024-02-21", to: "2024-02-29" },
          previous: { from: "2024-02-01", to: "2024-02-10" },
        },
      },
    ],
  },
  {
    // "The start of the month" names no month: which one is the reader's guess.
    id: "period-multi-early-in-the-month",
    fixture: "multi",
    category: "ranges",
    question: "do we spend more early in the month",
    tools: [],
    declined: true,
  },
  {
    id: "period-mf-spend-qoq",
    fixture: "monfrere",
    category: "comparisons",
    question: "spend qoq",
    tools: [
      {
        name: "compare_periods",
        args: {
          current: { from: "2024-10-01", to: "2024-12-31" },
          previous: { from: "2024-07-01", to: "2024-09-30" },
        },
      },
    ],
    figures: [
      {
        metric: "spend",
        change: {
          current: { from: "2024-10-01", to: "2024-12-31" },
          previous: { from: "2024-07-01", to: "2024-09-30" },
        },
      },
    ],
  },
  {
    // A year of data has no year before it, and "yoy" of a part of the year names no part.
    id: "period-mf-ctr-yoy",
    fixture: "monfrere",
    category: "ranges",
    question: "ctr yoy",
    tools: [],
    declined: true,
    mentions: ["a year apart"],
  },
  {
    id: "period-mf-week-of-black-friday",
    fixture: "monfrere",
    category: "ranges",
    question: "spend the week of black friday",
    tools: [{ name: "get_kpis", args: { date_range: { from: "2024-11-25", to: "2024-12-01" } } }],
    figures: [{ metric: "spend", from: "2024-11-25", to: "2024-12-01" }],
    mentions: ["2024-11-29", "Monday to Sunday"],
  },
  ...["spend black friday week", "black friday weekend impressions", "spend around valentines"].map(
    (question, index): EvalCase => ({
      // Its Monday to Sunday, the days up to it, or through Cyber Monday: no one span, so no day alone.
      id: `period-mf-span-around-named-day-${index + 1}`,
      fixture: "monfrere",
      category: "ranges",
      question,
      tools: [],
      declined: true,
      mentions: ["the week of it"],
    }),
  ),
  {
    // The same month a year before, which this file does not reach: said, not compared with February.
    id: "period-multi-last-month-vs-same-month-last-year",
    fixture: "multi",
    category: "comparisons",
    question: "spend last month vs same month last year",
    tools: [
      {
        name: "compare_periods",
        args: { current: MARCH, previous: { from: "2023-03-01", to: "2023-03-31" } },
      },
    ],
    mentions: ["2023-03-01 to 2023-03-31"],
    absent: ["2024-02-01 to 2024-02-29"],
  },
  {
    id: "period-multi-early-march-vs-same-period-last-month",
    fixture: "multi",
    category: "comparisons",
    question: "spend early march vs same period last month",
    tools: [{ name: "compare_periods" }],
    figures: [
      {
        metric: "spend",
        change: {
          current: { from: "2024-03-01", to: "2024-03-10" },
          previous: { from: "2024-02-01", to: "2024-02-10" },
        },
      },
    ],
  },
  {
    // "The same week last month" is any of four or five weeks.
    id: "period-multi-this-week-vs-same-week-last-month",
    fixture: "multi",
    category: "comparisons",
    question: "cpa this week vs same week last month",
    tools: [],
    declined: true,
    mentions: ["same dates a month, quarter or year before"],
  },
  {
    // A named period beside dates: both compared as asked, not the named one with the 7 days before it.
    id: "period-multi-last-7-days-vs-february",
    fixture: "multi",
    category: "comparisons",
    question: "roas last 7 days vs february",
    tools: [{ name: "compare_periods", args: { current: LAST_7, previous: FEBRUARY } }],
    figures: [{ metric: "roas", change: { current: LAST_7, previous: FEBRUARY } }],
    absent: ["2024-03-18 to 2024-03-24"],
  },
  {
    id: "period-multi-last-week-vs-first-week-of-march",
    fixture: "multi",
    category: "comparisons",
    question: "spend last week vs first week of march",
    tools: [
      {
        name: "compare_periods",
        args: { current: LAST_7, previous: { from: "2024-03-01", to: "2024-03-07" } },
      },
    ],
    figures: [
      {
        metric: "spend",
        change: { current: LAST_7, previous: { from: "2024-03-01", to: "2024-03-07" } },
      },
    ],
  },
  {
    // The last 7 days are part of March: their totals differ by the days March has more of.
    id: "period-multi-l7d-vs-march-overlap",
    fixture: "multi",
    category: "comparisons",
    question: "spend l7d vs march",
    tools: [],
    declined: true,
    mentions: ["share no days"],
  },
  {
    id: "period-multi-week-before-last",
    fixture: "multi",
    category: "ranges",
    question: "spend the week before last",
    tools: [{ name: "get_kpis", args: { date_range: PREVIOUS_7 } }],
    figures: [{ metric: "spend", ...PREVIOUS_7 }],
    mentions: ["the week before last read as 2024-03-18 to 2024-03-24"],
  },
  {
    id: "period-segments-month-before-last",
    fixture: "segments",
    category: "ranges",
    question: "cpa the month before last",
    tools: [{ name: "get_kpis", args: { date_range: AUGUST } }],
    figures: [{ metric: "cpa", ...AUGUST }],
  },
  {
    // A partial first or last week is not the lowest week against whole ones.
    id: "period-segments-weekly-spend-partial-weeks",
    fixture: "segments",
    category: "trends",
    question: "weekly spend",
    tools: [{ name: "trend", args: { grain: "week" } }],
    mentions: ["whole weeks"],
    absent: ["lowest in the week of 2025-09-29", "lowest in the week of 2025-06-30"],
  },
  {
    id: "period-multi-spend-by-month-partial",
    fixture: "multi",
    category: "trends",
    question: "spend by month",
    tools: [{ name: "trend", args: { grain: "month" } }],
    mentions: ["only part of February 2024", "only part of it in the data"],
    absent: ["lowest in February 2024 ($20,017.58)"],
  },
];
