import { dayToIso } from "../ingest/fact-table.js";
import { sum } from "./quantiles.js";

/** Days a curve needs: four weeks with spend, so each weekday is seen at four spend levels at least. */
export const MIN_CURVE_DAYS = 28;
/** Below this coefficient of variation of daily spend, the data holds one spend level, not a curve. */
export const MIN_SPEND_VARIATION = 0.15;
/** A run of days with spend and no results this long, where this many were usual a day, is a gap. */
const GAP_RUN_DAYS = 3;
const GAP_EXPECTED_PER_DAY = 3;

export interface CampaignDays {
  name: string;
  firstDay: number;
  spend: number[];
  results: number[];
}

/**
 * Why one campaign's days cannot support a response curve, or null. Each reason says what is missing
 * and how much would do: a curve from one spend level or from days when tracking was off is a guess
 * that looks like an answer.
 */
export function curveRefusal(days: CampaignDays, resultsName: string): string | null {
  const activeSpend = days.spend.filter((value) => value > 0);
  if (activeSpend.length < MIN_CURVE_DAYS) {
    return `${activeSpend.length} days with spend; a response curve needs at least ${MIN_CURVE_DAYS}`;
  }
  const mean = sum(activeSpend) / activeSpend.length;
  const variance = sum(activeSpend.map((value) => (value - mean) ** 2)) / (activeSpend.length - 1);
  const variation = Math.sqrt(variance) / mean;
  if (variation < MIN_SPEND_VARIATION) {
    return `daily spend hardly varied (±${Math.round(variation * 100)}% around its mean), so the data cannot show how ${resultsName} respond to more or less spend; it needs days at clearly different budgets (±${Math.round(MIN_SPEND_VARIATION * 100)}% or more)`;
  }
  if (sum(days.results) <= 0) return `no ${resultsName} were recorded on any day with spend`;
  const gap = trackingGap(days);
  if (gap) {
    return `${resultsName} look untracked from ${dayToIso(days.firstDay + gap.from)} to ${dayToIso(days.firstDay + gap.to)}: ${gap.to - gap.from + 1} days with spend and none recorded where about ${Math.round(gap.expected)} a day were usual`;
  }
  return null;
}

function trackingGap(days: CampaignDays): { from: number; to: number; expected: number } | null {
  const rate = sum(days.results) / Math.max(1e-9, sum(days.spend));
  let runStart = -1;
  let expected = 0;
  for (let i = 0; i <= days.spend.length; i++) {
    const spend = days.spend[i] ?? 0;
    const silent = i < days.spend.length && spend > 0 && (days.results[i] as number) === 0;
    if (silent) {
      if (runStart < 0) {
        runStart = i;
        expected = 0;
      }
      expected += spend * rate;
      continue;
    }
    const length = i - runStart;
    if (runStart >= 0 && length >= GAP_RUN_DAYS && expected / length >= GAP_EXPECTED_PER_DAY) {
      return { from: runStart, to: i - 1, expected: expected / length };
    }
    runStart = -1;
  }
  return null;
}
