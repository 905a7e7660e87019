import { describe, expect, it } from "vitest";
import { factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { weeklyPeriodNote, weeklyStartDay } from "../../src/metrics/index.js";

/** GA4's weekly layout: week 1 dated to January 1 (a Wednesday in 2025), every later week to its Sunday. */
const WEEKLY = factTableFromRecords(
  ["2025-01-01", "2025-01-05", "2025-01-12", "2025-03-02", "2025-03-30"].map((date) => ({ date, spend: 1 })),
);

describe("weekly exports", () => {
  it("are told apart from daily ones by the weekday of their dates", () => {
    expect(weeklyStartDay(WEEKLY)).toBe(0);
    const daily = factTableFromRecords(
      ["2025-03-01", "2025-03-02", "2025-03-09", "2025-03-16", "2025-03-17"].map((date) => ({ date })),
    );
    expect(weeklyStartDay(daily)).toBeNull();
    expect(weeklyStartDay(factTableFromRecords([{ campaign: "Brand", spend: 1 }]))).toBeNull();
  });

  it("say which weeks a period holds when its edges cut weeks, and nothing when they do not", () => {
    expect(weeklyPeriodNote(WEEKLY, { from: "2025-03-01", to: "2025-03-31" })).toBe(
      "this export has one row per week (weeks start on Sunday): the period counts the weeks starting 2025-03-02 to 2025-03-30, so 2025-03-02 to 2025-04-05",
    );
    expect(weeklyPeriodNote(WEEKLY, { from: "2025-03-02", to: "2025-03-15" })).toBeNull();
    expect(weeklyPeriodNote(WEEKLY, { from: "2025-03-03", to: "2025-03-08" })).toMatch(/no week starts in/);
    expect(weeklyPeriodNote(WEEKLY, { from: "2025-03-24", to: "2025-03-30" })).toMatch(
      /holds the week starting 2025-03-30, so 2025-03-30 to 2025-04-05/,
    );
  });
});
