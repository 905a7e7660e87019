import { describe, expect, it } from "vitest";
import { loadFixture } from "../../eval/fixtures/index.js";
import { answerQuestion, silentLogger } from "../../src/agent/index.js";
import { readDatePhrases } from "../../src/agent/offline/date-phrases.js";
import { spelledOverPeriods } from "../../src/agent/offline/period-over-period.js";
import { parseQuestion } from "../../src/agent/offline/question-parser.js";
import { civilToDay } from "../../src/ingest/index.js";

/**
 * Periods as marketers type them: period over period in any spelling, parts of a month, a week by its
 * last day, holidays by name, "last 7 days vs previous 7", and a trend's highest and lowest period
 * picked among whole weeks or months. The multi-channel fixture runs Monday 2024-02-05 to Sunday
 * 2024-03-31; the segments one Tuesday 2025-07-01 to Tuesday 2025-09-30.
 */
const multi = () => loadFixture("multi").dataset;
const read = (question: string) => parseQuestion(question, multi(), "2026-12-07");
const DATA = { first: civilToDay(2024, 2, 5), last: civilToDay(2024, 3, 31), todayYear: 2026 };
const rangeOf = (phrase: string) => {
  const { slots, unclear } = readDatePhrases(phrase, DATA);
  expect(unclear).toBeNull();
  const [slot] = slots;
  return slot?.kind === "range" ? slot.range : slot;
};

describe("period over period, however it is typed", () => {
  it.each([
    ["spend m/m", "spend month over month"],
    ["month-on-month", "month over month"],
    ["months on months", "month over month"],
    ["wk over wk", "week over week"],
    ["w/w and mom", "week over week and month over month"],
    ["m-o-m", "month over month"],
    ["d/d", "day over day"],
    ["qoq", "quarter over quarter"],
    ["yoy", "year over year"],
  ])("reads %s as %s", (typed, spelled) => {
    expect(spelledOverPeriods(typed)).toBe(spelled);
  });

  it("leaves two different units and other slashes alone", () => {
    expect(spelledOverPeriods("week on month")).toBe("week on month");
    expect(spelledOverPeriods("w/e 17 march")).toBe("w/e 17 march");
  });

  it.each([
    "is prospecting getting worse month over month",
    "prospecting getting worse mom?",
    "is prospecting doing worse month on month",
    "prospecting cpa m/m",
    "prospecting conversions vs prior month",
    "how did prospecting do compared to the previous month",
  ])("compares the last month with the one before for %s, not the last 7 days", (question) => {
    const parsed = read(question);
    expect(parsed.intent).toBe("compare");
    expect(parsed.periods).toEqual([expect.objectContaining({ kind: "relative", period: "last_month" })]);
    expect(parsed.unread).toEqual([]);
  });

  it.each([
    "prospecting cpa week on week",
    "cpa w/w for prospecting",
    "is prospecting getting worse wk over wk",
  ])("compares the last 7 days with the 7 before for %s", (question) => {
    expect(read(question).periods).toEqual([
      expect.objectContaining({ kind: "relative", period: "last_7_days" }),
    ]);
  });

  it("reads a direction of a metric month on month as the monthly series", () => {
    expect(read("is roas getting worse month on month")).toMatchObject({ intent: "trend", grain: "month" });
    expect(read("hows prospecting trending m/m")).toMatchObject({ intent: "trend", grain: "month" });
  });

  it("compares whole quarters for qoq and declines yoy, naming what to ask", () => {
    const { slots } = readDatePhrases("cpa quarter over quarter", DATA);
    expect(slots.map((slot) => (slot.kind === "range" ? slot.range : slot))).toEqual([
      { from: "2023-10-01", to: "2023-12-31" },
      { from: "2024-01-01", to: "2024-03-31" },
    ]);
    expect(readDatePhrases("spend year over year", DATA).unclear).toMatch(/a year apart/);
  });
});

