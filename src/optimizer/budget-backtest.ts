import { CURVE_WINDOW_DAYS } from "./budget-moves.js";
import { type CampaignDays, curveRefusal } from "./budget-readiness.js";
import { sum } from "./quantiles.js";
import { fitResponseCurve, predictResults } from "./response-curve.js";

/** One held-out week of one campaign: its results, and each method's prediction from its actual spend. */
export interface HeldOutWeek {
  campaign: string;
  weekStart: number;
  actual: number;
  curve: number;
  constantRoas: number;
}

/**
 * Holds out each of the last `weeks` weeks in turn, fits on the days before it (the same window the tool
 * uses) and predicts the week's results from the spend it actually had: by the response curve, and by
 * "results per dollar stays what it was" over the same training days. Only weeks the tool would have
 * answered count (enough days, spend that varied, no tracking gap). The better method predicts what a
 * different budget would bring.
 */
export function budgetBacktest(campaign: CampaignDays, weeks = 4): HeldOutWeek[] {
  const held: HeldOutWeek[] = [];
  for (let week = weeks; week >= 1; week--) {
    const origin = campaign.spend.length - 7 * week;
    const start = Math.max(0, origin - CURVE_WINDOW_DAYS);
    if (origin <= 0) continue;
    const spend = campaign.spend.slice(start, origin);
    const results = campaign.results.slice(start, origin);
    const training = { ...campaign, firstDay: campaign.firstDay + start, spend, results };
    if (curveRefusal(training, "results") !== null) continue;
    const curve = fitResponseCurve(spend, results);
    const perDollar = sum(results) / sum(spend);
    const testSpend = campaign.spend.slice(origin, origin + 7);
    held.push({
      campaign: campaign.name,
      weekStart: campaign.firstDay + origin,
      actual: sum(campaign.results.slice(origin, origin + 7)),
      curve: sum(testSpend.map((value) => predictResults(curve, value))),
      constantRoas: sum(testSpend) * perDollar,
    });
  }
  return held;
}

/** Total absolute error of each method over total actual results (weighted absolute percentage error). */
export function heldOutErrors(weeks: readonly HeldOutWeek[]): { curve: number; constantRoas: number } | null {
  const actual = sum(weeks.map((week) => week.actual));
  if (weeks.length === 0 || actual <= 0) return null;
  return {
    curve: sum(weeks.map((week) => Math.abs(week.actual - week.curve))) / actual,
    constantRoas: sum(weeks.map((week) => Math.abs(week.actual - week.constantRoas))) / actual,
  };
}
