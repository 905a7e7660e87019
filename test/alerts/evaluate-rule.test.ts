import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/alerts/evaluate-rule.js";
import { parseRule } from "../../src/alerts/index.js";
import { dayToIso, type FactRecord, factTableFromRecords, isoToDay } from "../../src/ingest/index.js";

const TODAY = isoToDay("2025-05-10");
const day = (offset: number) => dayToIso(TODAY + offset);

/** Two weeks of steady days for two campaigns on two channels, then today as given. */
function history(today: FactRecord[]): FactRecord[] {
  const rows: FactRecord[] = [];
  for (let offset = -14; offset < 0; offset++) {
    rows.push({
      date: day(offset),
      campaign: "Brand",
      channel: "google",
      spend: 100,
      revenue: 400,
      conversions: 4,
    });
    rows.push({
      date: day(offset),
      campaign: "Promo",
      channel: "meta",
      spend: 100,
      revenue: 300,
      conversions: 2,
    });
  }
  return [...rows, ...today.map((row) => ({ date: day(0), ...row }))];
}

const evaluate = (text: string, records: FactRecord[]) =>
  evaluateRule(parseRule(text), factTableFromRecords(records), TODAY);

describe("evaluating rules on live facts", () => {
  it("judges a threshold over today, for all rows or per segment", () => {
    const facts = history([
      { campaign: "Brand", channel: "google", spend: 200, revenue: 800 },
      { campaign: "Promo", channel: "meta", spend: 300, revenue: 240 },
    ]);
    const all = evaluate("roas < 2 window 24h", facts);
    expect(all.window).toEqual({ from: "2025-05-10", to: "2025-05-10" });
    expect(all.verdicts).toEqual([
      expect.objectContaining({
        key: "all",
        segment: null,
        value: 1040 / 500,
        limit: 2,
        breached: false,
        judged: true,
      }),
    ]);
    const perCampaign = evaluate("roas < 2 by campaign", facts).verdicts;
    expect(perCampaign.map((v) => [v.key, v.value, v.breached])).toEqual([
      ["Promo", 0.8, true],
      ["Brand", 4, false],
    ]);
  });

  it("takes a window of several days as one figure, and narrows to its scope", () => {
    const facts = history([{ campaign: "Promo", channel: "meta", spend: 100, revenue: 0 }]);
    const week = evaluate("roas < 2.9 window 2d for channel meta", facts).verdicts[0];
    expect(week).toMatchObject({ key: "all", value: 300 / 200, spend: 200, breached: true });
  });

  it("leaves segments below the minimum spend unjudged", () => {
    const facts = history([{ campaign: "Promo", channel: "meta", spend: 30, revenue: 0 }]);
    const [promo] = evaluate("roas < 2 by campaign min spend 50", facts).verdicts;
    expect(promo).toMatchObject({ key: "Promo", value: 0, judged: false, breached: false });
  });

  it("compares today with a multiple of the previous days' daily average", () => {
    const facts = history([
      { campaign: "Brand", channel: "google", spend: 90 },
      { campaign: "Promo", channel: "meta", spend: 200 },
    ]);
    const total = evaluate("spend today > 1.3 x daily average", facts).verdicts[0];
    expect(total).toMatchObject({ value: 290, baseline: 200, limit: 260, breached: true });
    const perChannel = evaluate("spend today > 1.3 x daily average by channel", facts).verdicts;
    expect(perChannel.map((v) => [v.key, v.breached])).toEqual([
      ["meta", true],
      ["google", false],
    ]);
    const kpi = evaluate("cpa today > 1.5x daily average", facts).verdicts[0];
    // Baseline CPA is 200 / 6 per day over 7 days, a ratio of sums; today has spend but no conversions.
    expect(kpi).toMatchObject({ baseline: 1400 / 42, judged: false });
  });

  it("flags a day the anomaly detector finds unusual within the window", () => {
    const facts = history([
      { campaign: "Brand", channel: "google", spend: 100, conversions: 4 },
      { campaign: "Promo", channel: "meta", spend: 100, conversions: 0.5 },
    ]);
    const verdicts = evaluate("anomaly cpa by campaign", facts).verdicts;
    const promo = verdicts.find((v) => v.key === "Promo");
    expect(promo).toMatchObject({ breached: true, judged: true, value: 200 });
    expect(promo?.anomaly).toMatchObject({ date: "2025-05-10", direction: "above" });
    expect(verdicts.find((v) => v.key === "Brand")).toMatchObject({ breached: false, judged: true });
  });

  it("gives no verdicts when the data cannot answer yet", () => {
    expect(evaluate("roas < 2 by campaign", []).verdicts).toEqual([]);
    expect(evaluate("roas < 2 by country", history([])).verdicts).toEqual([]);
    expect(evaluate("roas < 2 for country BR", history([])).verdicts).toEqual([]);
  });
});