describe("parts of a month, weeks by their last day, holidays", () => {
  it.each([
    ["early march", "2024-03-01", "2024-03-10"],
    ["mid-march", "2024-03-11", "2024-03-20"],
    ["late feb", "2024-02-21", "2024-02-29"],
    ["late february 2023", "2023-02-21", "2023-02-28"],
    ["w/e 17 march", "2024-03-11", "2024-03-17"],
    ["week ending march 17th", "2024-03-11", "2024-03-17"],
    ["w/e 2024-03-17", "2024-03-11", "2024-03-17"],
    ["w/c 11 march", "2024-03-11", "2024-03-17"],
    ["week commencing 11th march", "2024-03-11", "2024-03-17"],
    ["early in march", "2024-03-01", "2024-03-10"],
    ["first 2 weeks of feb", "2024-02-01", "2024-02-14"],
    ["the last two weeks of march", "2024-03-18", "2024-03-31"],
    ["first 10 days of march", "2024-03-01", "2024-03-10"],
    ["valentines day", "2024-02-14", "2024-02-14"],
    ["valentine's day", "2024-02-14", "2024-02-14"],
    ["st patrick's day", "2024-03-17", "2024-03-17"],
    ["the week before last", "2024-03-18", "2024-03-24"],
    ["the month before last", "2024-02-01", "2024-02-29"],
  ])("reads %s as %s to %s", (phrase, from, to) => {
    expect(rangeOf(phrase)).toEqual({ from, to });
  });

  it("says how it read a convention of its own", () => {
    expect(readDatePhrases("early march", DATA).notes).toEqual([
      "early March 2024 read as 2024-03-01 to 2024-03-10",
    ]);
    expect(readDatePhrases("w/e 17 march", DATA).notes).toEqual([
      "the week ending 2024-03-17 read as 2024-03-11 to 2024-03-17",
    ]);
  });

  it("declines more days than the month has, and leaves a month-less 'early' unread", () => {
    expect(readDatePhrases("first 5 weeks of feb", DATA).unclear).toMatch(/more days than it has/);
    expect(read("do we spend more early in the month").unread).toContain("early");
  });

  it("reads the week of a named day as its Monday to Sunday, and declines a span it does not define", () => {
    expect(rangeOf("the week of valentine's day")).toEqual({ from: "2024-02-12", to: "2024-02-18" });
    for (const phrase of ["valentines week", "around valentines", "st patrick's day weekend"]) {
      expect(readDatePhrases(phrase, DATA).unclear).toMatch(/which it does not say/);
    }
  });

  it("takes a holiday without a year on or before the data's last day", () => {
    expect(rangeOf("christmas day")).toEqual({ from: "2023-12-25", to: "2023-12-25" });
  });
});

describe("a rolling period against the one before it", () => {
  it.each([
    "roas last 7 days vs previous 7",
    "spend l7d vs prior 7d",
    "cpa last 7 days vs the 7 days before",
  ])("reads %s as the last 7 days against the 7 before", (question) => {
    const parsed = read(question);
    expect(parsed).toMatchObject({ intent: "compare", unread: [], outOfReach: null });
    expect(parsed.periods).toEqual([expect.objectContaining({ period: "last_7_days" })]);
  });

  it("declines periods of different lengths instead of comparing 7 days with 7", () => {
    expect(read("spend last 7 days vs previous 14 days").outOfReach).toMatch(/same length/);
    expect(read("spend last 2 weeks vs previous 7 days").outOfReach).toMatch(/same length/);
  });
});

describe("a period against the same dates before it", () => {
  const pair = (phrase: string) =>
    readDatePhrases(phrase, DATA).slots.map((slot) => (slot.kind === "range" ? slot.range : slot));

  it("sets whole months against whole months, and other spans against as many days", () => {
    expect(pair("last month vs same month last year")).toEqual([
      { from: "2023-03-01", to: "2023-03-31" },
      { from: "2024-03-01", to: "2024-03-31" },
    ]);
    expect(pair("february vs same month last year")).toEqual([
      { from: "2023-02-01", to: "2023-02-28" },
      { from: "2024-02-01", to: "2024-02-29" },
    ]);
    expect(pair("early march vs same period last month")).toEqual([
      { from: "2024-02-01", to: "2024-02-10" },
      { from: "2024-03-01", to: "2024-03-10" },
    ]);
  });

  it("declines a span that would overlap itself, or a week a month back", () => {
    expect(readDatePhrases("last 30 days vs same period last month", DATA).unclear).toMatch(/same dates/);
    expect(readDatePhrases("this week vs same week last month", DATA).unclear).toMatch(/same dates/);
  });
});

describe("a named period beside dates", () => {
  it("turns the named one into its dates, so both are compared as asked", () => {
    const slots = readDatePhrases("roas last 7 days vs february", DATA).slots;
    expect(slots.map((slot) => (slot.kind === "range" ? slot.range : slot))).toEqual([
      { from: "2024-03-25", to: "2024-03-31" },
      { from: "2024-02-01", to: "2024-02-29" },
    ]);
  });

  it("declines two periods that share days", () => {
    expect(readDatePhrases("spend l7d vs march", DATA).unclear).toMatch(/share no days/);
    expect(readDatePhrases("spend from february to march", DATA).unclear).toBeNull();
  });
});

describe("a trend's highest and lowest period", () => {
  it("picks among whole weeks when a partial week would be the lowest, and says so", async () => {
    const answer = await answerQuestion({
      question: "weekly spend",
      dataset: loadFixture("segments").dataset,
      today: "2026-12-07",
      logger: silentLogger,
    });
    const [first] = answer.text.split("\n");
    expect(first).toContain("(whole weeks only)");
    expect(first).not.toContain("2025-09-29");
    expect(first).not.toContain("2025-06-30");
  });

  it("marks a partial month it cannot leave out, with one whole month beside it", async () => {
    const answer = await answerQuestion({
      question: "spend by month",
      dataset: multi(),
      today: "2026-12-07",
      logger: silentLogger,
    });
    expect(answer.text.split("\n")[0]).toContain(
      "lowest in February 2024 ($20,017.58, only part of it in the data)",
    );
  });
});
