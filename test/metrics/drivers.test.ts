import { describe, expect, it } from "vitest";
import { type FactRecord, factTableFromRecords } from "../../src/ingest/fact-table-builder.js";
import { type ChangeExplanation, explainChange } from "../../src/metrics/index.js";

const PREVIOUS = { from: "2025-04-01", to: "2025-04-07" };
const CURRENT = { from: "2025-04-08", to: "2025-04-14" };
const inPreviousWeek = (row: FactRecord) => ({ date: "2025-04-03", ...row });
const inCurrentWeek = (row: FactRecord) => ({ date: "2025-04-10", ...row });

const sumOfTotals = (explanation: ChangeExplanation) =>
  explanation.contributions.reduce((sum, contribution) => sum + (contribution.total as number), 0);

describe("explainChange", () => {
  it("shows a pure shift of budget between channels as mix, with no rate effect", () => {
    // Search returns 4 and social 1 in both weeks; a quarter of the budget moves from social to search.
    const facts = factTableFromRecords([
      inPreviousWeek({ channel: "search", spend: 100, revenue: 400 }),
      inPreviousWeek({ channel: "social", spend: 100, revenue: 100 }),
      inCurrentWeek({ channel: "search", spend: 150, revenue: 600 }),
      inCurrentWeek({ channel: "social", spend: 50, revenue: 50 }),
    ]);
    const explanation = explainChange(facts, {
      metric: "roas",
      dimension: "channel",
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(explanation.previous).toBe(2.5);
    expect(explanation.current).toBe(3.25);
    expect(explanation.change).toBe(0.75);
    // R̄ = 2.875. search: +0.25 share x (4 - 2.875); social: -0.25 share x (1 - 2.875).
    expect(explanation.contributions).toEqual([
      {
        key: "social",
        previous: 1,
        current: 1,
        previousShare: 0.5,
        currentShare: 0.25,
        mixEffect: 0.46875,
        rateEffect: 0,
        total: 0.46875,
      },
      {
        key: "search",
        previous: 4,
        current: 4,
        previousShare: 0.5,
        currentShare: 0.75,
        mixEffect: 0.28125,
        rateEffect: 0,
        total: 0.28125,
      },
    ]);
  });

  it("shows a segment getting worse at the same share as rate", () => {
    const facts = factTableFromRecords([
      inPreviousWeek({ channel: "search", clicks: 100, conversions: 10 }),
      inPreviousWeek({ channel: "social", clicks: 100, conversions: 2 }),
      inCurrentWeek({ channel: "search", clicks: 100, conversions: 5 }),
      inCurrentWeek({ channel: "social", clicks: 100, conversions: 2 }),
    ]);
    const explanation = explainChange(facts, {
      metric: "cvr",
      dimension: "channel",
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(explanation.change).toBeCloseTo(-0.025, 15);
    const [search, social] = explanation.contributions;
    expect(search).toMatchObject({ key: "search", mixEffect: 0, previous: 0.1, current: 0.05 });
    expect(search?.rateEffect).toBeCloseTo(-0.025, 15);
    expect(social).toMatchObject({ key: "social", mixEffect: 0, rateEffect: 0, total: 0 });
  });

  it("adds up exactly to the change with new, gone, blank and denominator-less segments", () => {
    const facts = factTableFromRecords([
      inPreviousWeek({ campaign: "Brand", spend: 120, revenue: 600 }),
      inPreviousWeek({ campaign: "Prospecting", spend: 300, revenue: 420 }),
      inPreviousWeek({ campaign: "Retired", spend: 80, revenue: 40 }),
      inPreviousWeek({ campaign: "Organic", spend: 0, revenue: 55 }),
      inCurrentWeek({ campaign: "Brand", spend: 90, revenue: 500 }),
      inCurrentWeek({ campaign: "Prospecting", spend: 410, revenue: 530 }),
      inCurrentWeek({ campaign: "Launch", spend: 70, revenue: 350 }),
      inCurrentWeek({ campaign: "", spend: 5, revenue: 1 }),
      inCurrentWeek({ campaign: "Organic", spend: 0, revenue: 20 }),
    ]);
    const explanation = explainChange(facts, {
      metric: "roas",
      dimension: "campaign",
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(explanation.previous).toBe(1115 / 500);
    expect(explanation.current).toBe(1401 / 575);
    expect(sumOfTotals(explanation)).toBeCloseTo(explanation.change as number, 12);
    for (const contribution of explanation.contributions) {
      expect(contribution.total).toBeCloseTo(
        (contribution.mixEffect as number) + (contribution.rateEffect as number),
        12,
      );
    }
    const byKey = new Map(explanation.contributions.map((contribution) => [contribution.key, contribution]));
    expect(byKey.get("Launch")?.rateEffect).toBe(0);
    expect(byKey.get("Retired")?.rateEffect).toBe(0);
    expect(byKey.get("(not set)")?.previous).toBeNull();
    expect(byKey.get("Organic")?.mixEffect).toBe(0);
    expect(byKey.get("Organic")?.rateEffect).toBeCloseTo(20 / 575 - 55 / 500, 12);
    const magnitudes = explanation.contributions.map((contribution) =>
      Math.abs(contribution.total as number),
    );
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
  });

  it("gives each segment its own delta for an additive measure", () => {
    const facts = factTableFromRecords([
      inPreviousWeek({ channel: "search", spend: 100 }),
      inPreviousWeek({ channel: "social", spend: 40 }),
      inCurrentWeek({ channel: "search", spend: 90 }),
      inCurrentWeek({ channel: "video", spend: 70 }),
    ]);
    const explanation = explainChange(facts, {
      metric: "spend",
      dimension: "channel",
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(explanation.change).toBe(20);
    expect(
      explanation.contributions.map((contribution) => [
        contribution.key,
        contribution.previous,
        contribution.current,
        contribution.total,
      ]),
    ).toEqual([
      ["video", 0, 70, 70],
      ["social", 40, 0, -40],
      ["search", 100, 90, -10],
    ]);
    expect(explanation.contributions[0]?.mixEffect).toBeNull();
  });

  it("has no change to explain when a period has no denominator", () => {
    const facts = factTableFromRecords([inCurrentWeek({ channel: "search", spend: 10, revenue: 30 })]);
    const explanation = explainChange(facts, {
      metric: "roas",
      dimension: "channel",
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(explanation.previous).toBeNull();
    expect(explanation.change).toBeNull();
    expect(explanation.contributions).toEqual([
      {
        key: "search",
        previous: null,
        current: 3,
        previousShare: null,
        currentShare: null,
        mixEffect: null,
        rateEffect: null,
        total: null,
      },
    ]);
  });
});
