import { describe, expect, it } from "vitest";
import { planBudget } from "../../src/optimizer/budget-moves.js";
import { type CampaignDays, curveRefusal } from "../../src/optimizer/budget-readiness.js";
import { dailySeriesBy } from "../../src/optimizer/daily-series.js";
import { BUDGET_CAMPAIGNS, dailyCampaignCsv, datasetOf, type TrueCampaign } from "./daily-fixtures.js";

function campaignsOf(campaigns: readonly TrueCampaign[], days: number, seed = 7): CampaignDays[] {
  const dataset = datasetOf(dailyCampaignCsv(campaigns, days, { seed }));
  return [...dailySeriesBy(dataset.facts, "campaign")].map(([name, series]) => ({
    name,
    firstDay: series.firstDay,
    spend: series.values.spend,
    results: series.values.conversions,
  }));
}

const truth = (campaign: TrueCampaign, spend: number) =>
  (campaign.ceiling * spend) / (spend + campaign.halfSpend);

describe("budget moves", () => {
  it("moves spend from the saturated campaign to the one with room, and the true gain lies in its interval", () => {
    const plan = planBudget(campaignsOf(BUDGET_CAMPAIGNS, 84, 1), "conversions");
    expect(plan.refused).toEqual([]);
    expect(plan.transfers).toHaveLength(1);
    expect(plan.transfers[0]).toMatchObject({ from: "Prospecting - Broad", to: "Retargeting" });
    expect(plan.clear).toBe(true);
    // The gain the true curves give for the recommended spends: a second path to the figure.
    const trueGain = BUDGET_CAMPAIGNS.reduce((total, campaign) => {
      const fitted = plan.fitted.find((item) => item.name === campaign.name);
      if (!fitted) return total;
      const next = plan.recommended[campaign.name] ?? fitted.current;
      return total + 7 * (truth(campaign, next) - truth(campaign, fitted.current));
    }, 0);
    expect(trueGain).toBeGreaterThan(0);
    expect(plan.gain.low).toBeLessThanOrEqual(trueGain);
    expect(plan.gain.high).toBeGreaterThanOrEqual(trueGain);
    // The total is unchanged.
    const before = plan.fitted.reduce((total, item) => total + item.current, 0);
    const after = Object.values(plan.recommended).reduce((total, value) => total + value, 0);
    expect(after).toBeCloseTo(before, 6);
  });

  it("its likely range holds the true gain about as often as 80% promises", () => {
    let held = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const plan = planBudget(campaignsOf(BUDGET_CAMPAIGNS, 84, seed), "conversions");
      const trueGain = BUDGET_CAMPAIGNS.reduce((total, campaign) => {
        const fitted = plan.fitted.find((item) => item.name === campaign.name);
        const next = plan.recommended[campaign.name] ?? fitted?.current ?? 0;
        return total + 7 * (truth(campaign, next) - truth(campaign, fitted?.current ?? 0));
      }, 0);
      if (plan.gain.low <= trueGain && trueGain <= plan.gain.high) held++;
    }
    expect(held).toBeGreaterThanOrEqual(14);
  });

  it("marginal returns are ordered as the true curves order them", () => {
    const plan = planBudget(campaignsOf(BUDGET_CAMPAIGNS, 84), "conversions");
    const [prospecting, retargeting] = BUDGET_CAMPAIGNS as [TrueCampaign, TrueCampaign];
    // By hand at the mean spends: Prospecting 40·300/900² = 0.0148, Retargeting 60·900/1,100² = 0.0446.
    const fitted = (name: string) => plan.fitted.find((item) => item.name === name);
    expect(fitted(retargeting.name)?.marginal.expected).toBeGreaterThan(
      fitted(prospecting.name)?.marginal.expected ?? 0,
    );
  });

  it("makes no move when the gain's interval includes none", () => {
    const alike: TrueCampaign[] = [
      { name: "A", spend: 300, swing: 0.4, ceiling: 30, halfSpend: 600 },
      { name: "B", spend: 300, swing: 0.4, ceiling: 30, halfSpend: 600 },
    ];
    const plan = planBudget(campaignsOf(alike, 70), "conversions");
    expect(plan.clear).toBe(false);
  });

  it("refuses too few days, flat spend and a tracking gap, saying what would do", () => {
    const [first] = campaignsOf(BUDGET_CAMPAIGNS, 20);
    expect(first && curveRefusal(first, "conversions")).toMatch(/20 days with spend; .* at least 28/);
    const [flat] = campaignsOf([{ name: "Flat", spend: 500, swing: 0.02, ceiling: 40, halfSpend: 300 }], 60);
    expect(flat && curveRefusal(flat, "conversions")).toMatch(/hardly varied .*\(±15% or more\)/);
    const [gap] = campaignsOf(BUDGET_CAMPAIGNS, 60);
    if (!gap) throw new Error("no campaign");
    for (let day = 30; day < 35; day++) gap.results[day] = 0;
    expect(curveRefusal(gap, "conversions")).toMatch(/untracked from 2024-07-01 to 2024-07-05: 5 days/);
  });
});
