/**
 * The budget move's backtest on the real daily exports: each of the last 26 weeks of every campaign (and
 * ad set) is held out in turn, the response curve is fitted on the 90 days before it, and the week's
 * results are predicted from the spend it actually had, against "results per dollar stays what it was"
 * over the same days. Only weeks the tool would have answered count. Results are conversions, revenue or
 * clicks, and Meta's "results" where the export has no conversions.
 */

import { budgetBacktest, type HeldOutWeek, heldOutErrors } from "../src/optimizer/budget-backtest.js";
import type { CampaignDays } from "../src/optimizer/budget-readiness.js";
import { dailySeriesBy } from "../src/optimizer/daily-series.js";
import { realDailyExports } from "./real-daily-exports.js";

const HELD_OUT_WEEKS = 26;
const OUTCOMES = ["conversions", "revenue", "clicks", "results"] as const;

export async function run(): Promise<void> {
  const pooled: HeldOutWeek[] = [];
  const started = performance.now();
  for (const { file, dataset } of await realDailyExports()) {
    for (const dimension of ["campaign", "ad_group"]) {
      if (!dataset.facts.dimensions[dimension] || !dataset.facts.days) continue;
      const extras = "results" in dataset.facts.extraMeasures ? ["results"] : [];
      const series = dailySeriesBy(dataset.facts, dimension, undefined, extras);
      for (const outcome of OUTCOMES) {
        const weeks: HeldOutWeek[] = [];
        for (const [name, days] of series) {
          const results = outcome === "results" ? days.extras.results : days.values[outcome];
          if (!results || !days.values.spend) continue;
          const campaign: CampaignDays = { name, firstDay: days.firstDay, spend: days.values.spend, results };
          weeks.push(...budgetBacktest(campaign, HELD_OUT_WEEKS));
        }
        const errors = heldOutErrors(weeks);
        if (!errors) {
          if (series.size > 0 && outcomeExists(dataset.facts, outcome)) {
            console.log(
              `${file.split("/")[1]} · by ${dimension} · ${outcome}: no week the tool would answer (too few days, flat spend or no ${outcome})`,
            );
          }
          continue;
        }
        pooled.push(...weeks);
        console.log(
          `${file.split("/")[1]} · by ${dimension} · ${outcome}: curve ${pct(errors.curve)}, constant ROAS ${pct(errors.constantRoas)} (${weeks.length} held-out weeks)`,
        );
      }
    }
  }
  const errors = heldOutErrors(pooled);
  console.log(
    errors
      ? `POOLED: curve ${pct(errors.curve)}, constant ROAS ${pct(errors.constantRoas)} (${pooled.length} held-out weeks) ${errors.curve <= errors.constantRoas ? "✓ at least as good" : "✗ worse"}`
      : "POOLED: no held-out week on these exports",
  );
  console.log(`backtest time ${(performance.now() - started).toFixed(0)} ms`);
}

function outcomeExists(facts: { measures: object; extraMeasures: object }, outcome: string): boolean {
  return outcome in facts.measures || outcome in facts.extraMeasures;
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
